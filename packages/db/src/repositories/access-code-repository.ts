import type { Tx } from '../client';

export type AccessPurpose = 'track_code' | 'track_link' | 'advocate_link';

export type AccessCode = {
  id: string;
  purpose: AccessPurpose;
  caseId: string | null;
  userId: string | null;
  secretHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

type Row = {
  id: string;
  purpose: AccessPurpose;
  case_id: string | null;
  user_id: string | null;
  secret_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
};

function toAccessCode(row: Row): AccessCode {
  return {
    id: row.id,
    purpose: row.purpose,
    caseId: row.case_id,
    userId: row.user_id,
    secretHash: row.secret_hash,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    createdAt: row.created_at,
  };
}

/**
 * One-time codes and links, stored only as hashes: a code to track a case,
 * the link in our emails that opens the case, an advocate's sign-in link.
 */
export function accessCodeRepository(tx: Tx) {
  return {
    async insert(values: { councilId: string; purpose: AccessPurpose; caseId: string | null; userId: string | null; secretHash: string; expiresAt: Date; now: Date }): Promise<void> {
      await tx
        .insertInto('access_codes')
        .values({
          council_id: values.councilId,
          purpose: values.purpose,
          case_id: values.caseId,
          user_id: values.userId,
          secret_hash: values.secretHash,
          expires_at: values.expiresAt,
          created_at: values.now,
        })
        .execute();
    },

    /** A link (track or advocate) by its secret's hash, if it is still valid on `now`. */
    async findLiveLink(purpose: 'track_link' | 'advocate_link', secretHash: string, now: Date): Promise<AccessCode | undefined> {
      const row = await tx
        .selectFrom('access_codes')
        .selectAll()
        .where('purpose', '=', purpose)
        .where('secret_hash', '=', secretHash)
        .where('expires_at', '>', now)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return row ? toAccessCode(row) : undefined;
    },

    /** The case's tracking codes still valid on `now`, newest first. */
    async findLiveCodes(caseId: string, now: Date): Promise<AccessCode[]> {
      const rows = await tx
        .selectFrom('access_codes')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('purpose', '=', 'track_code')
        .where('expires_at', '>', now)
        .where('used_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(5)
        .execute();
      return rows.map(toAccessCode);
    },

    /** How many codes of a purpose were made for a case (or user) since a time: limits how often they are sent. */
    async countSince(values: { purpose: AccessPurpose; caseId?: string; userId?: string; since: Date }): Promise<number> {
      let query = tx.selectFrom('access_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('purpose', '=', values.purpose).where('created_at', '>=', values.since);
      if (values.caseId) query = query.where('case_id', '=', values.caseId);
      if (values.userId) query = query.where('user_id', '=', values.userId);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async markUsed(id: string, now: Date): Promise<void> {
      await tx.updateTable('access_codes').set({ used_at: now }).where('id', '=', id).execute();
    },

    /** Ends every unused tracking code of a case (after a successful sign-in, or a lock). */
    async expireCodes(caseId: string, now: Date): Promise<void> {
      await tx.updateTable('access_codes').set({ used_at: now }).where('case_id', '=', caseId).where('purpose', '=', 'track_code').where('used_at', 'is', null).execute();
    },
  };
}
