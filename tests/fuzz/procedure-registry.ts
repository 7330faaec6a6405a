/**
 * Every tRPC procedure, with who calls it in the fuzz run and, where the
 * schema alone cannot make useful input, the arbitrary that can. The test
 * fails for a procedure of the router that is missing here (and for an entry
 * whose procedure is gone), so a new procedure is fuzzed from the day it lands.
 *
 * `keepsOnRefusal`: tables a refused call is meant to write to all the same
 * (a wrong password or code counted towards the lockout, with its audit row).
 */
import fc from 'fast-check';
import { findJourneyStep, JOURNEY_IDS, JOURNEY_STEPS, type JourneyId } from '@heard/domain';
import type { CallerKind, World } from '../support/api-world';
import { hostileString } from '../support/hostile';
import { type Hints, validArbitrary } from '../support/zod-arbitrary';
import { sampleFiles } from '../support/files';

export type RegistryEntry = {
  as: CallerKind;
  keepsOnRefusal?: readonly string[];
  /** Valid input, when the schema alone cannot make it (`schema`: the procedure's own input schema). */
  input?: (world: World, hints: Hints, schema: unknown) => fc.Arbitrary<unknown>;
};

const CO: RegistryEntry = { as: 'complaints_officer' };
const ADMIN: RegistryEntry = { as: 'administrator' };
const PUBLIC: RegistryEntry = { as: 'anonymous' };
const CITIZEN: RegistryEntry = { as: 'citizen' };
const SIGN_IN_BOOKKEEPING = ['users', 'audit_log', 'sessions'] as const;

/**
 * Changing staff accounts: the spare accounts of council A, council B's
 * (which must be refused) and made-up ids, never the accounts the world's
 * callers use, or one run that switches off the complaints officer would
 * shut every later procedure out.
 */
const ADMIN_ON_SPARE_ACCOUNTS: RegistryEntry = {
  as: 'administrator',
  input: (world, hints, schema) =>
    validArbitrary(schema, (key, inner, path) =>
      key === 'userId'
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...world.spareStaffIds) },
            { weight: 1, arbitrary: fc.constantFrom(...Object.values(world.councils.b.users)) },
            { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
          )
        : hints(key, inner, path),
    ),
};

/** A page of a journey with answers made from that page's own schema. */
function draftPage(world: World, hints: Hints): fc.Arbitrary<unknown> {
  const context = { today: world.now.toISOString().slice(0, 10), serviceIds: world.services };
  return fc
    .constantFrom(...JOURNEY_IDS.filter((j) => j !== 'advocate-complaint'))
    .chain((journey: JourneyId) => fc.tuple(fc.constant(journey), fc.constantFrom(...JOURNEY_STEPS[journey].map((s) => s.id))))
    .chain(([journey, stepId]) => {
      const step = findJourneyStep(journey, stepId)!;
      const values = step.schema ? validArbitrary(step.schema(context as never), hints) : fc.constant({});
      return fc.record({
        journey: fc.constant(journey),
        token: fc.oneof(fc.constant(null), fc.constantFrom(...world.draftTokens)),
        step: fc.constant(stepId),
        values: values.map((v) => (v && typeof v === 'object' ? v : {})),
        language: fc.constantFrom('en', 'cy'),
      });
    });
}

function upload(world: World): fc.Arbitrary<unknown> {
  return fc.record({
    journey: fc.constantFrom('complaint', 'compliment', 'foi'),
    token: fc.constantFrom(...world.draftTokens),
    fileName: fc.oneof(fc.constantFrom('letter.pdf', 'photo.jpg', 'notes.txt', 'report.docx'), hostileString()),
    content: fc.constantFrom(...smallFiles()),
  });
}

/** The sample files under 1 MB (the big ones, and bombs, are the uploads test's: tests/fuzz/uploads.test.ts). */
function smallFiles(): Uint8Array[] {
  return sampleFiles()
    .filter((f) => f.content.byteLength < 1024 * 1024)
    .map((f) => f.content);
}

export const REGISTRY: Record<string, RegistryEntry> = {
  'public.council.current': PUBLIC,
  'public.services.list': PUBLIC,
  'public.draft.get': PUBLIC,
  'public.draft.save': { as: 'anonymous', input: draftPage },
  'public.draft.submit': PUBLIC,
  'public.draft.sendLink': PUBLIC,
  'public.attachment.upload': { as: 'anonymous', input: upload },
  'public.attachment.remove': PUBLIC,
  'public.complaint.submit': PUBLIC,
  'public.youngPerson.submit': PUBLIC,
  'public.compliment.submit': PUBLIC,
  'public.enquiry.submit': PUBLIC,
  'public.foi.submit': PUBLIC,
  'public.track.requestCode': PUBLIC,
  // A wrong code counts towards the lock (and expires the codes at the fifth), audited.
  'public.track.verifyCode': { as: 'anonymous', keepsOnRefusal: ['tracking_locks', 'access_codes', 'audit_log'] },
  'public.track.openLink': PUBLIC,
  'public.track.view': CITIZEN,
  'public.track.addInformation': CITIZEN,
  'public.track.withdraw': CITIZEN,
  'public.track.escalate': CITIZEN,
  'public.advocate.register': PUBLIC,
  'public.advocate.signIn': { as: 'anonymous', keepsOnRefusal: SIGN_IN_BOOKKEEPING },
  'public.advocate.requestLink': PUBLIC,
  'public.advocate.openLink': PUBLIC,
  'public.advocate.cases': { as: 'advocate' },
  'public.dev.mailbox': PUBLIC,

  'staff.dashboard.summary': CO,
  'staff.me': CO,
  'staff.reference.list': CO,
  'staff.tracker.exportCsv': CO,
  'staff.tracker.list': CO,
  'staff.tracker.review': CO,
  'staff.tracker.views.list': CO,
  'staff.tracker.views.save': CO,
  'staff.tracker.views.delete': CO,
  'staff.triage.acknowledge': CO,
  'staff.triage.assign': CO,
  'staff.triage.bulkAssign': CO,
  'staff.triage.classify': CO,
  'staff.triage.link': CO,
  'staff.triage.outOfRemit': CO,
  'staff.triage.queue': CO,
  'staff.case.accessHistory': ADMIN,
  'staff.case.addNote': CO,
  'staff.case.addRemedy': CO,
  'staff.case.close': CO,
  'staff.case.create': CO,
  'staff.case.extend': CO,
  'staff.case.find': CO,
  'staff.case.get': CO,
  'staff.case.hold': CO,
  'staff.case.letterPreview': CO,
  'staff.case.respond': CO,
  'staff.case.resume': CO,
  'staff.case.saveLearningAction': CO,
  'staff.case.savePerson': CO,
  'staff.case.savePoints': CO,
  'staff.case.sendLetter': CO,
  'staff.case.setMayShare': CO,
  'staff.case.setRemedyComplied': CO,
  'staff.case.updateCommissioned': CO,
  'staff.case.withdraw': CO,
  'staff.escalation.agreeStatement': CO,
  'staff.escalation.appoint': CO,
  'staff.escalation.decide': CO,
  'staff.escalation.ombudsmanDecision': CO,
  'staff.escalation.ombudsmanOutcome': CO,
  'staff.escalation.recordPanel': CO,
  'staff.escalation.recordPanelFindings': CO,
  'staff.escalation.referToOmbudsman': CO,
  'staff.escalation.request': CO,
  'staff.escalation.schedulePanel': CO,
  'staff.foi.extend': CO,
  'staff.foi.issueFeeNotice': CO,
  'staff.foi.publish': CO,
  'staff.foi.receiveClarification': CO,
  'staff.foi.recordFeePaid': CO,
  'staff.foi.requestClarification': CO,
  'staff.foi.respond': CO,
  'staff.logs.compliments': CO,
  'staff.logs.enquiries': CO,
  'staff.advocacy.list': CO,
  'staff.advocacy.save': CO,
  'staff.messages.list': CO,
  'staff.messages.get': CO,
  'staff.report.annual': CO,
  'staff.report.quarterly': CO,
  'staff.report.cases': CO,
  'staff.report.learning': CO,
  'staff.report.importStart': ADMIN,
  'staff.report.importStatus': ADMIN,
  'staff.subjectAccess.search': CO,
  'staff.subjectAccess.export': CO,
  'staff.admin.calendar.list': ADMIN,
  'staff.admin.calendar.save': ADMIN,
  'staff.admin.calendar.delete': ADMIN,
  'staff.admin.policies.list': ADMIN,
  'staff.admin.policies.save': ADMIN,
  'staff.admin.policies.delete': ADMIN,
  'staff.admin.reference.list': ADMIN,
  'staff.admin.reference.save': ADMIN,
  'staff.admin.sso.get': ADMIN,
  'staff.admin.sso.save': ADMIN,
  'staff.admin.templates.list': ADMIN,
  'staff.admin.templates.save': ADMIN,
  'staff.admin.users.list': ADMIN,
  'staff.admin.users.create': ADMIN,
  'staff.admin.users.update': ADMIN_ON_SPARE_ACCOUNTS,
  'staff.admin.users.setRoles': ADMIN_ON_SPARE_ACCOUNTS,

  // A wrong password or code counts towards the lockout, audited, and kept though the call is refused.
  'auth.staff.signIn': { as: 'anonymous', keepsOnRefusal: SIGN_IN_BOOKKEEPING },
  'auth.staff.verifySecondFactor': { as: 'anonymous', keepsOnRefusal: SIGN_IN_BOOKKEEPING },
  'auth.oidc.available': PUBLIC,
  'auth.oidc.start': PUBLIC,
  'auth.oidc.callback': PUBLIC,
  'auth.whoami': CO,
  'auth.signOut': CO,
};

/** Field names whose values the schema cannot explain: ids that exist, dates a refinement checks, codes. */
export function worldHints(world: World): Hints {
  const caseIds = world.cases.map((c) => c.id);
  const references = world.cases.map((c) => c.reference);
  const { a, b } = world.councils;
  const userIds = [...Object.values(a.users), ...Object.values(b.users), world.advocate.id];
  const divisions = [...Object.values(a.divisions), ...Object.values(b.divisions)];
  const services = [...Object.values(a.services), ...Object.values(b.services)];
  const themes = [...Object.values(a.themes), ...Object.values(b.themes)];
  const idOr = (ids: string[]) =>
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) });
  const isoDate = fc
    .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const hasCustomCheck = (schema: unknown) =>
    (((schema as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks ?? []) as Array<{ _zod: { def: { check: string } } }>).some(
      (c) => c._zod.def.check === 'custom',
    );
  return (key, schema, path) => {
    const type = schema._zod.def.type;
    const inArray = path[path.length - 1] === '[]';
    const field = inArray ? (path[path.length - 2] ?? '') : key;
    if (type === 'string' || type === 'pipe') {
      if (field === 'caseId' || field === 'caseIds') return idOr(caseIds);
      if (['officerId', 'userId', 'userIds', 'ownerId', 'owner'].includes(field)) return idOr(userIds);
      if (field === 'divisionId') return idOr(divisions);
      if (field === 'serviceId') return idOr(services);
      if (field === 'themeIds') return idOr(themes);
      if (field === 'localityId') return idOr([a.locality, b.locality]);
      if (field === 'reference' || field === 'caseReference') return fc.oneof(fc.constantFrom(...references), fc.string({ maxLength: 20 }));
      if (field === 'token' && world.draftTokens.length > 0)
        return fc.oneof(fc.constantFrom(...world.draftTokens), fc.base64String({ minLength: 44, maxLength: 44 }));
      if (field === 'templateId')
        return fc.constantFrom(
          'default-acknowledgement',
          'default-response',
          'default-general',
          'default-signposting',
          'default-fee_notice',
          'not-a-template',
        );
      if (field === 'code') return fc.stringMatching(/^\d{6}$/);
      if (field === 'phone' || field === 'advocatePhone') return fc.constantFrom('07700900123', '+44 7700 900982', '020 7946 0000');
      if (field === 'postcode') return fc.constantFrom('SW1A 1AA', 'cf10 1ea', 'M1 1AE');
      if (field === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
      if (field === 'issuer' || field === 'callbackUrl' || field === 'redirectUri')
        return fc.constantFrom('http://127.0.0.1:9/', 'http://fuzz-a.example/sso/callback');
      if (type === 'string' && hasCustomCheck(schema) && /(On|^on|date|Date|From)$/.test(field)) return isoDate;
    }
    if (type === 'custom' && field === 'content') return fc.constantFrom(...smallFiles());
    return undefined;
  };
}
