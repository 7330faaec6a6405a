import { unstable_createMemoryUploadHandler } from '@remix-run/node';
import { CSRF_FIELD, parseMultipartForm, readVerifiedForm, verifyFormToken } from '@heard/ui/remix/server';

/** Form fields that are not answers. */
const CONTROL_FIELDS = new Set([CSRF_FIELD, '_action', 'returnTo']);

/**
 * Posted fields as nested values: `contact.email` becomes
 * `{ contact: { email } }`, the shape the domain's schemas read (and the
 * shape react-hook-form gives in the browser).
 */
export function formToValues(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (CONTROL_FIELDS.has(name) || typeof value !== 'string') continue;
    const parts = name.split('.').filter(Boolean);
    if (parts.length === 0 || parts.length > 4 || parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node = values;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (next && typeof next === 'object' ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = value;
  }
  return values;
}

export { readVerifiedForm };

/** Files above this are refused while being read, before they fill memory. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export class UploadTooLarge extends Error {}

/**
 * Reads a multipart form with its files (each at most 10 MB, read into
 * memory only up to that), then checks its CSRF token.
 */
export async function readVerifiedUpload(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw new UploadTooLarge();
  let form: FormData;
  try {
    form = await parseMultipartForm(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
  } catch (error) {
    if (error instanceof Error && /exceeded|too large|size/i.test(error.message)) throw new UploadTooLarge();
    // A body that is not the form it says it is (broken multipart): the sender's mistake, not ours.
    throw new Response('Bad request', { status: 400 });
  }
  verifyFormToken(request, form);
  return form;
}

/** A chosen file from a multipart form, as the API takes it; null when none was chosen. */
export async function fileFrom(form: FormData, name: string): Promise<{ fileName: string; content: Uint8Array<ArrayBuffer> } | null> {
  const file = form.get(name);
  if (!file || typeof file === 'string' || (file.size === 0 && !file.name)) return null;
  return { fileName: file.name || 'file', content: new Uint8Array(await file.arrayBuffer()) };
}
