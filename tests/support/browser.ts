/**
 * A person's browser, reduced to what the suites need: a cookie jar, pages
 * fetched without JavaScript, forms posted back with their hidden fields
 * (the CSRF token) from the page's own origin, redirects followed by hand so
 * each response can be inspected.
 */
export type Page = {
  status: number;
  url: string;
  headers: Headers;
  html: string;
  /** Where a redirect pointed (3xx), resolved against the request. */
  location: string | null;
};

export type FormFields = Record<string, string | string[] | Blob | { blob: Blob; fileName: string }>;

export class Browser {
  readonly cookies = new Map<string, string>();
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Page> {
    const url = new URL(path, this.origin).toString();
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    this.keepCookies(response.headers);
    const html = await response.text();
    const location = response.headers.get('location');
    return { status: response.status, url, headers: response.headers, html, location: location ? new URL(location, url).toString() : null };
  }

  get(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Page> {
    return this.request(path, { ...init, method: 'GET' });
  }

  /** Follows redirects (GET) from a response until a page. */
  async follow(page: Page, limit = 5): Promise<Page> {
    let current = page;
    for (let i = 0; i < limit && current.location && current.status >= 300 && current.status < 400; i += 1)
      current = await this.get(current.location);
    return current;
  }

  /**
   * Posts a form as the browser would: urlencoded, or multipart when a file
   * is in it, with Origin set to this site (what a browser sends) and the
   * CSRF token taken from `from` (the page the form was on) unless given.
   */
  async post(
    path: string,
    fields: FormFields,
    options: { from?: Page; origin?: string | null; csrf?: string | null; timeoutMs?: number } = {},
  ): Promise<Page> {
    const token = options.csrf !== undefined ? options.csrf : options.from ? csrfTokenOf(options.from.html) : null;
    const entries: Array<[string, string | Blob | { blob: Blob; fileName: string }]> = [];
    if (token !== null && token !== undefined) entries.push(['csrf', token]);
    for (const [name, value] of Object.entries(fields)) {
      if (Array.isArray(value)) for (const item of value) entries.push([name, item]);
      else entries.push([name, value]);
    }
    const hasFile = entries.some(([, value]) => typeof value !== 'string');
    let body: FormData | string;
    const headers = new Headers();
    if (hasFile) {
      const form = new FormData();
      for (const [name, value] of entries) {
        if (typeof value === 'string') form.append(name, value);
        else if (value instanceof Blob) form.append(name, value, 'file');
        else form.append(name, value.blob, value.fileName);
      }
      body = form;
    } else {
      body = new URLSearchParams(entries as Array<[string, string]>).toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin !== null) headers.set('origin', origin);
    return this.request(path, { method: 'POST', body, headers, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  }
}

/** The CSRF token in a page's forms (the hidden `csrf` field). */
export function csrfTokenOf(html: string): string | null {
  const match = /<input[^>]*name="csrf"[^>]*value="([^"]+)"/.exec(html) ?? /<input[^>]*value="([^"]+)"[^>]*name="csrf"/.exec(html);
  return match ? match[1]! : null;
}

/** The value attribute of a named input, HTML entities decoded. */
export function inputValueOf(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(html)?.[0];
  if (!tag) return null;
  const value = /value="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? null : decodeEntities(value);
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
