import type { Tx } from '@heard/db';
import type { Context, Session } from '../../../context';
import type { KeepOnRefusal } from '../../../trpc';

/** What a public procedure has once the middleware has opened the council's transaction. */
export type PublicContext = Context & { tx: Tx; session: Session | null; keepOnRefusal: KeepOnRefusal };
