import type { HeardLoadContext } from '@heard/api';

declare module '@remix-run/node' {
  // The load context the server (packages/cli/src/server/host.ts) gives every loader and action.
  interface AppLoadContext extends HeardLoadContext {}
  // Single fetch (a v3 future flag): loader types as React Router v7 has them.
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
