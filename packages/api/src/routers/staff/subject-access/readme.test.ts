import { describe, expect, it } from 'vitest';
import { README_TEXT, renderReadme } from './readme';
import { safeName } from './archive';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the subject access README', () => {
  it('has the same parts and placeholders in English and Welsh', () => {
    expect(Object.keys(README_TEXT.cy)).toEqual(Object.keys(README_TEXT.en));
    expect(README_TEXT.cy.contents).toHaveLength(README_TEXT.en.contents.length);
    for (const key of Object.keys(README_TEXT.en) as Array<keyof typeof README_TEXT.en>) {
      expect(
        JSON.stringify(README_TEXT.cy[key])
          .match(/\{\{\w+\}\}/g)
          ?.sort(),
        key,
      ).toEqual(
        JSON.stringify(README_TEXT.en[key])
          .match(/\{\{\w+\}\}/g)
          ?.sort(),
      );
    }
    // Each file line names the same files in both languages (the folder placeholder word aside).
    const files = (line: string) =>
      line
        .split(':')[0]!
        .replace('cyfeirnod', 'reference')
        .split(' ')
        .filter((word) => word.includes('.') || word.includes('/'));
    README_TEXT.en.contents.forEach((line, i) => expect(files(README_TEXT.cy.contents[i]!)).toEqual(files(line)));
    expect(placeholders(README_TEXT.en.title)).toEqual(['council']);
  });

  it('names the council, the date and the cases, with no placeholder left', () => {
    const text = renderReadme('en', { council: 'Demo Borough Council', date: '9 July 2025', references: ['CYP-25-A', 'CYP-25-B'] });
    expect(text.split('\r\n')[0]).toBe('Demo Borough Council: the information we hold about you');
    expect(text).toContain('This file was made on 9 July 2025');
    expect(text).toContain('We found 2 case(s) with information about you: CYP-25-A, CYP-25-B.');
    expect(text).not.toMatch(/\{\{/);
    expect(renderReadme('cy', { council: 'Cyngor Demo', date: '9 Gorffennaf 2025', references: [] })).toContain(
      'Ni ddaethom o hyd i unrhyw achos',
    );
  });
});

describe('file names in the zip', () => {
  it('stay inside their folder and keep a readable name', () => {
    expect(safeName('../../etc/passwd', 'file')).toBe('passwd');
    expect(safeName('C:\\Users\\sam\\letter.pdf', 'file')).toBe('letter.pdf');
    expect(safeName('..', 'file')).toBe('file');
    expect(safeName('a<b>:c?.txt', 'file')).toBe('a_b__c_.txt');
  });
});
