import type { Tx } from '../client';
import type { JourneyCode } from '../schema/intake-tables';

/** A journey's saved answers: raw form values by step, as the person typed them. */
export type Draft = {
  id: string;
  journey: JourneyCode;
  answers: Record<string, Record<string, unknown>>;
  idempotencyKey: string;
  language: 'en' | 'cy';
  advocateUserId: string | null;
  caseId: string | null;
  expiresAt: Date;
  updatedAt: Date;
};

const columns = ['id', 'journey', 'answers', 'idempotency_key', 'language', 'advocate_user_id', 'case_id', 'expires_at', 'updated_at'] as const;

type DraftSelection = {
  id: string;
  journey: JourneyCode;
  answers: Record<string, Record<string, unknown>>;
  idempotency_key: string;
  language: 'en' | 'cy';
  advocate_user_id: string | null;
  case_id: string | null;
  expires_at: Date;
  updated_at: Date;
};

function toDraft(row: DraftSelection): Draft {
  return {
    id: row.id,
    journey: row.journey,
    answers: row.answers ?? {},
    idempotencyKey: row.idempotency_key,
    language: row.language,
    advocateUserId: row.advocate_user_id,
    caseId: row.case_id,
    expiresAt: row.expires_at,
    updatedAt: row.updated_at,
  };
}

/** Drafts of the portal's journeys, found by the SHA-256 of the token in the person's cookie or link. */
export function draftRepository(tx: Tx) {
  return {
    async create(values: {
      councilId: string;
      journey: JourneyCode;
      tokenHash: string;
      idempotencyKey: string;
      language: 'en' | 'cy';
      advocateUserId: string | null;
      expiresAt: Date;
      now: Date;
    }): Promise<Draft> {
      const row = await tx
        .insertInto('drafts')
        .values({
          council_id: values.councilId,
          journey: values.journey,
          token_hash: values.tokenHash,
          answers: '{}',
          idempotency_key: values.idempotencyKey,
          language: values.language,
          advocate_user_id: values.advocateUserId,
          expires_at: values.expiresAt,
          created_at: values.now,
          updated_at: values.now,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toDraft(row);
    },

    /** A draft that has not expired on `now`. */
    async findLive(tokenHash: string, now: Date): Promise<Draft | undefined> {
      const row = await tx.selectFrom('drafts').select(columns).where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
      return row ? toDraft(row) : undefined;
    },

    /** Saves the answers and moves the expiry on: a person still working keeps their draft. */
    async saveAnswers(id: string, answers: Record<string, Record<string, unknown>>, values: { language: 'en' | 'cy'; expiresAt: Date; now: Date }): Promise<void> {
      await tx
        .updateTable('drafts')
        .set({ answers: JSON.stringify(answers), language: values.language, expires_at: values.expiresAt, updated_at: values.now })
        .where('id', '=', id)
        .execute();
    },

    async markSubmitted(id: string, caseId: string, now: Date): Promise<void> {
      await tx.updateTable('drafts').set({ case_id: caseId, updated_at: now }).where('id', '=', id).execute();
    },

    /** Removes drafts past their expiry (their unsubmitted uploads lose their draft and are removed with them). */
    async deleteExpired(now: Date): Promise<number> {
      const result = await tx.deleteFrom('drafts').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
