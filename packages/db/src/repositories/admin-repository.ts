import { sql } from 'kysely';
import type { StaffRole } from '@heard/domain';
import type { Tx } from '../client';
import type { LetterKind } from '../schema/casework-tables';

export const REFERENCE_KINDS = ['divisions', 'services', 'themes', 'localities'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type ReferenceItem = { id: string; name: string; nameCy: string | null; active: boolean; divisionId: string | null; framework: 'statutory' | 'corporate' | null };

export type LetterTemplate = {
  id: string;
  kind: LetterKind;
  name: string;
  subjectEn: string;
  bodyEn: string;
  subjectCy: string;
  bodyCy: string;
  active: boolean;
};

export type StaffAccount = {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  hasPassword: boolean;
  hasTotp: boolean;
  oidcSubject: string | null;
  roles: { id: string; role: StaffRole; divisionId: string | null; serviceId: string | null }[];
};

/** Single sign-on settings of a council (councils.settings.oidc). The secret is never sent to a page. */
export type OidcSettings = { enabled: boolean; issuer: string; clientId: string; clientSecret: string };

export type AccessRecord = { id: number; at: Date; action: string; detail: string | null; ip: string | null; actorLabel: string; actorName: string | null; actorEmail: string | null };

/**
 * The council's own configuration: reference data, timescale policy
 * versions, closure days, letter templates, staff and their roles, single
 * sign-on; and the audit of a case's access. Row-level security lets only
 * administrators change these (and read the audit).
 */
export function adminRepository(tx: Tx) {
  return {
    async listReference(kind: ReferenceKind, options: { activeOnly?: boolean } = {}): Promise<ReferenceItem[]> {
      if (kind === 'services') {
        let q = tx.selectFrom('services').select(['id', 'name', 'name_cy', 'active', 'division_id', 'framework']).orderBy('name');
        if (options.activeOnly) q = q.where('active', '=', true);
        const rows = await q.execute();
        return rows.map((r) => ({ id: r.id, name: r.name, nameCy: r.name_cy, active: r.active, divisionId: r.division_id, framework: r.framework }));
      }
      let q = tx.selectFrom(kind).select(['id', 'name', 'name_cy', 'active']).orderBy('name');
      if (options.activeOnly) q = q.where('active', '=', true);
      const rows = await q.execute();
      return rows.map((r) => ({ id: r.id, name: r.name, nameCy: r.name_cy, active: r.active, divisionId: null, framework: null }));
    },

    /** Adds or renames an item; a name already used by another item of the same kind is a conflict (returns undefined). */
    async saveReference(
      kind: ReferenceKind,
      councilId: string,
      item: { id?: string | undefined; name: string; nameCy: string | null; active: boolean; divisionId?: string | null; framework?: 'statutory' | 'corporate' },
    ): Promise<string | undefined> {
      const clash = await tx
        .selectFrom(kind)
        .select('id')
        .where(sql`lower(name)`, '=', item.name.toLowerCase())
        .$if(Boolean(item.id), (q) => q.where('id', '<>', item.id as string))
        .executeTakeFirst();
      if (clash) return undefined;
      const extra = kind === 'services' ? { division_id: item.divisionId ?? null, framework: item.framework ?? 'corporate' } : {};
      if (item.id) {
        const row = await tx
          .updateTable(kind)
          .set({ name: item.name, name_cy: item.nameCy, active: item.active, ...extra } as never)
          .where('id', '=', item.id)
          .returning('id')
          .executeTakeFirst();
        return row?.id;
      }
      const row = await tx
        .insertInto(kind)
        .values({ council_id: councilId, name: item.name, name_cy: item.nameCy, active: item.active, ...extra } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async listPolicyVersions(): Promise<{ id: string; effectiveFrom: string; override: Record<string, unknown>; note: string | null }[]> {
      const rows = await tx.selectFrom('timescale_policy_versions').select(['id', 'effective_from', 'override', 'note']).orderBy('effective_from').execute();
      return rows.map((r) => ({ id: r.id, effectiveFrom: r.effective_from, override: r.override, note: r.note }));
    },

    async savePolicyVersion(councilId: string, version: { effectiveFrom: string; override: Record<string, unknown>; note: string | null }): Promise<void> {
      await tx
        .insertInto('timescale_policy_versions')
        .values({ council_id: councilId, effective_from: version.effectiveFrom, override: JSON.stringify(version.override), note: version.note })
        .onConflict((oc) => oc.columns(['council_id', 'effective_from']).doUpdateSet({ override: JSON.stringify(version.override), note: version.note }))
        .execute();
    },

    async deletePolicyVersion(id: string): Promise<boolean> {
      const result = await tx.deleteFrom('timescale_policy_versions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async listClosureDays(): Promise<{ date: string; name: string }[]> {
      return tx.selectFrom('closure_days').select(['date', 'name']).orderBy('date').execute();
    },

    async saveClosureDay(councilId: string, day: { date: string; name: string }): Promise<void> {
      await tx
        .insertInto('closure_days')
        .values({ council_id: councilId, date: day.date, name: day.name })
        .onConflict((oc) => oc.columns(['council_id', 'date']).doUpdateSet({ name: day.name }))
        .execute();
    },

    async deleteClosureDay(date: string): Promise<boolean> {
      const result = await tx.deleteFrom('closure_days').where('date', '=', date).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async listTemplates(options: { kind?: LetterKind; activeOnly?: boolean } = {}): Promise<LetterTemplate[]> {
      let q = tx.selectFrom('letter_templates').selectAll().orderBy('kind').orderBy('name');
      if (options.kind) q = q.where('kind', '=', options.kind);
      if (options.activeOnly) q = q.where('active', '=', true);
      const rows = await q.execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, subjectEn: r.subject_en, bodyEn: r.body_en, subjectCy: r.subject_cy, bodyCy: r.body_cy, active: r.active }));
    },

    async findTemplate(id: string): Promise<LetterTemplate | undefined> {
      const [template] = (await this.listTemplates()).filter((t) => t.id === id);
      return template;
    },

    async saveTemplate(councilId: string, template: Omit<LetterTemplate, 'id'> & { id?: string | undefined }, now: Date): Promise<string | undefined> {
      const columns = {
        kind: template.kind,
        name: template.name,
        subject_en: template.subjectEn,
        body_en: template.bodyEn,
        subject_cy: template.subjectCy,
        body_cy: template.bodyCy,
        active: template.active,
        updated_at: now,
      };
      const clash = await tx
        .selectFrom('letter_templates')
        .select('id')
        .where('kind', '=', template.kind)
        .where('name', '=', template.name)
        .$if(Boolean(template.id), (q) => q.where('id', '<>', template.id as string))
        .executeTakeFirst();
      if (clash) return undefined;
      if (template.id) {
        const row = await tx.updateTable('letter_templates').set(columns).where('id', '=', template.id).returning('id').executeTakeFirst();
        return row?.id;
      }
      const row = await tx.insertInto('letter_templates').values({ ...columns, council_id: councilId }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async listStaff(): Promise<StaffAccount[]> {
      const users = await tx
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'active', 'password_hash', 'totp_secret', 'oidc_subject'])
        .where('kind', '=', 'staff')
        .orderBy('display_name')
        .execute();
      const roles = await tx.selectFrom('user_roles').select(['id', 'user_id', 'role', 'division_id', 'service_id']).orderBy('role').execute();
      return users.map((u) => ({
        id: u.id,
        email: u.email,
        displayName: u.display_name,
        active: u.active,
        hasPassword: u.password_hash !== null,
        hasTotp: u.totp_secret !== null,
        oidcSubject: u.oidc_subject,
        roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ id: r.id, role: r.role as StaffRole, divisionId: r.division_id, serviceId: r.service_id })),
      }));
    },

    /** A new staff account; undefined when the email is already used. */
    async createStaff(councilId: string, values: { email: string; displayName: string; passwordHash: string | null; totpSecret: string | null }): Promise<string | undefined> {
      const row = await tx
        .insertInto('users')
        .values({
          council_id: councilId,
          email: values.email.toLowerCase(),
          display_name: values.displayName,
          kind: 'staff',
          organisation: null,
          password_hash: values.passwordHash,
          totp_secret: values.totpSecret,
          locked_until: null,
          totp_last_step: null,
        })
        .onConflict((oc) => oc.columns(['council_id', 'email']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async updateStaff(userId: string, values: { displayName: string; active: boolean }): Promise<boolean> {
      const result = await tx.updateTable('users').set({ display_name: values.displayName, active: values.active }).where('id', '=', userId).where('kind', '=', 'staff').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setRoles(councilId: string, userId: string, roles: readonly { role: StaffRole; divisionId: string | null; serviceId: string | null }[]): Promise<void> {
      await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
      if (roles.length > 0) {
        await tx
          .insertInto('user_roles')
          .values(roles.map((r) => ({ council_id: councilId, user_id: userId, role: r.role, division_id: r.divisionId, service_id: r.serviceId })))
          .execute();
      }
      // Changed roles take effect at once: the person signs in again.
      await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async getOidcSettings(councilId: string): Promise<OidcSettings | null> {
      const row = await tx.selectFrom('councils').select('settings').where('id', '=', councilId).executeTakeFirstOrThrow();
      const oidc = (row.settings as { oidc?: Partial<OidcSettings> }).oidc;
      if (!oidc || typeof oidc.issuer !== 'string' || typeof oidc.clientId !== 'string') return null;
      return { enabled: oidc.enabled === true, issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret ?? '' };
    },

    async saveOidcSettings(councilId: string, settings: OidcSettings): Promise<void> {
      await tx
        .updateTable('councils')
        .set({ settings: sql`jsonb_set(settings, '{oidc}', ${JSON.stringify(settings)}::jsonb)` as never })
        .where('id', '=', councilId)
        .execute();
    },

    /** Who read or changed a case, when, and from where (rules.md "Privacy"). */
    async accessHistory(caseId: string, limit = 500): Promise<AccessRecord[]> {
      const rows = await tx
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_user_id')
        .select(['a.id', 'a.at', 'a.action', 'a.detail', 'a.ip', 'a.actor_label', 'u.display_name', 'u.email'])
        .where('a.case_id', '=', caseId)
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, at: r.at, action: r.action, detail: r.detail, ip: r.ip, actorLabel: r.actor_label, actorName: r.display_name, actorEmail: r.email }));
    },
  };
}
