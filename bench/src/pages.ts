import { gzipSync } from 'node:zlib';

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

export type PageWeight = { htmlGzip: number; css: number; js: number; other: number; total: number; scripts: number };

/**
 * Bytes on the wire for a first view: the HTML as a proxy would gzip it (Heard
 * does not compress HTML in Node: quality.md), and every stylesheet, script and
 * module preload it links, fetched with `Accept-Encoding: br, gzip` as a browser
 * would (the host serves the pre-compressed copies).
 */
export async function pageWeight(origin: string, html: string): Promise<PageWeight> {
  const weight: PageWeight = { htmlGzip: gzipSync(html).length, css: 0, js: 0, other: 0, total: 0, scripts: 0 };
  const assets = new Set<string>();
  for (const match of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*>/g)) {
    const tag = match[0];
    if (/rel="(stylesheet|modulepreload|preload)"/.test(tag)) assets.add(match[1]!);
  }
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) assets.add(match[1]!);
  // Inline module scripts import the entry and route chunks.
  for (const match of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"([^"]+\.js)"/g)) assets.add(match[1]!);
  weight.scripts = (html.match(/<script/g) ?? []).length;
  for (const asset of assets) {
    const url = new URL(asset.replace(/&amp;/g, '&'), origin);
    if (url.origin !== origin) continue;
    const response = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    const bytes = (await response.arrayBuffer()).byteLength;
    // fetch decompresses; the compressed size is what was sent.
    const sent = Number(response.headers.get('content-length') ?? bytes);
    if (asset.endsWith('.css')) weight.css += sent;
    else if (asset.endsWith('.js')) weight.js += sent;
    else weight.other += sent;
  }
  weight.total = weight.htmlGzip + weight.css + weight.js + weight.other;
  return weight;
}
