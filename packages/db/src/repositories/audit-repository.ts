import type { Tx } from '../client';

export type AuditAction = 'read' | 'change' | 'export' | 'sign_in' | 'sign_out' | 'sign_in_failed';

export type AuditEntry = {
  councilId: string;
  action: AuditAction;
  actorUserId: string | null;
  /** 'staff', 'advocate', 'citizen', 'public' or 'system': never a name or email. */
  actorLabel: string;
  caseId?: string | null;
  /** What was done (a procedure name, a field list): never free text from a case. */
  detail?: string | null;
  ip?: string | null;
};

export type AuditRecord = AuditEntry & { id: number; at: Date };

export function auditRepository(tx: Tx) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await tx
        .insertInto('audit_log')
        .values({
          council_id: entry.councilId,
          case_id: entry.caseId ?? null,
          actor_user_id: entry.actorUserId,
          actor_label: entry.actorLabel,
          action: entry.action,
          detail: entry.detail ?? null,
          ip: entry.ip ?? null,
        })
        .execute();
    },
    async listForCase(caseId: string, limit = 200): Promise<AuditRecord[]> {
      const rows = await tx.selectFrom('audit_log').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        councilId: r.council_id,
        action: r.action as AuditAction,
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        caseId: r.case_id,
        detail: r.detail,
        ip: r.ip,
      }));
    },
  };
}
