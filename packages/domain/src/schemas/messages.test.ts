import { describe, expect, it } from 'vitest';
import { domainMessages, formatDate, formatMessage, listMessageVariables, localiseParams, renderMessage } from './messages';

describe('the message catalogue, English and Welsh', () => {
  const enKeys = Object.keys(domainMessages.en).sort();
  const cyKeys = Object.keys(domainMessages.cy).sort();

  it('has the same keys in both languages', () => {
    expect(cyKeys).toEqual(enKeys);
    expect(enKeys.length).toBeGreaterThan(150);
  });

  it('uses the same interpolation variables in both languages', () => {
    const mismatches = enKeys.filter((key) => {
      const en = listMessageVariables(domainMessages.en[key as keyof typeof domainMessages.en]);
      const cy = listMessageVariables(domainMessages.cy[key as keyof typeof domainMessages.cy]);
      return JSON.stringify(en) !== JSON.stringify(cy);
    });
    expect(mismatches).toEqual([]);
  });

  it('has no empty or untranslated text (Welsh differs from English except for names and codes)', () => {
    for (const key of enKeys) {
      const en = domainMessages.en[key as keyof typeof domainMessages.en];
      const cy = domainMessages.cy[key as keyof typeof domainMessages.cy];
      expect(en.trim(), key).not.toBe('');
      expect(cy.trim(), key).not.toBe('');
      // Stage and place labels can coincide; sentences must not.
      if (en.split(' ').length > 3) expect(cy, key).not.toBe(en);
    }
  });

  it('keys are namespaced by area', () => {
    for (const key of enKeys) expect(key).toMatch(/^(errors|deadline|place|rag|eligibility|outOfRemit|refusal|status|stage|outcome)\./);
  });
});

describe('formatting', () => {
  it('interpolates, leaving a missing parameter visible', () => {
    expect(formatMessage('en', 'errors.text.tooLong', { max: 500 })).toBe('Must be 500 characters or fewer');
    expect(formatMessage('cy', 'errors.text.tooLong', { max: 500 })).toBe('Rhaid iddo fod yn 500 nod neu lai');
    expect(formatMessage('en', 'errors.text.tooLong')).toBe('Must be {{max}} characters or fewer');
  });

  it('writes dates out in English and Welsh', () => {
    expect(formatDate('2024-03-29', 'en')).toBe('Friday 29 March 2024');
    expect(formatDate('2024-03-29', 'cy')).toBe('Dydd Gwener 29 Mawrth 2024');
    expect(formatDate('2023-05-08', 'cy', { weekday: false })).toBe('8 Mai 2023');
  });

  it('localises dates, statuses, stages and outcomes in parameters', () => {
    expect(
      localiseParams({ closesOn: '2024-02-12', status: 'on_hold', next: '2', outcome: 'partly_upheld', reason: 'free text' }, 'cy'),
    ).toEqual({
      closesOn: '12 Chwefror 2024',
      status: 'Wedi’i ohirio',
      next: 'Cam 2',
      outcome: 'Wedi’i gadarnhau’n rhannol',
      reason: 'free text',
    });
    expect(renderMessage({ key: 'refusal.notAllowedInStatus', params: { status: 'closed' } }, 'en')).toBe(
      'This cannot be done at this point. The case status is: Closed.',
    );
  });
});
