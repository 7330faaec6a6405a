/**
 * Whether a message key is one the apps can show: present in the English
 * catalogue (the domain's messages and the apps' strings), which a unit test
 * keeps in step with the Welsh one.
 */
import { en } from '@heard/ui/i18n/en';

export function isKnownMessageKey(key: unknown): boolean {
  if (typeof key !== 'string' || key.length === 0) return false;
  // The domain's keys are flat ('errors.text.required'); the apps' strings nested by area.
  if (typeof (en as Record<string, unknown>)[key] === 'string') return true;
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in (node as Record<string, unknown>))) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** Every key a refusal carries (its summary key and the field keys) that the catalogue lacks. */
export function unknownKeysOf(described: { messageKey: string; fieldErrors: Record<string, string> }): string[] {
  return [described.messageKey, ...Object.values(described.fieldErrors)].filter((key) => !isKnownMessageKey(key));
}
