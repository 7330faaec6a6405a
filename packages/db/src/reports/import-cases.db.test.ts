import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatImportProblem } from '@heard/domain';
import { createCouncil, createTestDatabase, type TestDatabase } from '../testing/index';
import { importCases, type ImportResult } from './import-cases';
import { toCsv, type CsvRow } from './report-test-data';

let database: TestDatabase;
let councilId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database)).id;
});
afterAll(async () => {
  await database?.destroy();
});

const run = (input: string | Buffer | Buffer[], options: { dryRun?: boolean; council?: string } = {}) =>
  importCases(database, {
    councilId: options.council ?? councilId,
    source: Readable.from(Array.isArray(input) ? input : [input]),
    today: '2024-06-30',
    dryRun: options.dryRun ?? false,
    batchSize: 3,
  });

const lines = (result: ImportResult) => result.errors.map((e) => formatImportProblem('en', e));

async function snapshot() {
  const count = async (table: 'cases' | 'divisions' | 'services' | 'themes' | 'localities' | 'case_themes' | 'case_imports' | 'audit_log') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    cases: await count('cases'),
    divisions: await count('divisions'),
    services: await count('services'),
    themes: await count('themes'),
    localities: await count('localities'),
    caseThemes: await count('case_themes'),
    caseImports: await count('case_imports'),
    audit: await count('audit_log'),
  };
}

const good: CsvRow[] = [
  { reference: 'H-2', type: 'corporate_complaint', stage: '2', parent_reference: 'H-1', received_on: '2023-06-01', decision: 'accepted', responded_on: '2023-06-20', outcome: 'upheld', service: 'Integrated SEND Services', division: 'Education Services' },
  { reference: 'H-1', type: 'corporate_complaint', stage: '1', received_on: '2023-05-02', division: 'Education Services', service: 'Integrated SEND Services', theme: 'Speed of Service', locality: 'North', responded_on: '2023-05-10', outcome: 'not_upheld', advocate: 'true', channel: 'email', details: 'Delay in the EHCP, "final" plan', remedy: 'Apology' },
  { reference: 'H-3', type: 'member_enquiry', received_on: '2023-07-03', framework: 'statutory', division: "Children's Social Care", service: 'fostering' },
  { reference: 'H-4', type: 'foi_request', stage: 'request', received_on: '2023-07-03', responded_on: '2023-07-28', outcome: 'provided' },
  { reference: 'H-5', type: 'foi_request', stage: 'internal_review', parent_reference: 'H-4', received_on: '2023-08-01' },
];

describe('importing a file in the contract format', () => {
  it('creates cases, links stages by parent_reference, creates unknown reference data, and a second import changes nothing', async () => {
    const before = await snapshot();
    const first = await run(toCsv(good));
    expect(first.errors).toEqual([]);
    expect(first).toMatchObject({ rows: 5, created: 5, unchanged: 0 });
    const cases = await database.db
      .selectFrom('cases as c')
      .leftJoin('cases as p', 'p.id', 'c.parent_case_id')
      .leftJoin('services as s', 's.id', 'c.service_id')
      .leftJoin('divisions as d', 'd.id', 'c.division_id')
      .select(['c.reference', 'p.reference as parent', 's.name as service', 'd.name as division', 'c.due_on', 'c.framework', 'c.status', 'c.advocate_supported', 'c.details', 'c.decision'])
      .where('c.council_id', '=', councilId)
      .orderBy('c.reference')
      .execute();
    // Deadlines by the domain: H-1 skips the Coronation bank holiday (8 May 2023); the FOI request H-4 skips
    // the Battle of the Boyne (12 July, Northern Ireland); its review H-5 skips 7 August (Scotland) and 28 August.
    expect(cases).toEqual([
      { reference: 'H-1', parent: null, service: 'Integrated SEND Services', division: 'Education Services', due_on: '2023-05-17', framework: 'corporate', status: 'responded', advocate_supported: true, details: 'Delay in the EHCP, "final" plan', decision: null },
      { reference: 'H-2', parent: 'H-1', service: 'Integrated SEND Services', division: 'Education Services', due_on: '2023-06-29', framework: 'corporate', status: 'responded', advocate_supported: false, details: null, decision: 'accepted' },
      { reference: 'H-3', parent: null, service: 'fostering', division: "Children's Social Care", due_on: '2023-07-17', framework: 'statutory', status: 'received', advocate_supported: false, details: null, decision: null },
      { reference: 'H-4', parent: null, service: null, division: null, due_on: '2023-08-01', framework: 'foi', status: 'responded', advocate_supported: false, details: null, decision: null },
      { reference: 'H-5', parent: 'H-4', service: null, division: null, due_on: '2023-08-31', framework: 'foi', status: 'received', advocate_supported: false, details: null, decision: null },
    ]);
    const after = await snapshot();
    expect(after).toEqual({
      cases: before.cases + 5,
      divisions: before.divisions + 2,
      services: before.services + 2,
      themes: before.themes + 1,
      localities: before.localities + 1,
      caseThemes: before.caseThemes + 1,
      caseImports: before.caseImports + 5,
      audit: before.audit + 1,
    });

    const again = await run(toCsv([...good].reverse()));
    expect(again).toMatchObject({ rows: 5, created: 0, unchanged: 5, errors: [] });
    expect(await snapshot()).toEqual(after);
  });

  it('matches reference data names whatever their case, and a dry run writes nothing', async () => {
    const before = await snapshot();
    const result = await run(toCsv([{ reference: 'D-1', type: 'compliment', received_on: '2023-09-01', framework: 'corporate', division: 'EDUCATION SERVICES', theme: 'New theme' }]), { dryRun: true });
    expect(result).toMatchObject({ rows: 1, created: 1, unchanged: 0, dryRun: true, errors: [] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a later stage keeps the procedure its complaint started under', () => {
  it('a corporate Stage 2 received after the Complaint Handling Code began, for a Stage 1 received before, has the earlier deadline', async () => {
    const council = (await createCouncil(database)).id;
    const rows: CsvRow[] = [
      { reference: 'K-2', type: 'corporate_complaint', stage: '2', parent_reference: 'K-1', received_on: '2026-04-10', decision: 'accepted' },
      { reference: 'K-1', type: 'corporate_complaint', stage: '1', received_on: '2026-03-20', responded_on: '2026-03-27', outcome: 'upheld' },
      { reference: 'K-3', type: 'corporate_complaint', stage: '2', parent_reference: 'K-4', received_on: '2026-04-10', decision: 'accepted' },
      { reference: 'K-4', type: 'corporate_complaint', stage: '1', received_on: '2026-04-01', responded_on: '2026-04-08', outcome: 'upheld' },
    ];
    const result = await importCases(database, { councilId: council, source: Readable.from([toCsv(rows)]), today: '2026-06-30' });
    expect(result.errors).toEqual([]);
    const cases = await database.db.selectFrom('cases').select(['reference', 'due_on', 'deadline_status', 'lifecycle']).where('council_id', '=', council).orderBy('reference').execute();
    // K-2: 20 working days from receipt (the council's earlier procedure), skipping the early May bank holiday (4 May 2026).
    expect(cases[1]).toMatchObject({ reference: 'K-2', due_on: '2026-05-11', deadline_status: 'due', lifecycle: { policyDate: '2026-03-20' } });
    // K-3: under the Code, 20 working days from the acknowledgement, which is awaited (at the latest 5 working days after receipt).
    expect(cases[2]).toMatchObject({ reference: 'K-3', deadline_status: 'awaiting', lifecycle: { policyDate: '2026-04-01' } });
    expect(cases[2]!.due_on).not.toBe('2026-05-11');
  });
});

describe('a malformed file gives the exact line and reason of every problem and writes nothing', () => {
  const cases: [string, string | Buffer, string[]][] = [
    [
      'bad dates',
      'reference,type,stage,received_on,responded_on\nB-1,corporate_complaint,1,2023-02-30,\nB-2,corporate_complaint,1,2023-04-03,03/05/2023\nB-3,corporate_complaint,1,2025-01-01,\n',
      [
        'line 2: column received_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
        'line 3: column responded_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
        'line 4: column received_on: must not be after today (2024-06-30)',
      ],
    ],
    [
      'an unknown type',
      'reference,type,received_on\nT-1,complaint,2023-04-03\n',
      ['line 2: column type: must be one of: children_act_complaint, corporate_complaint, general_enquiry, member_enquiry, mp_enquiry, mayor_enquiry, chief_executive_enquiry, compliment, foi_request'],
    ],
    [
      'a missing parent',
      'reference,type,stage,parent_reference,received_on\nP-2,children_act_complaint,2,P-1,2023-04-03\nP-3,children_act_complaint,3,,2023-04-03\n',
      ['line 2: column parent_reference: no case P-1 in this file or in Heard', 'line 3: column parent_reference: is required for this type and stage'],
    ],
    [
      'a parent of the wrong kind',
      'reference,type,stage,parent_reference,received_on\nW-1,foi_request,request,,2023-04-03\nW-2,children_act_complaint,2,W-1,2023-04-04\n',
      ['line 3: column parent_reference: W-1 is not an earlier stage of the same type of case'],
    ],
    [
      'a duplicate reference with different content',
      'reference,type,stage,received_on\nR-1,corporate_complaint,1,2023-04-03\nR-1,corporate_complaint,1,2023-04-03\nR-1,corporate_complaint,1,2023-04-04\nH-1,corporate_complaint,1,2023-05-02\n',
      ['line 4: column reference: was already used on line 2 with different content', 'line 5: column reference: is already in Heard with different content'],
    ],
    [
      'a wrong column',
      'reference,type,recieved_on,stage\nX-1,corporate_complaint,2023-04-03,1\n',
      ['line 1: column recieved_on: is not a column of the import format', 'line 1: column received_on: is required but is not in the header row'],
    ],
    [
      'broken quoting',
      'reference,type,stage,received_on,details\nQ-1,corporate_complaint,1,2023-04-03,"fine, quoted"\nQ-2,corporate_complaint,1,2023-04-03,"multi\r\nline"\nQ-3,corporate_complaint,1,2023-04-03,"he said "no" twice"\nQ-4,corporate_complaint,1,2023-04-33,\nQ-5,corporate_complaint,1,2023-04-03,"not closed\n',
      [
        'line 5: has a quote that is not closed or is out of place: put a field that holds commas, quotes or line breaks in double quotes, and double any quote inside it',
        'line 6: column received_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
        'line 7: has a quote that is not closed or is out of place: put a field that holds commas, quotes or line breaks in double quotes, and double any quote inside it',
      ],
    ],
    ['a 0-byte file', '', ['line 1: the file is empty: it needs a header row naming the columns (reference, type, received_on, ...)']],
    [
      'a file that is not UTF-8',
      Buffer.concat([Buffer.from('reference,type,stage,received_on,details\nU-1,corporate_complaint,1,2023-04-03,ok\nU-2,corporate_complaint,1,2023-04-03,caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      ['line 3: column details: is not UTF-8 text: save the file as "CSV UTF-8" and import it again'],
    ],
    [
      'a row with too many cells, and several problems at once',
      'reference,type,received_on,framework\nM-1,mp_enquiry,2023-04-03,corporate,extra\nM-2,mp_enquiry,2023-04-03,\nM-3,mp_enquiry,2023-13-01,sometimes\n',
      [
        'line 2: has 5 cells but the header has 4 columns',
        'line 3: column framework: is required for compliments and enquiries: statutory or corporate',
        'line 4: column received_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
        'line 4: column framework: must be one of: statutory, corporate',
      ],
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, async () => {
      const before = await snapshot();
      const result = await run(input);
      expect(lines(result)).toEqual(expected);
      expect(result.created).toBe(0);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a NUL character in a cell', async () => {
    const before = await snapshot();
    const result = await run('reference,type,received_on,framework,details\nN-1,compliment,2023-04-03,corporate,a\u0000b\n');
    expect(lines(result)).toEqual(['line 2: column details: contains a NUL character, which is not text: remove it and import the file again']);
    expect(await snapshot()).toEqual(before);
  });

  it('a row split across chunks in the middle of a character is still UTF-8', async () => {
    const text = Buffer.from('reference,type,received_on,framework,details\nZ-1,compliment,2023-04-03,corporate,Diolch yn fawr – £5 ✓\n');
    const cut = text.indexOf(Buffer.from('✓')) + 1;
    const result = await run([text.subarray(0, cut), text.subarray(cut)], { dryRun: true });
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(1);
  });

  it('counts lines through quoted line breaks, CRLF included', async () => {
    const result = await run('reference,type,received_on,framework,details\r\nL-1,compliment,2023-04-03,corporate,"one\r\ntwo\r\nthree"\r\nL-2,compliment,2023-04-03,never,\r\n', { dryRun: true });
    expect(lines(result)).toEqual(['line 5: column framework: must be one of: statutory, corporate']);
  });

  it('in Welsh', () => {
    expect(formatImportProblem('cy', { line: 4, column: 'reference', key: 'import.duplicateReference', params: { line: 2 } })).toBe(
      'llinell 4: colofn reference: fe’i defnyddiwyd eisoes ar linell 2 gyda chynnwys gwahanol',
    );
  });
});
