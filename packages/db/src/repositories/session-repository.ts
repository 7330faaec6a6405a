import type { Tx } from '../client';

export type StoredSession = {
  tokenHash: string;
  councilId: string;
  userId: string | null;
  caseId: string | null;
  kind: 'staff' | 'advocate' | 'citizen';
  state: 'pending_second_factor' | 'active';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

export function sessionRepository(tx: Tx) {
  return {
    async insert(session: Omit<StoredSession, 'createdAt' | 'lastSeenAt'> & { now: Date }): Promise<void> {
      await tx
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          council_id: session.councilId,
          user_id: session.userId,
          case_id: session.caseId,
          kind: session.kind,
          state: session.state,
          created_at: session.now,
          last_seen_at: session.now,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async findByTokenHash(tokenHash: string): Promise<StoredSession | undefined> {
      const row = await tx.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!row) return undefined;
      return {
        tokenHash: row.token_hash,
        councilId: row.council_id,
        userId: row.user_id,
        caseId: row.case_id,
        kind: row.kind,
        state: row.state,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      };
    },
    async touch(tokenHash: string, now: Date): Promise<void> {
      await tx.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
    },
    async delete(tokenHash: string): Promise<void> {
      await tx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}
