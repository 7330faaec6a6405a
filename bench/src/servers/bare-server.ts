import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The ceiling (quality.md): a bare node:http server returning the bytes of a
 * captured page for `/<name>`, nothing else.
 */
const dir = process.env.BENCH_PAGES_DIR ?? '.';
const pages = new Map<string, Buffer>();
const server = createServer((request, response) => {
  const name = (request.url ?? '/').slice(1).split('?')[0] ?? '';
  let body = pages.get(name);
  if (body === undefined && /^[a-z0-9-]+$/.test(name)) {
    try {
      body = readFileSync(`${dir}/${name}.full.html`);
      pages.set(name, body);
    } catch {
      body = undefined;
    }
  }
  if (body === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
