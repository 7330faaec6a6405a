import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../deadline/compute-deadline';
import { ragStatus } from '../deadline/rag';
import { rulesForCase } from '../policy/resolve-policy';
import { renderMessage } from '../schemas/messages';
import { checkCaseInvariants, createCaseState } from './case-state';
import type { CaseState } from './case-state';
import { transitionCase } from './transition-case';
import type { TransitionResult } from './transition-kit';

/** Applies commands in order, each on its own date; fails the test on a refusal. */
function run(state: CaseState, steps: [string, Record<string, unknown>][]): CaseState {
  let current = state;
  for (const [today, command] of steps) {
    const result = transitionCase(current, command, today, rulesForCase({ receivedOn: current.policyDate }));
    if (!result.ok) throw new Error(`${String(command.type)} on ${today}: ${result.refusal.code}`);
    expect(checkCaseInvariants(result.state)).toEqual([]);
    current = result.state;
  }
  return current;
}

function refusal(result: TransitionResult): string | undefined {
  return result.ok ? undefined : result.refusal.code;
}

function ok(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result;
}

const rules2024 = rulesForCase({ receivedOn: '2024-03-28' });

describe('a Children Act Stage 1 complaint, received -> acknowledged -> in progress -> responded -> closed', () => {
  const received = createCaseState({ type: 'children_act_complaint', receivedOn: '2024-03-28' });

  it('moves through its statuses and emits events', () => {
    const acknowledged = ok(transitionCase(received, { type: 'acknowledge' }, '2024-04-02', rules2024));
    expect(acknowledged.state).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2024-04-02' });
    expect(acknowledged.events).toEqual([
      { type: 'acknowledged', payload: { on: '2024-04-02' } },
      { type: 'status_changed', payload: { on: '2024-04-02', from: 'received', to: 'acknowledged' } },
    ]);
    const assigned = ok(transitionCase(acknowledged.state, { type: 'assign', officerId: 'officer-a' }, '2024-04-02', rules2024));
    expect(assigned.state).toMatchObject({ status: 'in_progress', assignedTo: 'officer-a' });
    const extended = ok(
      transitionCase(
        assigned.state,
        { type: 'extend', agreedOn: '2024-04-10', reason: 'Complex: several services' },
        '2024-04-10',
        rules2024,
      ),
    );
    expect(extended.events[0]).toEqual({
      type: 'deadline_extended',
      payload: { agreedOn: '2024-04-10', limit: 20, reason: 'Complex: several services', dueOn: '2024-04-29' },
    });
    const responded = ok(
      transitionCase(
        extended.state,
        {
          type: 'respond',
          on: '2024-04-29',
          points: [
            { summary: 'Visits were cancelled', finding: 'upheld' },
            { summary: 'The social worker was rude', finding: 'not_upheld' },
          ],
          remedies: [{ type: 'apology' }],
        },
        '2024-04-29',
        rules2024,
      ),
    );
    expect(responded.state).toMatchObject({
      status: 'responded',
      respondedOn: '2024-04-29',
      outcome: 'partly_upheld',
      responderId: 'officer-a',
    });
    // answered on the deadline day: on time
    expect(
      ragStatus(computeDeadline(responded.state, 'response', rules2024), '2024-05-01', rules2024, {
        answeredOn: responded.state.respondedOn,
      }),
    ).toBe('met');
    const closed = ok(transitionCase(responded.state, { type: 'close' }, '2024-05-30', rules2024));
    expect(closed.state).toMatchObject({ status: 'closed', closedOn: '2024-05-30' });
    expect(checkCaseInvariants(closed.state)).toEqual([]);
  });

  it('refuses what the rules do not allow, saying why', () => {
    const acknowledged = run(received, [['2024-04-02', { type: 'acknowledge' }]]);
    expect(refusal(transitionCase(acknowledged, { type: 'acknowledge' }, '2024-04-03', rules2024))).toBe('alreadyAcknowledged');
    expect(refusal(transitionCase(received, { type: 'acknowledge', on: '2024-04-05' }, '2024-04-02', rules2024))).toBe('dateInFuture');
    expect(refusal(transitionCase(received, { type: 'acknowledge', on: '2024-03-27' }, '2024-04-02', rules2024))).toBe(
      'dateBeforeReceived',
    );
    expect(refusal(transitionCase(received, { type: 'respond' }, '2024-04-02', rules2024))).toBe('findingsRequired');
    expect(
      refusal(
        transitionCase(
          received,
          { type: 'respond', points: [{ summary: 'x', finding: 'upheld' }], outcome: 'not_upheld' },
          '2024-04-02',
          rules2024,
        ),
      ),
    ).toBe('outcomeDisagrees');
    expect(refusal(transitionCase(received, { type: 'close' }, '2024-04-02', rules2024))).toBe('closeNeedsResponse');
    expect(
      refusal(transitionCase(received, { type: 'extend', limit: 30, agreedOn: '2024-04-02', reason: 'x' }, '2024-04-02', rules2024)),
    ).toBe('extensionTooLong');
    // an extension agreed after the deadline (15 April) would hide a late response
    expect(refusal(transitionCase(received, { type: 'extend', agreedOn: '2024-04-16', reason: 'x' }, '2024-04-16', rules2024))).toBe(
      'extensionAfterDeadline',
    );
    expect(refusal(transitionCase(received, { type: 'request_next_stage' }, '2024-04-02', rules2024))).toBe('nextStageBeforeResponse');
  });

  it('closes at Stage 1 without a finding: resolved on receipt, local resolution', () => {
    const resolved = ok(transitionCase(received, { type: 'respond', outcome: 'resolved_on_receipt' }, '2024-03-28', rules2024));
    expect(resolved.state.outcome).toBe('resolved_on_receipt');
    const local = ok(transitionCase(received, { type: 'respond', outcome: 'local_resolution' }, '2024-04-03', rules2024));
    expect(local.state.outcome).toBe('local_resolution');
    // findings belong to an investigated complaint, not to one resolved without
    expect(
      refusal(
        transitionCase(
          received,
          { type: 'respond', outcome: 'local_resolution', points: [{ summary: 'x', finding: 'upheld' }] },
          '2024-04-03',
          rules2024,
        ),
      ),
    ).toBe('outcomeDisagrees');
    expect(
      refusal(
        transitionCase(
          createCaseState({ type: 'corporate_complaint', stage: '2', receivedOn: '2024-03-28' }),
          { type: 'respond', outcome: 'resolved_on_receipt' },
          '2024-04-03',
          rules2024,
        ),
      ),
    ).toBe('requestNotAccepted');
  });

  it('side exits: withdrawn, out of remit (signposted), on hold and back', () => {
    const withdrawn = ok(transitionCase(received, { type: 'withdraw', reason: 'Sorted out with the school' }, '2024-04-02', rules2024));
    expect(withdrawn.state).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', closedOn: '2024-04-02' });
    const outOfRemit = ok(
      transitionCase(
        received,
        {
          type: 'mark_out_of_remit',
          reason: 'court_or_tribunal_proceedings',
          signposting: 'Raise it in the care proceedings; your solicitor can help',
        },
        '2024-04-02',
        rules2024,
      ),
    );
    expect(outOfRemit.state).toMatchObject({
      status: 'out_of_remit',
      outcome: 'out_of_remit',
      outOfRemit: { reason: 'court_or_tribunal_proceedings' },
    });
    expect(
      refusal(transitionCase(received, { type: 'mark_out_of_remit', reason: 'historic', signposting: '' }, '2024-04-02', rules2024)),
    ).toBe('invalidCommand');
    const held = run(received, [
      ['2024-04-02', { type: 'acknowledge' }],
      ['2024-04-03', { type: 'put_on_hold', reason: 'Waiting for the police' }],
    ]);
    expect(held).toMatchObject({ status: 'on_hold', hold: { since: '2024-04-03', resumeTo: 'acknowledged' } });
    expect(refusal(transitionCase(held, { type: 'assign', officerId: 'x' }, '2024-04-04', rules2024))).toBe('notAllowedInStatus');
    expect(ok(transitionCase(held, { type: 'resume' }, '2024-04-10', rules2024)).state.status).toBe('acknowledged');
  });
});

describe('asking for Stage 2: after a Stage 1 response, within 20 working days', () => {
  const stage1 = run(createCaseState({ type: 'children_act_complaint', receivedOn: '2024-01-02' }), [
    ['2024-01-03', { type: 'acknowledge' }],
    ['2024-01-15', { type: 'respond', points: [{ summary: 'Delay', finding: 'not_upheld' }], responderId: 'officer-a' }],
  ]);
  const rules = rulesForCase({ receivedOn: '2024-01-02' });

  it('opens Stage 2 as its own case, its request pending', () => {
    const result = ok(transitionCase(stage1, { type: 'request_next_stage', on: '2024-02-12' }, '2024-02-12', rules));
    expect(result.events[0]).toEqual({
      type: 'next_stage_requested',
      payload: { on: '2024-02-12', stage: '2', windowClosesOn: '2024-02-12', late: false, lateReason: null },
    });
    expect(result.state.escalation).toEqual({ stage: '2', requestedOn: '2024-02-12' });
    expect(result.spawned).toMatchObject({
      type: 'children_act_complaint',
      stage: '2',
      status: 'received',
      receivedOn: '2024-02-12',
      policyDate: '2024-01-02',
      previousResponderId: 'officer-a',
      request: { requestedOn: '2024-02-12', decision: null },
    });
  });

  it('refuses a late request without a reason, and accepts it with one', () => {
    const late = transitionCase(stage1, { type: 'request_next_stage', on: '2024-02-13' }, '2024-02-13', rules);
    expect(late).toEqual({
      ok: false,
      refusal: { code: 'escalationWindowClosed', key: 'refusal.escalationWindowClosed', params: { closesOn: '2024-02-12' } },
    });
    if (!late.ok) {
      expect(renderMessage(late.refusal, 'en')).toBe(
        'The window to ask for the next stage closed on 12 February 2024. Record a reason to accept a late request.',
      );
      expect(renderMessage(late.refusal, 'cy')).toBe(
        'Daeth y cyfnod i ofyn am y cam nesaf i ben ar 12 Chwefror 2024. Cofnodwch reswm i dderbyn cais hwyr.',
      );
    }
    const accepted = ok(
      transitionCase(stage1, { type: 'request_next_stage', on: '2024-02-13', lateReason: 'In hospital' }, '2024-02-13', rules),
    );
    expect(accepted.events[0]?.payload).toMatchObject({ late: true, lateReason: 'In hospital' });
    expect(accepted.spawned?.request?.lateReason).toBe('In hospital');
  });

  it('says Stage 2 can only be requested after a Stage 1 response', () => {
    const open = createCaseState({ type: 'children_act_complaint', receivedOn: '2024-01-02' });
    const result = transitionCase(open, { type: 'request_next_stage' }, '2024-01-10', rules);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(renderMessage(result.refusal, 'en')).toBe('Stage 2 can only be requested after a Stage 1 response.');
      expect(renderMessage(result.refusal, 'cy')).toBe(
        'Dim ond ar ôl ymateb y cam blaenorol (Cam 1) y gellir gofyn am y cam nesaf (Cam 2).',
      );
    }
  });

  it('only once', () => {
    const escalated = ok(transitionCase(stage1, { type: 'request_next_stage', on: '2024-02-01' }, '2024-02-01', rules)).state;
    expect(refusal(transitionCase(escalated, { type: 'request_next_stage' }, '2024-02-02', rules))).toBe('alreadyEscalated');
  });
});

describe('statutory Stage 2: the request decision, the agreed statement, the investigation', () => {
  const request = createCaseState({ type: 'children_act_complaint', stage: '2', receivedOn: '2024-03-01', policyDate: '2024-01-02' });
  const rules = rulesForCase({ receivedOn: '2024-01-02' });

  it('only an accepted request is investigated', () => {
    expect(refusal(transitionCase(request, { type: 'assign', officerId: 'io-1' }, '2024-03-04', rules))).toBe('requestNotAccepted');
    expect(refusal(transitionCase(request, { type: 'agree_statement' }, '2024-03-04', rules))).toBe('requestNotAccepted');
    expect(refusal(transitionCase(request, { type: 'respond', points: [{ summary: 'x', finding: 'upheld' }] }, '2024-03-04', rules))).toBe(
      'requestNotAccepted',
    );
  });

  it('accepted -> statement agreed (the clock starts) -> responded', () => {
    const accepted = run(request, [
      ['2024-03-04', { type: 'acknowledge' }],
      ['2024-03-06', { type: 'decide_request', decision: 'accepted' }],
    ]);
    expect(ragStatus(computeDeadline(accepted, 'response', rules), '2024-03-10', rules)).toBe('awaiting_agreed_statement');
    const agreed = run(accepted, [
      ['2024-03-18', { type: 'agree_statement' }],
      ['2024-03-19', { type: 'assign', officerId: 'io-1' }],
    ]);
    expect(computeDeadline(agreed, 'response', rules)).toMatchObject({ status: 'due', dueOn: '2024-04-24' });
    expect(refusal(transitionCase(agreed, { type: 'agree_statement' }, '2024-03-20', rules))).toBe('alreadyRecorded');
    const extended = run(agreed, [
      ['2024-04-20', { type: 'extend', limit: 65, agreedOn: '2024-04-19', reason: 'Records from three agencies' }],
    ]);
    expect(computeDeadline(extended, 'response', rules)).toMatchObject({ dueOn: '2024-06-21', limit: 65 });
  });

  it('rejected (with a reason), withdrawn, resolved by ADR, on hold', () => {
    expect(refusal(transitionCase(request, { type: 'decide_request', decision: 'rejected' }, '2024-03-04', rules))).toBe('invalidCommand');
    expect(run(request, [['2024-03-04', { type: 'decide_request', decision: 'rejected', reason: 'No new issues' }]])).toMatchObject({
      status: 'closed',
      request: { decision: 'rejected', reason: 'No new issues' },
    });
    expect(run(request, [['2024-03-04', { type: 'decide_request', decision: 'withdrawn' }]]).status).toBe('withdrawn');
    expect(run(request, [['2024-03-04', { type: 'decide_request', decision: 'resolved_by_adr' }]]).status).toBe('closed');
    const held = run(request, [['2024-03-04', { type: 'decide_request', decision: 'on_hold', reason: 'Mediation offered' }]]);
    expect(held).toMatchObject({ status: 'on_hold', request: { decision: 'on_hold' } });
    expect(run(held, [['2024-03-20', { type: 'decide_request', decision: 'accepted' }]])).toMatchObject({
      status: 'received',
      request: { decision: 'accepted' },
    });
    const decided = run(request, [['2024-03-04', { type: 'decide_request', decision: 'accepted' }]]);
    expect(refusal(transitionCase(decided, { type: 'decide_request', decision: 'rejected', reason: 'x' }, '2024-03-05', rules))).toBe(
      'requestAlreadyDecided',
    );
  });
});

describe('statutory Stage 3: panel, findings, the Director’s response', () => {
  const request = createCaseState({ type: 'children_act_complaint', stage: '3', receivedOn: '2024-01-08' });
  const rules = rulesForCase({ receivedOn: '2024-01-08' });

  it('records the three dates that start its three clocks', () => {
    const accepted = run(request, [['2024-01-09', { type: 'decide_request', decision: 'accepted' }]]);
    expect(computeDeadline(accepted, 'panel', rules)).toMatchObject({ dueOn: '2024-02-19' });
    expect(refusal(transitionCase(accepted, { type: 'record_panel_findings' }, '2024-02-16', rules))).toBe('panelNotHeld');
    const held = run(accepted, [
      ['2024-02-15', { type: 'record_panel' }],
      ['2024-02-16', { type: 'assign', officerId: 'director' }],
    ]);
    expect(refusal(transitionCase(held, { type: 'respond', points: [{ summary: 'x', finding: 'upheld' }] }, '2024-02-20', rules))).toBe(
      'panelNotHeld',
    );
    expect(refusal(transitionCase(held, { type: 'record_panel_findings', on: '2024-02-14' }, '2024-02-22', rules))).toBe('dateBefore');
    const findings = run(held, [['2024-02-22', { type: 'record_panel_findings' }]]);
    expect(computeDeadline(findings, 'response', rules)).toMatchObject({ dueOn: '2024-03-14' });
    const responded = run(findings, [['2024-03-14', { type: 'respond', points: [{ summary: 'Delay', finding: 'upheld' }] }]]);
    expect(responded.outcome).toBe('upheld');
    expect(refusal(transitionCase(responded, { type: 'request_next_stage' }, '2024-03-20', rules))).toBe('noFurtherStage');
  });

  it('a panel is only for Children Act Stage 3', () => {
    expect(
      refusal(
        transitionCase(
          createCaseState({ type: 'corporate_complaint', stage: '3', receivedOn: '2024-01-08' }),
          { type: 'record_panel' },
          '2024-01-09',
          rules,
        ),
      ),
    ).toBe('panelOnlyStatutoryStage3');
  });
});

describe('corporate complaints under the Complaint Handling Code (received from 1 April 2026)', () => {
  const rules = rulesForCase({ receivedOn: '2026-04-01' });
  const stage1 = run(createCaseState({ type: 'corporate_complaint', receivedOn: '2026-04-01' }), [
    ['2026-04-07', { type: 'acknowledge' }],
    ['2026-04-07', { type: 'assign', officerId: 'officer-a' }],
    ['2026-04-21', { type: 'respond', points: [{ summary: 'Transport late', finding: 'upheld' }] }],
  ]);

  it('Stage 2 is answered by someone other than the Stage 1 responder', () => {
    const requested = ok(transitionCase(stage1, { type: 'request_next_stage' }, '2026-04-28', rules));
    const stage2 = run(requested.spawned as CaseState, [
      ['2026-04-29', { type: 'acknowledge' }],
      ['2026-04-29', { type: 'decide_request', decision: 'accepted' }],
    ]);
    expect(refusal(transitionCase(stage2, { type: 'assign', officerId: 'officer-a' }, '2026-04-30', rules))).toBe('sameResponder');
    const assigned = run(stage2, [['2026-04-30', { type: 'assign', officerId: 'senior-manager' }]]);
    // 20 working days from the acknowledgement (29 April), skipping the May bank holidays
    expect(computeDeadline(assigned, 'response', rules)).toMatchObject({ dueOn: '2026-05-29' });
    const responded = run(assigned, [['2026-05-20', { type: 'respond', points: [{ summary: 'x', finding: 'not_upheld' }] }]]);
    // The Code has two stages: the next step is the Ombudsman.
    const next = transitionCase(responded, { type: 'request_next_stage' }, '2026-05-21', rules);
    expect(refusal(next)).toBe('stageNotOffered');
    expect(ok(transitionCase(responded, { type: 'refer_to_ombudsman' }, '2026-06-01', rules)).spawned).toMatchObject({
      stage: 'ombudsman',
    });
  });

  it('a corporate complaint received before the Code keeps its Stage 3', () => {
    const before = rulesForCase({ receivedOn: '2025-06-02' });
    const stage2 = run(createCaseState({ type: 'corporate_complaint', stage: '2', receivedOn: '2026-02-02', policyDate: '2025-06-02' }), [
      ['2026-02-03', { type: 'decide_request', decision: 'accepted' }],
      ['2026-02-03', { type: 'assign', officerId: 'officer-b' }],
      ['2026-03-25', { type: 'respond', points: [{ summary: 'x', finding: 'not_upheld' }] }],
    ]);
    // asked for after 1 April 2026, but the complaint started under the earlier procedure
    expect(ok(transitionCase(stage2, { type: 'request_next_stage' }, '2026-04-02', before)).spawned).toMatchObject({
      stage: '3',
      policyDate: '2025-06-02',
    });
  });
});

describe('the Ombudsman', () => {
  const stage1 = createCaseState({ type: 'corporate_complaint', receivedOn: '2024-01-08' });

  it('a complainant may skip to the Ombudsman; premature referrals are sent back', () => {
    const referred = ok(transitionCase(stage1, { type: 'refer_to_ombudsman' }, '2024-01-20', rules2024));
    const ombudsman = referred.spawned as CaseState;
    expect(ombudsman).toMatchObject({ stage: 'ombudsman', receivedOn: '2024-01-20', request: null });
    expect(refusal(transitionCase(referred.state, { type: 'refer_to_ombudsman' }, '2024-01-21', rules2024))).toBe(
      'alreadyReferredToOmbudsman',
    );
    const premature = run(ombudsman, [['2024-02-01', { type: 'record_ombudsman_decision', decision: 'premature' }]]);
    expect(premature).toMatchObject({ status: 'closed', outcome: 'premature' });
  });

  it('a stage may be referred again once the Ombudsman sent every earlier referral back as premature', () => {
    const referred = ok(transitionCase(stage1, { type: 'refer_to_ombudsman' }, '2024-01-20', rules2024));
    const pending = { referredOn: '2024-01-20', decision: null, decidedOn: null };
    const sentBack = { referredOn: '2024-01-20', decision: 'premature' as const, decidedOn: '2024-02-01' };
    // Still with the Ombudsman: refused, saying so.
    const whilePending = transitionCase(referred.state, { type: 'refer_to_ombudsman' }, '2024-01-25', rules2024, {
      ombudsmanReferrals: [pending],
    });
    expect(whilePending).toMatchObject({ ok: false, refusal: { code: 'ombudsmanReferralPending', params: { date: '2024-01-20' } } });
    // Sent back as premature: referred again, as a new Ombudsman case.
    const again = ok(
      transitionCase(referred.state, { type: 'refer_to_ombudsman' }, '2024-03-04', rules2024, { ombudsmanReferrals: [sentBack] }),
    );
    expect(again.state.referredToOmbudsmanOn).toBe('2024-03-04');
    expect(again.events).toEqual([{ type: 'referred_to_ombudsman', payload: { on: '2024-03-04' } }]);
    expect(again.spawned).toMatchObject({ stage: 'ombudsman', status: 'received', receivedOn: '2024-03-04' });
    // Not dated before the Ombudsman sent it back.
    expect(
      refusal(
        transitionCase(referred.state, { type: 'refer_to_ombudsman', on: '2024-01-30' }, '2024-03-04', rules2024, {
          ombudsmanReferrals: [sentBack],
        }),
      ),
    ).toBe('dateBefore');
    // A second premature referral still allows a third; one pending or decided otherwise does not.
    const third = [sentBack, { referredOn: '2024-03-04', decision: 'premature' as const, decidedOn: '2024-03-20' }];
    expect(
      ok(transitionCase(again.state, { type: 'refer_to_ombudsman' }, '2024-04-02', rules2024, { ombudsmanReferrals: third })).spawned,
    ).toMatchObject({
      stage: 'ombudsman',
    });
    expect(
      refusal(
        transitionCase(again.state, { type: 'refer_to_ombudsman' }, '2024-04-02', rules2024, {
          ombudsmanReferrals: [sentBack, { ...pending, referredOn: '2024-03-04' }],
        }),
      ),
    ).toBe('ombudsmanReferralPending');
    for (const decision of ['not_investigated', 'to_be_investigated'] as const) {
      const decided = transitionCase(referred.state, { type: 'refer_to_ombudsman' }, '2024-03-04', rules2024, {
        ombudsmanReferrals: [{ ...sentBack, decision }],
      });
      expect(decided).toMatchObject({ ok: false, refusal: { code: 'alreadyReferredToOmbudsman', params: { date: '2024-01-20' } } });
    }
    // A case that says it was referred, with no Ombudsman case to show it came back, stays referred.
    expect(
      refusal(transitionCase(referred.state, { type: 'refer_to_ombudsman' }, '2024-03-04', rules2024, { ombudsmanReferrals: [] })),
    ).toBe('alreadyReferredToOmbudsman');
  });

  it('explains a referral still with the Ombudsman in English and Welsh', () => {
    const refused = transitionCase(stage1, { type: 'refer_to_ombudsman' }, '2024-01-25', rules2024, {
      ombudsmanReferrals: [{ referredOn: '2024-01-20', decision: null, decidedOn: null }],
    });
    if (refused.ok) throw new Error('expected a refusal');
    expect(renderMessage(refused.refusal, 'en')).toBe(
      'This complaint was referred to the Ombudsman on 20 January 2024 and the Ombudsman has not decided on it yet. Refer it again only if the Ombudsman sends it back as premature.',
    );
    expect(renderMessage(refused.refusal, 'cy')).toContain('ar 20 Ionawr 2024 ac nid yw’r Ombwdsmon wedi penderfynu arni eto');
  });

  it('an investigation ends with a decision and remedies', () => {
    const ombudsman = ok(transitionCase(stage1, { type: 'refer_to_ombudsman' }, '2024-01-20', rules2024)).spawned as CaseState;
    expect(refusal(transitionCase(ombudsman, { type: 'record_ombudsman_outcome', outcome: 'no_fault' }, '2024-02-01', rules2024))).toBe(
      'ombudsmanDecisionFirst',
    );
    expect(
      refusal(transitionCase(ombudsman, { type: 'respond', points: [{ summary: 'x', finding: 'upheld' }] }, '2024-02-01', rules2024)),
    ).toBe('ombudsmanUseOutcome');
    const done = run(ombudsman, [
      ['2024-02-01', { type: 'record_ombudsman_decision', decision: 'to_be_investigated' }],
      [
        '2024-06-03',
        {
          type: 'record_ombudsman_outcome',
          outcome: 'fault_causing_injustice',
          remedies: [
            { type: 'apology' },
            { type: 'financial', amountPounds: 150 },
            { type: 'staff_training', detail: 'Remind the SEND team of annual review duties' },
          ],
        },
      ],
    ]);
    expect(done).toMatchObject({
      status: 'responded',
      outcome: 'fault_causing_injustice',
      remedies: [{ type: 'apology' }, { type: 'financial', amountPounds: 150 }, { type: 'staff_training' }],
    });
  });
});

describe('FOI: clarification, fees, public interest extension, internal review, ICO', () => {
  const request = createCaseState({ type: 'foi_request', receivedOn: '2024-01-08' });

  it('a clarification restarts the clock; a fee pauses it', () => {
    const clarified = run(request, [
      ['2024-01-10', { type: 'request_clarification' }],
      ['2024-01-15', { type: 'receive_clarification' }],
    ]);
    expect(computeDeadline(clarified, 'response', rules2024)).toMatchObject({ dueOn: '2024-02-12' });
    const fee = run(request, [['2024-01-10', { type: 'issue_fee_notice' }]]);
    expect(computeDeadline(fee, 'response', rules2024)).toMatchObject({ status: 'paused' });
    expect(refusal(transitionCase(fee, { type: 'issue_fee_notice' }, '2024-01-11', rules2024))).toBe('feeNoticePending');
    expect(refusal(transitionCase(fee, { type: 'record_fee_paid', on: '2024-01-09' }, '2024-01-11', rules2024))).toBe('dateBefore');
    const paid = run(fee, [['2024-01-17', { type: 'record_fee_paid' }]]);
    expect(computeDeadline(paid, 'response', rules2024)).toMatchObject({ dueOn: '2024-02-13' });
    expect(
      refusal(
        transitionCase(
          createCaseState({ type: 'mp_enquiry', receivedOn: '2024-01-08' }),
          { type: 'request_clarification' },
          '2024-01-10',
          rules2024,
        ),
      ),
    ).toBe('onlyFoiRequest');
  });

  it('a public interest extension of up to 20 working days, agreed within the 20', () => {
    const extended = run(request, [
      ['2024-01-30', { type: 'extend', limit: 40, agreedOn: '2024-01-30', reason: 'Public interest test (s.36)' }],
    ]);
    expect(computeDeadline(extended, 'response', rules2024)).toMatchObject({ dueOn: '2024-03-04' });
    expect(
      refusal(transitionCase(request, { type: 'extend', limit: 41, agreedOn: '2024-01-30', reason: 'x' }, '2024-01-30', rules2024)),
    ).toBe('extensionTooLong');
    expect(refusal(transitionCase(request, { type: 'extend', agreedOn: '2024-02-06', reason: 'x' }, '2024-02-06', rules2024))).toBe(
      'extensionAfterDeadline',
    );
  });

  it('the response records its outcome; an internal review within 40 working days, by someone else; then the ICO', () => {
    expect(refusal(transitionCase(request, { type: 'respond' }, '2024-02-01', rules2024))).toBe('foiOutcomeRequired');
    expect(refusal(transitionCase(request, { type: 'request_next_stage' }, '2024-02-01', rules2024))).toBe('reviewBeforeResponse');
    const responded = run(request, [
      ['2024-01-09', { type: 'assign', officerId: 'foi-officer' }],
      ['2024-02-01', { type: 'respond', outcome: 'partly_provided' }],
    ]);
    // 40 FOI working days from 1 February 2024 skip St Patrick's Day (substitute, 18 March, NI) and Easter: 2 April
    expect(refusal(transitionCase(responded, { type: 'request_next_stage', on: '2024-04-03' }, '2024-04-03', rules2024))).toBe(
      'reviewWindowClosed',
    );
    const review = ok(transitionCase(responded, { type: 'request_next_stage', on: '2024-04-02' }, '2024-04-02', rules2024))
      .spawned as CaseState;
    expect(review).toMatchObject({ stage: 'internal_review', request: null, previousResponderId: 'foi-officer' });
    expect(refusal(transitionCase(review, { type: 'assign', officerId: 'foi-officer' }, '2024-04-03', rules2024))).toBe('sameResponder');
    const reviewed = run(review, [
      ['2024-04-03', { type: 'assign', officerId: 'head-of-legal' }],
      ['2024-04-20', { type: 'respond', outcome: 'provided' }],
    ]);
    expect(ok(transitionCase(reviewed, { type: 'request_next_stage' }, '2024-07-01', rules2024)).spawned).toMatchObject({
      stage: 'information_commissioner',
    });
  });
});

describe('enquiries and compliments', () => {
  it('an MP enquiry is answered without an outcome', () => {
    const enquiry = createCaseState({ type: 'mp_enquiry', receivedOn: '2024-03-28', framework: 'corporate' });
    expect(refusal(transitionCase(enquiry, { type: 'respond', outcome: 'upheld' }, '2024-04-02', rules2024))).toBe('outcomeNotForStage');
    expect(run(enquiry, [['2024-04-12', { type: 'respond' }]])).toMatchObject({ status: 'responded', outcome: null });
    expect(refusal(transitionCase(enquiry, { type: 'request_next_stage' }, '2024-04-02', rules2024))).toBe('notForType');
    expect(refusal(transitionCase(enquiry, { type: 'extend', agreedOn: '2024-04-02', reason: 'x' }, '2024-04-02', rules2024))).toBe(
      'extensionNotAllowed',
    );
  });

  it('a compliment can be closed straight away', () => {
    const compliment = createCaseState({ type: 'compliment', receivedOn: '2024-03-28', framework: 'statutory' });
    expect(run(compliment, [['2024-03-29', { type: 'close' }]])).toMatchObject({ status: 'closed', closedOn: '2024-03-29' });
    expect(
      refusal(transitionCase(compliment, { type: 'mark_out_of_remit', reason: 'historic', signposting: 'x' }, '2024-03-29', rules2024)),
    ).toBe('notForType');
  });
});

describe('input that is not valid is refused, never thrown', () => {
  const state = createCaseState({ type: 'children_act_complaint', receivedOn: '2024-03-28' });

  it('unknown commands and bad dates', () => {
    expect(refusal(transitionCase(state, { type: 'explode' }, '2024-04-02', rules2024))).toBe('invalidCommand');
    expect(refusal(transitionCase(state, { type: 'acknowledge', on: '2024-02-30' }, '2024-04-02', rules2024))).toBe('invalidCommand');
    expect(refusal(transitionCase(state, null, '2024-04-02', rules2024))).toBe('invalidCommand');
    expect(refusal(transitionCase(state, { type: 'acknowledge' }, 'yesterday', rules2024))).toBe('invalidCommand');
    expect(refusal(transitionCase({ ...state, receivedOn: 'soon' }, { type: 'acknowledge' }, '2024-04-02', rules2024))).toBe(
      'invalidState',
    );
  });

  it('"now" is the UK date: 23:30 BST on a Friday is that Friday', () => {
    const late = createCaseState({ type: 'children_act_complaint', receivedOn: '2024-06-28' });
    const result = ok(transitionCase(late, { type: 'acknowledge' }, new Date('2024-06-28T22:30:00Z'), rules2024));
    expect(result.state.acknowledgedOn).toBe('2024-06-28');
  });
});
