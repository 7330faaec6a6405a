import type { AdvocacyReferralSource } from '@heard/domain';
import type { Tx } from '../client';

export type AdvocacyReferral = {
  id: string;
  caseId: string | null;
  caseReference: string | null;
  referredOn: string;
  source: AdvocacyReferralSource;
  organisation: string;
  advocateName: string | null;
  youngPersonName: string;
  offered: boolean;
  accepted: boolean | null;
  consentRecordedOn: string | null;
  outcome: string | null;
};

export type DisclosureLogEntry = { id: string; caseId: string; reference: string; title: string; summary: string; outcome: string; publishedOn: string };

export type SavedView = { id: string; name: string; filters: Record<string, unknown> };

/**
 * Logs the complaints team keeps beside the cases: advocacy referrals, the
 * FOI disclosure log; and each person's saved tracker views.
 */
export function caseworkLogsRepository(tx: Tx) {
  return {
    async listAdvocacy(limit = 200): Promise<AdvocacyReferral[]> {
      const rows = await tx
        .selectFrom('advocacy_referrals as a')
        .leftJoin('cases as c', 'c.id', 'a.case_id')
        .select([
          'a.id',
          'a.case_id',
          'c.reference',
          'a.referred_on',
          'a.source',
          'a.organisation',
          'a.advocate_name',
          'a.young_person_name',
          'a.offered',
          'a.accepted',
          'a.consent_recorded_on',
          'a.outcome',
        ])
        .orderBy('a.referred_on', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseReference: r.reference,
        referredOn: r.referred_on,
        source: r.source as AdvocacyReferralSource,
        organisation: r.organisation,
        advocateName: r.advocate_name,
        youngPersonName: r.young_person_name,
        offered: r.offered,
        accepted: r.accepted,
        consentRecordedOn: r.consent_recorded_on,
        outcome: r.outcome,
      }));
    },

    async saveAdvocacy(councilId: string, referral: Omit<AdvocacyReferral, 'id' | 'caseReference'> & { id?: string | undefined }, now: Date): Promise<string | undefined> {
      const columns = {
        case_id: referral.caseId,
        referred_on: referral.referredOn,
        source: referral.source,
        organisation: referral.organisation,
        advocate_name: referral.advocateName,
        young_person_name: referral.youngPersonName,
        offered: referral.offered,
        accepted: referral.accepted,
        consent_recorded_on: referral.consentRecordedOn,
        outcome: referral.outcome,
        updated_at: now,
      };
      if (referral.id) {
        const row = await tx.updateTable('advocacy_referrals').set(columns).where('id', '=', referral.id).returning('id').executeTakeFirst();
        return row?.id;
      }
      const row = await tx.insertInto('advocacy_referrals').values({ ...columns, council_id: councilId }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async listDisclosureLog(limit = 100): Promise<DisclosureLogEntry[]> {
      const rows = await tx
        .selectFrom('disclosure_log_entries')
        .select(['id', 'case_id', 'reference', 'title', 'summary', 'outcome', 'published_on'])
        .orderBy('published_on', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, caseId: r.case_id, reference: r.reference, title: r.title, summary: r.summary, outcome: r.outcome, publishedOn: r.published_on }));
    },

    async publishDisclosure(councilId: string, entry: Omit<DisclosureLogEntry, 'id'>): Promise<string> {
      const row = await tx
        .insertInto('disclosure_log_entries')
        .values({ council_id: councilId, case_id: entry.caseId, reference: entry.reference, title: entry.title, summary: entry.summary, outcome: entry.outcome, published_on: entry.publishedOn })
        .onConflict((oc) => oc.columns(['case_id']).doUpdateSet({ title: entry.title, summary: entry.summary, outcome: entry.outcome, published_on: entry.publishedOn }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async listSavedViews(userId: string): Promise<SavedView[]> {
      const rows = await tx.selectFrom('saved_views').select(['id', 'name', 'filters']).where('user_id', '=', userId).orderBy('name').execute();
      return rows.map((r) => ({ id: r.id, name: r.name, filters: r.filters }));
    },

    async saveView(councilId: string, userId: string, view: { name: string; filters: Record<string, unknown> }): Promise<string> {
      const row = await tx
        .insertInto('saved_views')
        .values({ council_id: councilId, user_id: userId, name: view.name, filters: JSON.stringify(view.filters) })
        .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ filters: JSON.stringify(view.filters) }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async deleteView(userId: string, id: string): Promise<boolean> {
      const result = await tx.deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    // Single sign-on requests in flight.
    async insertOidcRequest(values: { stateHash: string; councilId: string; codeVerifier: string; nonce: string; returnTo: string; expiresAt: Date }): Promise<void> {
      await tx
        .insertInto('oidc_requests')
        .values({ state_hash: values.stateHash, council_id: values.councilId, code_verifier: values.codeVerifier, nonce: values.nonce, return_to: values.returnTo, expires_at: values.expiresAt })
        .execute();
    },

    /** Takes (and removes) a sign-in request: each can be completed once. */
    async takeOidcRequest(stateHash: string): Promise<{ codeVerifier: string; nonce: string; returnTo: string; expiresAt: Date } | undefined> {
      const row = await tx.deleteFrom('oidc_requests').where('state_hash', '=', stateHash).returning(['code_verifier', 'nonce', 'return_to', 'expires_at']).executeTakeFirst();
      return row ? { codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to, expiresAt: row.expires_at } : undefined;
    },

    async deleteExpiredOidcRequests(now: Date): Promise<void> {
      await tx.deleteFrom('oidc_requests').where('expires_at', '<', now).execute();
    },

    /** A staff account by its single sign-on subject, or by a verified email the first time. */
    async findStaffForOidc(subject: string, email: string | null): Promise<{ id: string; active: boolean; oidcSubject: string | null } | undefined> {
      const bySubject = await tx.selectFrom('users').select(['id', 'active', 'oidc_subject']).where('kind', '=', 'staff').where('oidc_subject', '=', subject).executeTakeFirst();
      if (bySubject) return { id: bySubject.id, active: bySubject.active, oidcSubject: bySubject.oidc_subject };
      if (!email) return undefined;
      const byEmail = await tx.selectFrom('users').select(['id', 'active', 'oidc_subject']).where('kind', '=', 'staff').where('email', '=', email.toLowerCase()).executeTakeFirst();
      return byEmail ? { id: byEmail.id, active: byEmail.active, oidcSubject: byEmail.oidc_subject } : undefined;
    },

    async linkOidcSubject(userId: string, subject: string): Promise<void> {
      await tx.updateTable('users').set({ oidc_subject: subject }).where('id', '=', userId).execute();
    },
  };
}
