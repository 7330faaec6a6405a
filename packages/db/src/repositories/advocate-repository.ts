import type { Tx } from '../client';

export type Advocate = {
  id: string;
  email: string;
  displayName: string;
  organisation: string | null;
  passwordHash: string | null;
  active: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
};

const columns = ['id', 'email', 'display_name', 'organisation', 'password_hash', 'active', 'failed_sign_ins', 'locked_until'] as const;

function toAdvocate(row: {
  id: string;
  email: string;
  display_name: string;
  organisation: string | null;
  password_hash: string | null;
  active: boolean;
  failed_sign_ins: number;
  locked_until: Date | null;
}): Advocate {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    organisation: row.organisation,
    passwordHash: row.password_hash,
    active: row.active,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
  };
}

/** Advocates' accounts (users of kind `advocate`): they act for young people, and see only those cases. */
export function advocateRepository(tx: Tx) {
  return {
    /** Creates the account; `undefined` when the email already has one at this council. */
    async create(values: { councilId: string; email: string; displayName: string; organisation: string; passwordHash: string; language: 'en' | 'cy' }): Promise<Advocate | undefined> {
      const row = await tx
        .insertInto('users')
        .values({
          council_id: values.councilId,
          email: values.email.trim().toLowerCase(),
          display_name: values.displayName,
          kind: 'advocate',
          organisation: values.organisation,
          password_hash: values.passwordHash,
          totp_secret: null,
          language: values.language,
          locked_until: null,
        })
        .onConflict((oc) => oc.columns(['council_id', 'email']).doNothing())
        .returning(columns)
        .executeTakeFirst();
      return row ? toAdvocate(row) : undefined;
    },

    async findByEmail(email: string): Promise<Advocate | undefined> {
      const row = await tx.selectFrom('users').select(columns).where('email', '=', email.trim().toLowerCase()).where('kind', '=', 'advocate').executeTakeFirst();
      return row ? toAdvocate(row) : undefined;
    },

    async getById(id: string): Promise<Advocate> {
      const row = await tx.selectFrom('users').select(columns).where('id', '=', id).where('kind', '=', 'advocate').executeTakeFirstOrThrow();
      return toAdvocate(row);
    },
  };
}
