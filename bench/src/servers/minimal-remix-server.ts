import cluster from 'node:cluster';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';

/**
 * The minimal Remix app (bench/minimal-remix), production build, on the same
 * kind of host as Heard's (packages/cli/src/server/host.ts): Express, its
 * static files, then Remix. WORKERS > 1: node:cluster, like `heard start --workers`.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../minimal-remix');
const workers = Number(process.env.WORKERS ?? 1);

if (cluster.isPrimary && workers > 1) {
  let online = 0;
  for (let i = 0; i < workers; i += 1) cluster.fork();
  cluster.on('message', () => {
    online += 1;
    if (online === workers) process.send?.('ready');
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 200);
  });
} else {
  const build = (await import(pathToFileURL(path.join(root, 'build/server/index.js')).href)) as ServerBuild;
  const app = express();
  app.disable('x-powered-by');
  app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }));
  app.all('*', createRequestHandler({ build, mode: 'production' }));
  const server = createServer(app);
  server.keepAliveTimeout = 5_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
