import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * What the page's <head> needs to know about its body: the CSP nonce, and
 * whether the page shows validation errors, so that its <title> starts with
 * "Error:" (GOV.UK's pattern: a screen reader reads the title first).
 *
 * On the server and at hydration the error state comes from the action data
 * of the request (`hasActionErrors`); afterwards the ErrorSummary reports it.
 */
type PageState = {
  nonce: string | undefined;
  hasErrors: boolean;
  reportErrors: (present: boolean) => void;
};

const PageStateContext = createContext<PageState>({ nonce: undefined, hasErrors: false, reportErrors: () => undefined });

export function PageStateProvider({ nonce, initialHasErrors, children }: { nonce?: string | undefined; initialHasErrors: boolean; children: ReactNode }) {
  const [reported, setReported] = useState<boolean | null>(null);
  const reportErrors = useCallback((present: boolean) => setReported(present), []);
  const value = useMemo(
    () => ({ nonce, hasErrors: reported ?? initialHasErrors, reportErrors }),
    [nonce, reported, initialHasErrors, reportErrors],
  );
  return <PageStateContext.Provider value={value}>{children}</PageStateContext.Provider>;
}

export function usePageState(): PageState {
  return useContext(PageStateContext);
}

/** True when any route's action returned `{ errors: {...non-empty} }`. */
export function hasActionErrors(actionData: Record<string, unknown> | null | undefined): boolean {
  if (!actionData) return false;
  return Object.values(actionData).some((value) => {
    if (!value || typeof value !== 'object' || !('errors' in value)) return false;
    const errors = (value as { errors: unknown }).errors;
    return !!errors && typeof errors === 'object' && Object.keys(errors).length > 0;
  });
}
