/**
 * PostgreSQL only (`*.pg.test.ts`: run by `pnpm test:postgres` on
 * TEST_DATABASE_URL; PGlite has no COPY FROM STDIN).
 */
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index';
import { syntheticFingerprint as fingerprint } from './synthetic-fingerprint.test-support';
import { generateSynthetic } from './synthetic-writer';

describe('the synthetic generator on PostgreSQL', () => {
  it('COPY writes the very rows the batched inserts write', async () => {
    const [viaCopy, viaInsert] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      const options = { cases: 1200, seed: 9, councils: 2, batchSize: 300, bulk: true };
      await generateSynthetic(viaCopy, { ...options, method: 'copy' });
      await generateSynthetic(viaInsert, { ...options, method: 'insert' });
      expect(await fingerprint(viaCopy)).toBe(await fingerprint(viaInsert));
    } finally {
      await Promise.all([viaCopy.destroy(), viaInsert.destroy()]);
    }
  });
});
