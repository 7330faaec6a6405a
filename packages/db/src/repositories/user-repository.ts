import type { StaffRole } from '@heard/domain';
import type { Tx } from '../client';

export type RoleGrant = { role: StaffRole; divisionId: string | null; serviceId: string | null };

export type StaffUser = {
  id: string;
  councilId: string;
  email: string;
  displayName: string;
  kind: 'staff' | 'advocate';
  passwordHash: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
  active: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
  language: 'en' | 'cy';
};

export function userRepository(tx: Tx) {
  return {
    async findByEmail(email: string): Promise<StaffUser | undefined> {
      const row = await tx.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        councilId: row.council_id,
        email: row.email,
        displayName: row.display_name,
        kind: row.kind,
        passwordHash: row.password_hash,
        totpSecret: row.totp_secret,
        totpLastStep: row.totp_last_step,
        active: row.active,
        failedSignIns: row.failed_sign_ins,
        lockedUntil: row.locked_until,
        language: row.language,
      };
    },
    async getById(id: string): Promise<StaffUser> {
      const row = await tx.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow();
      const user = await this.findByEmail(row.email);
      if (!user) throw new Error(`user ${id} vanished`);
      return user;
    },
    async findRoles(userId: string): Promise<RoleGrant[]> {
      const rows = await tx.selectFrom('user_roles').select(['role', 'division_id', 'service_id']).where('user_id', '=', userId).execute();
      return rows.map((r) => ({ role: r.role as StaffRole, divisionId: r.division_id, serviceId: r.service_id }));
    },
    async recordFailedSignIn(userId: string, lockedUntil: Date | null): Promise<void> {
      await tx
        .updateTable('users')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), locked_until: lockedUntil }))
        .where('id', '=', userId)
        .execute();
    },
    async recordSuccessfulSignIn(userId: string): Promise<void> {
      await tx.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', userId).execute();
    },
    async recordTotpStep(userId: string, step: number): Promise<void> {
      await tx.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
    },
  };
}
