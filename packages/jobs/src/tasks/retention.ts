import { anonymiseCases, jobsRepository, retentionRepository, type HeardDatabase, type RetentionCandidate } from '@heard/db';
import { addMonths, computeRetentionDate } from '@heard/domain';
import { loadCouncilRules } from './council-rules';

export type RetentionListing = {
  /** Past the retention date: anonymised by the run (or listed, in a dry run). */
  due: Array<RetentionCandidate & { retainUntil: string }>;
  /** Past it but under a legal hold: kept while the hold stands. */
  held: Array<RetentionCandidate & { retainUntil: string }>;
};

/**
 * What retention would do for one council on `today`: finished cases whose
 * retention date (closure + the council's retention period, 6 years by
 * default; `computeRetentionDate`) is before today. A case on its retention
 * date is still kept.
 */
export async function listRetention(database: HeardDatabase, options: { councilId: string; today: string }): Promise<RetentionListing> {
  return database.withCouncil(options.councilId, async (tx) => {
    const { rules } = await loadCouncilRules(tx, options.councilId, options.today);
    // A generous bound for the query (a month more), then the domain's exact date.
    const bound = addMonths(options.today, -(rules.policy.retentionYears * 12) + 1);
    const candidates = await retentionRepository(tx).listCandidates(bound);
    const listing: RetentionListing = { due: [], held: [] };
    for (const c of candidates) {
      const retainUntil = computeRetentionDate(c.closedOn, rules.policy);
      if (retainUntil >= options.today) continue;
      (c.legalHold ? listing.held : listing.due).push({ ...c, retainUntil });
    }
    return listing;
  });
}

export type RetentionRun = RetentionListing & { anonymised: string[]; dryRun: boolean };

/** The nightly run: anonymise what `listRetention` lists as due (never a case under a legal hold). */
export async function runRetention(database: HeardDatabase, options: { councilId: string; today: string; dryRun?: boolean }): Promise<RetentionRun> {
  const listing = await listRetention(database, options);
  if (options.dryRun) return { ...listing, anonymised: [], dryRun: true };
  const anonymised = await anonymiseCases(database, options.councilId, listing.due.map((c) => c.id));
  await database.withCouncil(options.councilId, (tx) =>
    jobsRepository(tx).recordRun(options.councilId, 'retention', options.today, { anonymised: anonymised.length, held: listing.held.length }),
  );
  return { ...listing, anonymised, dryRun: false };
}
