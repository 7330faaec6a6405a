import { describe, expect, it } from 'vitest';
import { copyText } from './copy-from';

describe('COPY text format', () => {
  it('spells null, booleans and the characters COPY treats specially', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
    expect(copyText(12)).toBe('12');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
  });
});
