import { zodResolver } from '@hookform/resolvers/zod';
import { Form, useSubmit } from '@remix-run/react';
import type { FormEvent, ReactNode } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { CsrfInput } from './csrf-input';

/**
 * A Remix form that works with no JavaScript (a plain POST to the route's
 * action, checked there with the same zod schema) and, when JavaScript runs,
 * checks the answers in the browser first with react-hook-form so mistakes
 * show without a round trip. Errors are message keys either way.
 */
export function useEnhancedForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  options: { defaultValues?: Partial<z.input<Schema>>; serverErrors?: Record<string, string> | undefined },
) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldUseNativeValidation: false,
    // The error summary takes focus (GOV.UK pattern), not the first field.
    shouldFocusError: false,
  });
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => submit(element, { method: 'post' }))(event);
  };
  /** The message key for a field: the browser's check first, else the server's. */
  const errorKey = (name: string): string | undefined => {
    const clientError = name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], form.formState.errors) as
      | { message?: string }
      | undefined;
    return clientError?.message ?? options.serverErrors?.[name];
  };
  return { form, onSubmit, errorKey };
}

export function EnhancedForm({
  onSubmit,
  children,
  action,
  encType,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  action?: string;
  encType?: 'multipart/form-data' | 'application/x-www-form-urlencoded';
}) {
  return (
    <Form method="post" action={action} encType={encType} noValidate onSubmit={onSubmit}>
      <CsrfInput />
      {children}
    </Form>
  );
}

