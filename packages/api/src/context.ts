import type { Council, HeardDatabase, RoleGrant } from '@heard/db';

/** Who is calling, once their session has been checked. */
export type Session =
  | {
      kind: 'staff';
      tokenHash: string;
      userId: string;
      displayName: string;
      email: string;
      roles: RoleGrant[];
      /** Signed in with a password but the second factor is still to come. */
      pendingSecondFactor: boolean;
    }
  | { kind: 'advocate'; tokenHash: string; userId: string; displayName: string; email: string }
  | { kind: 'citizen'; tokenHash: string; caseId: string };

export type RequestMeta = {
  /** The caller's address as seen by the server (after a trusted proxy). */
  ip: string | null;
  host: string;
  language: 'en' | 'cy';
};

/** What every procedure receives before middleware narrows it. */
export type Context = {
  database: HeardDatabase;
  council: Council;
  /** The session cookie's token, checked inside each call's transaction. */
  sessionToken: string | null;
  request: RequestMeta;
  /** The time, injectable so deadlines and expiry can be tested on any date. */
  now: () => Date;
};
