import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

/** The pages the bench captured from the portal, read once: `BENCH_PAGES_DIR/<name>.html` (the body's inner HTML). */
const pages = new Map<string, string>();

function page(name: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(name)) return undefined;
  let html = pages.get(name);
  if (html === undefined) {
    try {
      html = readFileSync(path.join(process.env.BENCH_PAGES_DIR ?? '.', `${name}.html`), 'utf8');
    } catch {
      return undefined;
    }
    pages.set(name, html);
  }
  return html;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const html = page(params.page ?? '');
  if (html === undefined) throw new Response('Not found', { status: 404 });
  return { html };
}

export const meta: MetaFunction = () => [{ title: 'Minimal Remix page' }];

export default function Page() {
  const { html } = useLoaderData<typeof loader>();
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}
