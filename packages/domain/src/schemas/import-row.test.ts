import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCaseInvariants } from '../lifecycle/case-state';
import { importedCaseToState } from '../lifecycle/imported-case';
import { toFieldErrors } from './field-errors';
import { IMPORT_COLUMNS, ZCaseImportRow, formatImportError, toImportErrors } from './import-row';
import { formatMessage } from './messages';

function problems(row: Record<string, string>): string[] {
  const result = ZCaseImportRow.safeParse(row);
  return result.success ? [] : toFieldErrors(result.error).map((e) => `column ${e.path}: ${formatMessage('en', e.key, e.params)}`);
}

const stage1 = {
  reference: 'CYP-23-0001',
  type: 'children_act_complaint',
  stage: '1',
  received_on: '2023-04-03',
  responded_on: '2023-04-14',
  outcome: 'upheld',
};

describe('CSV import rows (contracts.md)', () => {
  it('accepts a Stage 1 complaint and types it', () => {
    expect(ZCaseImportRow.parse({ ...stage1, complex: 'false', channel: 'email', division: '', advocate: 'true' })).toMatchObject({
      reference: 'CYP-23-0001',
      type: 'children_act_complaint',
      stage: '1',
      framework: 'statutory',
      receivedOn: '2023-04-03',
      respondedOn: '2023-04-14',
      outcome: 'upheld',
      division: null,
      advocate: true,
      channel: 'email',
    });
  });

  it('explains each problem by column', () => {
    expect(problems({ ...stage1, received_on: '2023-02-30' })).toEqual([
      'column received_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
    ]);
    expect(problems({ ...stage1, stage: '2' })).toEqual(['column parent_reference: is required for this type and stage']);
    expect(problems({ ...stage1, stage: '2', parent_reference: 'CYP-23-0000', outcome: 'resolved_on_receipt' })).toEqual([
      'column outcome: must be one of: upheld, partly_upheld, not_upheld, withdrawn',
    ]);
    expect(problems({ ...stage1, type: 'complaint' })).toEqual([
      'column type: must be one of: ' +
        'children_act_complaint, corporate_complaint, general_enquiry, member_enquiry, mp_enquiry, mayor_enquiry, chief_executive_enquiry, compliment, foi_request',
    ]);
    expect(problems({ ...stage1, responded_on: '2023-04-01' })).toEqual(['column responded_on: must not be before received_on']);
    expect(problems({ ...stage1, complex: 'yes' })).toEqual(['column complex: must be true or false']);
    expect(
      toImportErrors(ZCaseImportRow.safeParse({ ...stage1, colour: 'red', size: '2' }).error!).map((e) => formatImportError(7, e)),
    ).toEqual(['line 7: column colour: is not a column of the import format', 'line 7: column size: is not a column of the import format']);
    expect(problems({ reference: 'E-1', type: 'mp_enquiry', received_on: '2023-04-03' })).toEqual([
      'column framework: is required for compliments and enquiries: statutory or corporate',
    ]);
    expect(problems({ reference: 'E-1', type: 'mp_enquiry', stage: '1', received_on: '2023-04-03', framework: 'corporate' })).toEqual([
      'column stage: must be empty for this type of case',
    ]);
    expect(problems({ reference: 'F-1', type: 'foi_request', received_on: '2023-04-03' })).toEqual([
      'column stage: is required for this type and stage',
    ]);
    expect(problems({ ...stage1, framework: 'corporate' })).toEqual(['column framework: must be one of: statutory']);
  });

  it('knows decisions and outcomes by stage', () => {
    expect(
      problems({
        reference: 'S2',
        type: 'corporate_complaint',
        stage: '2',
        parent_reference: 'S1',
        received_on: '2023-05-01',
        decision: 'resolved_by_adr',
      }),
    ).toEqual([]);
    expect(
      problems({
        reference: 'O1',
        type: 'corporate_complaint',
        stage: 'ombudsman',
        received_on: '2023-05-01',
        decision: 'to_be_investigated',
        outcome: 'fault_causing_injustice',
      }),
    ).toEqual([]);
    expect(problems({ reference: 'F1', type: 'foi_request', stage: 'request', received_on: '2023-05-01', outcome: 'not_held' })).toEqual(
      [],
    );
    expect(problems({ reference: 'F2', type: 'foi_request', stage: 'internal_review', received_on: '2023-05-01' })).toEqual([
      'column parent_reference: is required for this type and stage',
    ]);
  });

  it('every column of the contract is known', () => {
    expect(IMPORT_COLUMNS).toHaveLength(20);
  });
});

describe('importedCaseToState', () => {
  it('gives imported history a valid state', () => {
    expect(importedCaseToState(ZCaseImportRow.parse(stage1))).toMatchObject({
      status: 'responded',
      outcome: 'upheld',
      respondedOn: '2023-04-14',
    });
    const statement = ZCaseImportRow.parse({
      reference: 'S2',
      type: 'children_act_complaint',
      stage: '2',
      parent_reference: 'S1',
      received_on: '2023-05-01',
      started_on: '2023-05-15',
      decision: 'accepted',
    });
    expect(importedCaseToState(statement, '2023-04-03')).toMatchObject({
      statementAgreedOn: '2023-05-15',
      policyDate: '2023-04-03',
      request: { decision: 'accepted' },
    });
    expect(importedCaseToState(ZCaseImportRow.parse({ ...stage1, outcome: 'out_of_remit', responded_on: '' }))).toMatchObject({
      status: 'closed',
      outcome: 'out_of_remit',
    });
  });

  it('every valid row makes a state that keeps the invariants (property)', () => {
    const arbRow = fc.record(
      {
        reference: fc.constantFrom('A-1', 'B/2'),
        type: fc.constantFrom('children_act_complaint', 'corporate_complaint', 'mp_enquiry', 'compliment', 'foi_request'),
        stage: fc.constantFrom('', '1', '2', '3', 'ombudsman', 'request', 'internal_review', 'information_commissioner'),
        parent_reference: fc.constantFrom('', 'P-1'),
        received_on: fc.constantFrom('2023-04-03', '2024-02-29'),
        framework: fc.constantFrom('', 'statutory', 'corporate'),
        started_on: fc.constantFrom('', '2024-03-01'),
        acknowledged_on: fc.constantFrom('', '2024-03-04'),
        responded_on: fc.constantFrom('', '2024-03-20'),
        decision: fc.constantFrom('', 'accepted', 'rejected', 'withdrawn', 'resolved_by_adr', 'on_hold', 'premature', 'to_be_investigated'),
        outcome: fc.constantFrom(
          '',
          'upheld',
          'not_upheld',
          'withdrawn',
          'out_of_remit',
          'resolved_on_receipt',
          'fault_no_injustice',
          'provided',
          'premature',
        ),
        complex: fc.constantFrom('', 'true', 'false', 'maybe'),
      },
      { requiredKeys: ['reference', 'type', 'received_on'] },
    );
    fc.assert(
      fc.property(arbRow, (row) => {
        const parsed = ZCaseImportRow.safeParse(row);
        if (!parsed.success) return;
        expect(checkCaseInvariants(importedCaseToState(parsed.data))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
