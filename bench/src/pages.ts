import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export type CapturedPage = { name: string; url: string; status: number; html: string; body: string; cookies: string[] };

/** GETs a page as a first visit (no cookies unless given) and keeps its HTML and its body's inner HTML. */
export async function capture(name: string, url: string, cookie?: string): Promise<CapturedPage> {
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return { name, url, status: response.status, html, body, cookies: response.headers.getSetCookie() };
}

/** The first link in `html` whose path starts with `prefix`. */
export function firstLink(html: string, prefix: string): string | undefined {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`href="(${escaped}[^"#?]*)"`).exec(html)?.[1];
}

export type PageWeight = { htmlGzip: number; css: number; js: number; other: number; total: number; scripts: number; encodings: string[] };

/** The system's Chromium (the one the browser tests and PDF reports use). */
const CHROMIUM = [process.env.HEARD_CHROMIUM, '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));

/**
 * Bytes on the wire for a first view, as a browser fetches them: Chromium
 * opens the page with no cookies and waits until the network is idle, so the
 * count includes what the page loads after its first paint (the language's
 * strings, imported when the page hydrates), which a list of the page's links
 * misses: measured on the question page, 14 KB of 166. Each response counts
 * as sent (the host serves pre-compressed copies), except the HTML, counted
 * as a proxy would gzip it (Heard does not compress HTML in Node: quality.md).
 */
export async function pageWeight(url: string): Promise<PageWeight> {
  if (!CHROMIUM) throw new Error('page weight needs Chromium: install it (apt-get install chromium) or set HEARD_CHROMIUM');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'heard-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const sizes: Promise<{ type: string; bytes: number; encoding: string | undefined }>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'document') return;
      sizes.push(
        Promise.all([request.sizes(), request.response()]).then(([size, response]) => ({
          type: request.resourceType(),
          bytes: size.responseBodySize,
          encoding: response?.headers()['content-encoding'],
        })),
      );
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    const html = (await response?.text()) ?? '';
    const weight: PageWeight = { htmlGzip: gzipSync(html).length, css: 0, js: 0, other: 0, total: 0, scripts: 0, encodings: [] };
    const encodings = new Set<string>();
    for (const { type, bytes, encoding } of await Promise.all(sizes)) {
      if (type === 'stylesheet') weight.css += bytes;
      else if (type === 'script') {
        weight.js += bytes;
        weight.scripts += 1;
      } else weight.other += bytes;
      encodings.add(encoding ?? 'identity');
    }
    weight.encodings = [...encodings].sort();
    weight.total = weight.htmlGzip + weight.css + weight.js + weight.other;
    return weight;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
