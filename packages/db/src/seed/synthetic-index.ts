/** `@heard/db/synthetic`: synthetic cases for `heard generate`, the demo council and the bench. */
export {
  ESCALATION,
  FOI_MONTH_WEIGHTS,
  MONTH_WEIGHTS,
  ROOT_MIX,
  SYNTHETIC_AS_OF,
  createRandom,
  deadlineColumnsOf,
  generateSyntheticCases,
  syntheticCouncils,
  toCsvLine,
  toImportCells,
} from './synthetic';
export type { SyntheticCase, SyntheticCaseRow, SyntheticCouncil, SyntheticOptions } from './synthetic';
export { SyntheticCouncilExistsError, generateSynthetic, growSynthetic, readSyntheticCouncil, writeSyntheticCases } from './synthetic-writer';
export type { GenerateOptions, GenerateResult, GrowOptions, SyntheticProgress, SyntheticWriteMethod } from './synthetic-writer';
