export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { createCouncil, createStaffUser, createCase } from './factories';
export { seed000Rows, otherTableRows, SEED_000_TABLES, toCsv, CSV_COLUMNS } from '../reports/report-test-data';
export type { CsvRow } from '../reports/report-test-data';
