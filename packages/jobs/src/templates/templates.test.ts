import { describe, expect, it } from 'vitest';
import { renderTemplate, templateResources, TEMPLATE_KEYS, TemplateError } from './render';

/** Every key and every {{variable}} of the English templates is in the Welsh ones, and the other way round. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === 'string') out.set(path, inner);
    else for (const [k, v] of flatten(inner, path)) out.set(k, v);
  }
  return out;
}
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('email templates in English and Welsh', () => {
  const en = flatten(templateResources.en);
  const cy = flatten(templateResources.cy);

  it('have the same keys', () => {
    expect([...cy.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('use the same variables in each text', () => {
    for (const [key, text] of en) expect(variables(cy.get(key) ?? ''), key).toEqual(variables(text));
  });

  it('have a text for every template the worker knows', () => {
    for (const key of TEMPLATE_KEYS) expect(Object.keys(templateResources.en)).toContain(key);
  });

  it('render the acknowledgement with the reference and due date in each language', () => {
    const context = { councilName: 'Heardshire', portalUrl: 'https://heardshire.test', case: { reference: 'CYP-24-ABCD', type: 'foi_request', receivedOn: '2024-03-27', dueOn: null, respondedOn: null } };
    const en = renderTemplate('acknowledgement', 'en', 'email', { dueOn: '2024-04-25' }, context);
    expect(en.subject).toBe('We have received your Freedom of Information request: CYP-24-ABCD');
    expect(en.body).toContain('We will respond by Thursday 25 April 2024.');
    const cy = renderTemplate('acknowledgement', 'cy', 'email', { dueOn: '2024-04-25' }, context);
    expect(cy.subject).toBe('Rydym wedi cael eich cais Rhyddid Gwybodaeth: CYP-24-ABCD');
    expect(cy.body).toContain('Byddwn yn ymateb erbyn Dydd Iau 25 Ebrill 2024.');
  });

  it('link the case with the portal’s signed link when the message carries one, else the portal', () => {
    const context = { councilName: 'Heardshire', portalUrl: 'https://heardshire.test', case: { reference: 'CYP-24-ABCD', type: 'corporate_complaint', receivedOn: '2024-03-27', dueOn: '2024-04-12', respondedOn: null } };
    const signed = renderTemplate('acknowledgement', 'en', 'email', { trackUrl: 'https://heardshire.test/track/link/secret-1' }, context);
    expect(signed.body).toContain('Follow your case online: https://heardshire.test/track/link/secret-1');
    expect(renderTemplate('response_sent', 'cy', 'email', { respondedOn: '2024-04-10' }, context).body).toContain('https://heardshire.test');
    expect(() => renderTemplate('acknowledgement', 'en', 'email', { trackUrl: 'javascript:alert(1)' }, context)).toThrow(TemplateError);
  });

  it('render the link back to a saved form, with the day it stops working, in each language', () => {
    const context = { councilName: 'Heardshire', portalUrl: 'https://heardshire.test' };
    const payload = { url: 'https://heardshire.test/resume/abc', expiresAt: '2024-04-24T23:30:00.000Z' };
    const en = renderTemplate('draft_link', 'en', 'email', payload, context);
    expect(en.subject).toBe('Go back to your form: Heardshire');
    expect(en.body).toContain('https://heardshire.test/resume/abc');
    // 23:30 UTC on 24 April is 00:30 on 25 April in the UK.
    expect(en.body).toContain('It works until 25 April 2024.');
    expect(renderTemplate('draft_link', 'cy', 'email', payload, context).body).toContain('Mae’n gweithio tan 25 Ebrill 2024.');
    expect(() => renderTemplate('draft_link', 'en', 'email', { url: 'https://heardshire.test/resume/abc' }, context)).toThrow(TemplateError);
  });

  it('render a statement still awaited next to a deadline, and refuse one without its acceptance date', () => {
    const context = { councilName: 'Heardshire', portalUrl: 'x' };
    const statement = { caseId: 'c1', reference: 'CYP-24-STMT', type: 'children_act_complaint', deadline: 'statement', dueOn: '2024-05-17', state: 'awaiting_statement', workingDays: 10, acceptedOn: '2024-05-02', copyOfOwner: null };
    const response = { caseId: 'c2', reference: 'CYP-24-RESP', type: 'corporate_complaint', deadline: 'response', dueOn: '2024-05-17', state: 'due_today', workingDays: 0, copyOfOwner: null };
    const payload = { name: 'Ifan', today: '2024-05-17', items: [response, statement] };
    const en = renderTemplate('reminder', 'en', 'email', payload, context);
    expect(en.subject).toBe('Reminder: 2 cases need your attention');
    expect(en.body).toContain('- CYP-24-RESP (complaint): response due today, Friday 17 May 2024');
    expect(en.body).toContain('- CYP-24-STMT (complaint): statement of complaint not agreed yet, 10 working day(s) after the request was accepted on Thursday 2 May 2024');
    expect(renderTemplate('reminder', 'cy', 'email', payload, context).body).toContain('derbyn y cais ar Dydd Iau 2 Mai 2024');
    const { acceptedOn: _dropped, ...withoutDate } = statement;
    expect(() => renderTemplate('reminder', 'en', 'email', { ...payload, items: [withoutDate] }, context)).toThrow(TemplateError);
  });

  it('refuse an unknown template or a code without its code', () => {
    const context = { councilName: 'Heardshire', portalUrl: 'x' };
    expect(() => renderTemplate('no_such_template', 'en', 'email', {}, context)).toThrow(TemplateError);
    expect(() => renderTemplate('tracking_code', 'en', 'sms', {}, context)).toThrow(TemplateError);
    expect(renderTemplate('tracking_code', 'cy', 'sms', { code: '123456', reference: 'R1' }, context).body).toBe('Heardshire: eich cod i weld achos R1 yw 123456. Mae\'n dod i ben ymhen 15 munud.');
  });
});
