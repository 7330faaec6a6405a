/** Types for the apps: the router's shape and the sessions it knows. Server code is in `@heard/api/server`. */
export type { AppRouter } from './router';
export type { Session, RequestMeta } from './context';
export type { AppErrorCode, MessageParams } from './errors';
export type { HeardLoadContext, HeardApi, ApiCaller } from './server';
