import { data } from '@remix-run/node';
import { toFormErrors } from '@heard/api/errors';
import { readVerifiedForm } from '@heard/ui/remix/server';
import { readValues, type FormValues } from './forms.server';

/** An admin form's post: its values, then the API call; a refusal comes back as the form's errors with what was typed. */
export async function handleAdminForm(request: Request, dateFields: string[], call: (values: FormValues, intent: string | null) => Promise<Response | Record<string, unknown>>) {
  const form = await readVerifiedForm(request);
  const values = readValues(form, dateFields);
  try {
    const result = await call(values, typeof form.get('intent') === 'string' ? String(form.get('intent')) : null);
    if (result instanceof Response) return result;
    return data({ errors: {} as Record<string, string>, params: {} as Record<string, string | number>, values, result });
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, params: failure.params, values, result: null as Record<string, unknown> | null }, { status: failure.status });
  }
}

export function textOf(values: FormValues, name: string): string | undefined {
  const value = values[name];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one.trim() === '' ? undefined : one;
}
