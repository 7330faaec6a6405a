import type { StaffRole } from '@heard/domain';
import { toUkDate } from '@heard/domain';
import type { HeardDatabase } from '../client';
import { readSyntheticCouncil, writeSyntheticCases } from './synthetic-writer';
import { queueDemoAcknowledgements } from './demo-messages';

/**
 * The demo council: reference data in the seed councils' own words, and one
 * staff account per role. Loading it twice changes nothing.
 *
 * Passwords are hashed by the caller (`@heard/api` owns argon2id; the db
 * package never sees a password). The accounts and their TOTP secret are
 * published in the README: this council is for trying Heard, never for real
 * cases.
 */
export const DEMO_COUNCIL = {
  slug: 'demo',
  name: 'Demo Borough Council',
  nameCy: 'Cyngor Bwrdeistref Demo',
  referencePrefix: 'CYP',
} as const;

export const DEMO_PASSWORD = 'heard-demo-password';
/** Base32; add it to an authenticator app, or run `pnpm heard demo --code EMAIL`. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; role: StaffRole; division?: string }> = [
  { email: 'officer@demo.heard.test', name: 'Casework Officer', role: 'complaints_officer' },
  { email: 'manager.send@demo.heard.test', name: 'SEND Service Manager', role: 'service_manager', division: 'Education Services' },
  { email: 'manager.csc@demo.heard.test', name: "Children's Social Care Manager", role: 'service_manager', division: "Children's Social Care" },
  { email: 'investigator@demo.heard.test', name: 'Investigating Officer', role: 'investigating_officer' },
  { email: 'independent@demo.heard.test', name: 'Independent Person', role: 'independent_person' },
  { email: 'panel@demo.heard.test', name: 'Panel Chair', role: 'panel_member' },
  { email: 'dmt@demo.heard.test', name: 'Directorate Management Team', role: 'management_viewer' },
  { email: 'admin@demo.heard.test', name: 'Administrator', role: 'administrator' },
];

/** Divisions and their services (seed 000), each service with its complaints framework. */
export const DEMO_ORGANISATION: ReadonlyArray<{ division: string; divisionCy: string; services: ReadonlyArray<[name: string, nameCy: string, framework: 'statutory' | 'corporate']> }> = [
  {
    division: "Children's Social Care",
    divisionCy: 'Gofal Cymdeithasol Plant',
    services: [
      ['Children in Need and Child Protection', 'Plant mewn Angen ac Amddiffyn Plant', 'statutory'],
      ['Children Looked After', 'Plant sy’n Derbyn Gofal', 'statutory'],
      ['Fostering', 'Maethu', 'statutory'],
      ['Adoption', 'Mabwysiadu', 'statutory'],
      ['Leaving Care', 'Gadael Gofal', 'statutory'],
      ['Family Support', 'Cymorth i Deuluoedd', 'statutory'],
      ['LADO', 'Swyddog Dynodedig yr Awdurdod Lleol (LADO)', 'corporate'],
    ],
  },
  {
    division: 'Education Services',
    divisionCy: 'Gwasanaethau Addysg',
    services: [
      ['Integrated SEND Services', 'Gwasanaethau AAA Integredig', 'corporate'],
      ['School Admissions & Transport', 'Derbyn i Ysgolion a Chludiant', 'corporate'],
      ['Education Welfare', 'Lles Addysg', 'corporate'],
      ['Early Years & Childcare', 'Blynyddoedd Cynnar a Gofal Plant', 'corporate'],
    ],
  },
  {
    division: 'Families, Quality and Commissioning',
    divisionCy: 'Teuluoedd, Ansawdd a Chomisiynu',
    services: [
      ['Commissioning & Partnerships', 'Comisiynu a Phartneriaethau', 'corporate'],
      ['Information & ICT', 'Gwybodaeth a TGCh', 'corporate'],
    ],
  },
];

/** Seed 002's themes. */
export const DEMO_THEMES: ReadonlyArray<[string, string]> = [
  ['Access to services', 'Mynediad at wasanaethau'],
  ['Communication', 'Cyfathrebu'],
  ['Use/Storage of Data', 'Defnyddio/Storio Data'],
  ['Officer Behaviour', 'Ymddygiad Swyddogion'],
  ['Service Decision', 'Penderfyniad Gwasanaeth'],
  ['Speed of Service', 'Cyflymder y Gwasanaeth'],
  ['Standard of Service', 'Safon y Gwasanaeth'],
];

export const DEMO_LOCALITIES: ReadonlyArray<[string, string]> = [
  ['North', 'Gogledd'],
  ['South', 'De'],
  ['East', 'Dwyrain'],
  ['West', 'Gorllewin'],
  ['Central', 'Canol'],
];

export type DemoResult = { councilId: string; councilName: string; created: boolean; cases: number };

/** How many synthetic cases the demo council gets (about half a year of seed 000's council): `HEARD_DEMO_CASES` overrides it. */
export const DEMO_CASES = 400;

/** The number of demo cases: `HEARD_DEMO_CASES` (0 for none), else `DEMO_CASES`. */
export function demoCasesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.HEARD_DEMO_CASES ?? DEMO_CASES);
  return Number.isInteger(value) && value >= 0 ? value : DEMO_CASES;
}

export async function loadDemo(
  database: HeardDatabase,
  options: {
    hashPassword: (password: string) => Promise<string>;
    /** Synthetic cases for a new demo council (`synthetic.ts`), received over the two years to `asOf`; default none. */
    cases?: number;
    /** Default: today in the UK, so some cases are open and due soon. */
    asOf?: string;
  },
): Promise<DemoResult> {
  const existing = await database.db.selectFrom('councils').select(['id', 'name']).where('slug', '=', DEMO_COUNCIL.slug).executeTakeFirst();
  if (existing) return { councilId: existing.id, councilName: existing.name, created: false, cases: 0 };
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return database.db.transaction().execute(async (tx) => {
    const council = await tx
      .insertInto('councils')
      .values({ slug: DEMO_COUNCIL.slug, name: DEMO_COUNCIL.name, name_cy: DEMO_COUNCIL.nameCy, reference_prefix: DEMO_COUNCIL.referencePrefix, hostnames: ['localhost', '127.0.0.1'] })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const councilId = council.id;
    const divisionIds = new Map<string, string>();
    for (const entry of DEMO_ORGANISATION) {
      const division = await tx
        .insertInto('divisions')
        .values({ council_id: councilId, name: entry.division, name_cy: entry.divisionCy })
        .returning('id')
        .executeTakeFirstOrThrow();
      divisionIds.set(entry.division, division.id);
      await tx
        .insertInto('services')
        .values(entry.services.map(([name, nameCy, framework]) => ({ council_id: councilId, division_id: division.id, name, name_cy: nameCy, framework })))
        .execute();
    }
    await tx.insertInto('themes').values(DEMO_THEMES.map(([name, nameCy]) => ({ council_id: councilId, name, name_cy: nameCy }))).execute();
    await tx.insertInto('localities').values(DEMO_LOCALITIES.map(([name, nameCy]) => ({ council_id: councilId, name, name_cy: nameCy }))).execute();
    for (const person of DEMO_STAFF) {
      const user = await tx
        .insertInto('users')
        .values({ council_id: councilId, email: person.email, display_name: person.name, kind: 'staff', password_hash: passwordHash, totp_secret: DEMO_TOTP_SECRET })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('user_roles')
        .values({ council_id: councilId, user_id: user.id, role: person.role, division_id: person.division ? (divisionIds.get(person.division) ?? null) : null, service_id: null })
        .execute();
    }
    let cases = 0;
    if (options.cases && options.cases > 0) {
      const synthetic = await readSyntheticCouncil(tx, councilId);
      cases = await writeSyntheticCases(tx, synthetic, { cases: options.cases, seed: 1, asOf: options.asOf ?? toUkDate(new Date()), years: 2 });
      await queueDemoAcknowledgements(tx, councilId);
    }
    return { councilId, councilName: council.name, created: true, cases };
  });
}
