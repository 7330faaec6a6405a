import type { IsoDate } from '@heard/domain';

/**
 * The default "as of" date of synthetic data: fixed, so the same seed gives
 * the same data on any day. A file of its own (`@heard/db/synthetic-as-of`)
 * so that `heard generate --help` can show it without loading the database.
 */
export const SYNTHETIC_AS_OF: IsoDate = '2026-03-31';
