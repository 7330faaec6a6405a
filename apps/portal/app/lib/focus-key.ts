/**
 * When the error summary takes focus: on each attempt to send the form (a
 * submit checked in the browser, or the server's answer), not as the person
 * types a correction.
 */
export function focusKeyOf(submitCount: number, result: { errors?: Record<string, string> } | undefined): string {
  return `${submitCount}:${result?.errors ? JSON.stringify(result.errors) : ''}`;
}
