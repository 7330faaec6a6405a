import { sql } from 'kysely';
import type { HeardDatabase, Tx } from '../client';

/** A finished case past (or near) its retention date. */
export type RetentionCandidate = { id: string; reference: string; type: string; status: string; closedOn: string; legalHold: boolean };

const FINISHED = ['closed', 'withdrawn', 'out_of_remit'] as const;

/**
 * Retention (rules.md "Privacy"): finished cases are anonymised once the
 * council's retention period after closure has passed. What a report
 * counts stays (type, stage, dates, outcome, decision, division, service,
 * themes, locality, flags such as advocacy); what identifies a person goes
 * (names, contact details, free text, documents, codes and links).
 */
export function retentionRepository(tx: Tx) {
  return {
    /** Finished, not yet anonymised cases closed on or before `closedOnOrBefore`. */
    async listCandidates(closedOnOrBefore: string): Promise<RetentionCandidate[]> {
      const rows = await tx
        .selectFrom('cases')
        .select(['id', 'reference', 'type', 'status', 'closed_on', 'legal_hold'])
        .where('status', 'in', FINISHED)
        .where('closed_on', 'is not', null)
        .where('closed_on', '<=', closedOnOrBefore)
        .where('anonymised_at', 'is', null)
        .orderBy('closed_on')
        .orderBy('reference')
        .execute();
      return rows.map((r) => ({ id: r.id, reference: r.reference, type: r.type, status: r.status, closedOn: r.closed_on!, legalHold: r.legal_hold }));
    },
  };
}

/** Keys of event payloads that hold words about people, whatever their value. */
const PERSONAL_KEYS = /name|email|phone|address|postcode|birth|dob|text|body|note|summary|detail|description|message|comment|reason|answer|subject|content|adjustment|relationship/i;
/** A code (`partly_upheld`, `stage_2`), not words: lower case, no spaces, starting with a letter. */
const CODE = /^[a-z][a-z0-9_.-]{0,63}$/;
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An event payload with the words about people taken out: numbers,
 * booleans, dates, ids and codes stay (what reports and timelines count);
 * any other string, and anything under a key that names personal data, goes.
 *
 * @example scrubPayload({ outcome: 'upheld', note: 'Spoke to Mrs Smith', on: '2024-01-02' }) // { outcome: 'upheld', on: '2024-01-02' }
 */
export function scrubPayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubPayload).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (PERSONAL_KEYS.test(key)) continue;
      const scrubbed = scrubPayload(inner);
      if (scrubbed !== undefined) out[key] = scrubbed;
    }
    return out;
  }
  if (typeof value === 'string') return CODE.test(value) || DATE_OR_INSTANT.test(value) || UUID.test(value) ? value : undefined;
  return value;
}

/**
 * Anonymises cases of one council. Runs as the owner connection (not
 * `heard_app`) with the council selected for row-level security: history
 * (`case_events`, `letters`, `audit_log`) is insert-only for the app role,
 * and this nightly job is the one place that may rewrite it, to take the
 * personal data out (docs/adr/0007-job-queue.md). One transaction: all or
 * nothing. Cases under a legal hold are never touched.
 */
export async function anonymiseCases(database: HeardDatabase, councilId: string, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  return database.db.transaction().execute(async (tx) => {
    await sql`select set_config('heard.council_id', ${councilId}, true)`.execute(tx);
    const ids = [...caseIds];
    const locked = await sql<{ id: string; flags: unknown; lifecycle: unknown }>`
      select id, flags, lifecycle from cases
      where id = any(${ids}::uuid[]) and council_id = ${councilId} and legal_hold = false and anonymised_at is null
        and status in ('closed', 'withdrawn', 'out_of_remit')
      for update`.execute(tx);
    const done = locked.rows.map((r) => r.id);
    if (done.length === 0) return [];
    for (const row of locked.rows) {
      await sql`
        update cases set summary = null, details = null, remedy = null,
          flags = ${JSON.stringify(scrubPayload(row.flags) ?? {})}::jsonb,
          lifecycle = ${JSON.stringify(scrubPayload(row.lifecycle) ?? {})}::jsonb,
          anonymised_at = now(), updated_at = now()
        where id = ${row.id}`.execute(tx);
    }
    const events = await sql<{ id: number; payload: unknown }>`select id, payload from case_events where case_id = any(${done}::uuid[])`.execute(tx);
    for (const event of events.rows) {
      await sql`update case_events set payload = ${JSON.stringify(scrubPayload(event.payload) ?? {})}::jsonb where id = ${event.id}`.execute(tx);
    }
    await sql`
      update case_people set name = null, email = null, phone = null, date_of_birth = null, address = null,
        relationship = null, adjustments = null, user_id = null
      where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`update complaint_points set summary = 'Anonymised', notes = null where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`update remedies set description = null where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`update letters set subject = 'Anonymised', body = '' where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`update advocacy_referrals set young_person_name = 'Anonymised', advocate_name = null where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`
      update outbox_messages set recipient = 'anonymised', payload = '{}'::jsonb, subject = null, body = null
      where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`update audit_log set ip = null where case_id = any(${done}::uuid[])`.execute(tx);
    // Documents, one-time codes and links, drafts and citizen sessions go altogether.
    await sql`delete from attachments where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`delete from access_codes where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`delete from tracking_locks where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`delete from drafts where case_id = any(${done}::uuid[])`.execute(tx);
    await sql`delete from sessions where case_id = any(${done}::uuid[])`.execute(tx);
    for (const id of done) {
      await sql`
        insert into case_events (council_id, case_id, type, payload, actor_user_id, actor_label)
        values (${councilId}, ${id}, 'anonymised', '{}'::jsonb, null, 'system')`.execute(tx);
      await sql`
        insert into audit_log (council_id, case_id, actor_user_id, actor_label, action, detail)
        values (${councilId}, ${id}, null, 'system', 'change', 'jobs.retention.anonymise')`.execute(tx);
    }
    return done;
  });
}
