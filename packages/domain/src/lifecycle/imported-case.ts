import type { ImportedCase } from '../schemas/import-row';
import type { OmbudsmanDecision, RequestDecision } from '../vocabulary';
import { createCaseState } from './case-state';
import type { CaseState } from './case-state';

/**
 * The case state of an imported row (contracts.md "Case import: CSV"), so
 * that imported history answers the same questions as live cases: its
 * deadlines, its RAG state, its place in the reports.
 *
 * - `policyDate`: pass the first stage's `received_on` for a later stage, so
 *   the complaint keeps the procedure it started under.
 * - `started_on` is the agreed statement for statutory Stage 2, and the
 *   clarification's arrival for an FOI request (the clock's restart).
 * - A finding may come without its points; a row out of remit is closed with
 *   that outcome (the reason was not part of the old records).
 *
 * @example importedCaseToState(ZCaseImportRow.parse(row)).status // 'responded'
 */
export function importedCaseToState(row: ImportedCase, policyDate: string = row.receivedOn): CaseState {
  const isComplaint = row.type === 'children_act_complaint' || row.type === 'corporate_complaint';
  let state = createCaseState({
    type: row.type,
    stage: row.stage,
    framework: row.framework ?? 'none',
    receivedOn: row.receivedOn,
    policyDate: policyDate <= row.receivedOn ? policyDate : row.receivedOn,
    complex: row.complex,
  });
  state = { ...state, acknowledgedOn: row.acknowledgedOn };
  if (row.acknowledgedOn) state = { ...state, status: 'acknowledged' };
  if (row.startedOn && row.type === 'children_act_complaint' && row.stage === '2') state = { ...state, statementAgreedOn: row.startedOn };
  if (row.startedOn && row.type === 'foi_request' && row.stage === 'request') {
    state = { ...state, clarifications: [{ requestedOn: row.receivedOn, receivedOn: row.startedOn }] };
  }
  if (row.remedy) state = { ...state, remedies: [{ type: 'other', amountPounds: null, detail: row.remedy }] };

  const closedOn = row.respondedOn ?? row.receivedOn;
  if (isComplaint && (row.stage === '2' || row.stage === '3') && state.request) {
    const decision = row.decision as RequestDecision | null;
    state = { ...state, request: { ...state.request, decision, decidedOn: decision ? row.receivedOn : null } };
    if (decision === 'rejected' || decision === 'resolved_by_adr') return { ...state, status: 'closed', closedOn };
    if (decision === 'withdrawn') return { ...state, status: 'withdrawn', closedOn };
    if (decision === 'on_hold')
      return { ...state, status: 'on_hold', hold: { since: row.receivedOn, reason: 'Imported on hold', resumeTo: 'received' } };
    if (decision !== 'accepted' && !row.respondedOn) return state;
    if (decision === null)
      state = {
        ...state,
        request: { ...(state.request as NonNullable<CaseState['request']>), decision: 'accepted', decidedOn: row.receivedOn },
      };
  }
  if (row.stage === 'ombudsman') {
    const decision = (row.decision ??
      ((['premature', 'not_investigated', 'to_be_investigated'] as string[]).includes(row.outcome ?? '')
        ? row.outcome
        : null)) as OmbudsmanDecision | null;
    if (decision) state = { ...state, ombudsmanDecision: { decision, decidedOn: row.respondedOn ?? row.receivedOn }, outcome: decision };
    if (decision === 'premature' || decision === 'not_investigated') return { ...state, status: 'closed', closedOn };
    if (row.respondedOn && row.outcome && row.outcome !== decision)
      return { ...state, status: 'responded', respondedOn: row.respondedOn, outcome: row.outcome };
    return decision === 'to_be_investigated' ? { ...state, status: 'in_progress' } : state;
  }
  if (row.outcome === 'withdrawn') return { ...state, status: 'withdrawn', outcome: 'withdrawn', closedOn };
  if (row.outcome === 'out_of_remit') return { ...state, status: 'closed', outcome: 'out_of_remit', closedOn };
  if (row.respondedOn) return { ...state, status: 'responded', respondedOn: row.respondedOn, outcome: row.outcome };
  return state;
}
