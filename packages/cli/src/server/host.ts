import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import { createApi, type HeardApi } from '@heard/api/server';
import { findRepositoryRoot } from '@heard/db';
import express from 'express';
import { ServerConfigError, type ServerEnv } from '../env';
import { languageOnRedirect } from './language-on-redirect';
import { sameOriginWrites, securityHeaders } from './security-headers';
import { staticFiles } from './static-files';

export type AppName = 'portal' | 'backoffice';

export type HostedApp = { name: AppName; port: number; server: Server };

/**
 * Serves one Remix app: security headers, the prebuilt static files, then
 * Remix with the API in its load context. In development Vite builds on demand.
 */
async function buildAppHandler(name: AppName, api: HeardApi, options: { development: boolean; trustProxy?: string | undefined }) {
  const appRoot = path.join(findRepositoryRoot(), 'apps', name);
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  app.use(securityHeaders({ development: options.development }));
  app.use(sameOriginWrites());
  app.use(languageOnRedirect());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite = async () => undefined as void;
  if (options.development) {
    const vite = await import('vite');
    const devServer = await vite.createServer({ root: appRoot, server: { middlewareMode: true, hmr: { port: name === 'portal' ? 24678 : 24679 } } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
    closeVite = () => devServer.close();
  } else {
    const serverBuild = path.join(appRoot, 'build', 'server', 'index.js');
    try {
      build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
    } catch {
      throw new ServerConfigError(`The ${name} app has not been built (${serverBuild} is missing): run \`pnpm build\` first`);
    }
    app.use(staticFiles(path.join(appRoot, 'build', 'client')));
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: options.development ? 'development' : 'production',
      getLoadContext: (request, response) => ({
        api,
        cspNonce: response.locals.cspNonce as string,
        secure: request.secure,
        clientIp: request.ip ?? null,
      }),
    }),
  );
  // What Remix never sees (an address Express cannot decode, `/%E0%A4%A`): a
  // plain refusal that keeps the security headers set above, instead of
  // Express's default handler, which replaces them with its own.
  app.use((error: { status?: number }, _request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (response.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    response.status(status).type('text/plain').send(status === 500 ? 'Something went wrong' : 'Bad request');
  });
  return { app, closeVite };
}

function listen(server: Server, port: number, host: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new ServerConfigError(`Port ${port} on ${host} is already in use: stop what is using it, or set ${envName}`));
      else if (error.code === 'EACCES') reject(new ServerConfigError(`Not allowed to listen on port ${port} on ${host}: choose another with ${envName}`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new ServerConfigError(`HOST ${host} is not an address of this machine`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Listens on each app's port for an instant and lets go, so that a port in
 * use is reported in one line before the database is opened and migrated
 * (seconds on a new embedded database) rather than after. The real listen
 * reports the same errors if the port is taken in between.
 */
export async function assertPortsFree(env: ServerEnv, apps: AppName[]): Promise<void> {
  for (const name of apps) {
    const probe = createServer();
    await listen(probe, name === 'portal' ? env.PORTAL_PORT : env.BACKOFFICE_PORT, env.HOST, name === 'portal' ? 'PORTAL_PORT' : 'BACKOFFICE_PORT');
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

/** Starts the chosen apps on their ports, sharing one API (and one database handle). */
export async function hostApps(
  api: HeardApi,
  env: ServerEnv,
  options: { apps: AppName[]; development: boolean },
): Promise<{ apps: HostedApp[]; close: () => Promise<void> }> {
  const hosted: HostedApp[] = [];
  const closers: Array<() => Promise<void>> = [];
  try {
    for (const name of options.apps) {
      const { app, closeVite } = await buildAppHandler(name, api, { development: options.development, trustProxy: env.TRUST_PROXY });
      const server = createServer(app);
      // Slow clients must not hold sockets open for ever.
      server.headersTimeout = 20_000;
      server.requestTimeout = 60_000;
      // An idle connection is kept longer than a client or proxy keeps it
      // (undici: the server's figure less 1 s; nginx and load balancers: 60 s),
      // so the server is never the one closing a socket as a request is sent
      // on it: with Node's 5 s, a loaded client sent a form on a socket the
      // server closed that instant ("other side closed", found by the form
      // fuzzing in CI); behind a proxy the same race is a stray 502.
      server.keepAliveTimeout = 65_000;
      const port = name === 'portal' ? env.PORTAL_PORT : env.BACKOFFICE_PORT;
      await listen(server, port, env.HOST, name === 'portal' ? 'PORTAL_PORT' : 'BACKOFFICE_PORT');
      hosted.push({ name, port, server });
      closers.push(async () => {
        // Finish requests in flight (up to 5 s), drop idle keep-alive sockets at once.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const forced = setTimeout(() => server.closeAllConnections(), 5_000);
        await closed;
        clearTimeout(forced);
        await closeVite();
      });
    }
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }
  return {
    apps: hosted,
    close: async () => {
      for (const close of closers) await close();
    },
  };
}

export { createApi };
