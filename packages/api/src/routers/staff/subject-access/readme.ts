/**
 * The covering note of a subject access export (README.txt), in the
 * person's language. `{{name}}` placeholders; a test keeps the two languages'
 * keys and placeholders identical.
 */
export const README_TEXT = {
  en: {
    title: '{{council}}: the information we hold about you',
    intro:
      'This file was made on {{date}} in answer to a request for the information we hold about you (a subject access request under Article 15 of the UK General Data Protection Regulation). It comes from Heard, the system the council uses for complaints, compliments, enquiries and Freedom of Information requests about children’s services.',
    casesFound: 'We found {{count}} case(s) with information about you: {{references}}.',
    noCases: 'We found no cases with information about you.',
    contentsHeading: 'What is in this file',
    contents: [
      'README.txt: this note.',
      'about-you.json: the details we hold about you on each case (name, contact details, date of birth, how you want us to contact you), and your advocate account if you have one.',
      'cases/<reference>/case.json: the case: what we were told, its type, stage, status and dates, the points of the complaint and what we found, remedies, what we learned, and advocacy.',
      'cases/<reference>/history.json: everything that happened on the case, in order, with the date and time.',
      'cases/<reference>/messages.json: the emails and text messages we sent you about the case.',
      'cases/<reference>/letters.json: the letters we sent about the case.',
      'cases/<reference>/documents/: the files sent to us with the case.',
      'messages.json: other emails and text messages we sent you (for example codes to see a case).',
      'forms-not-sent.json and forms-not-sent/documents/: forms started on our website and not sent, and the files added to them.',
    ],
    format:
      'The .json files open in any text editor. Dates are written year-month-day (2024-03-29) and times in Coordinated Universal Time (UTC). Some values are codes, for example "upheld" or "partly_upheld" (what we found) and "closed" (status). The names of files and fields are in English.',
    others: 'We may have removed information about other people before sending you this file.',
    contact: 'If you think something is missing or wrong, contact {{council}}.',
  },
  cy: {
    title: '{{council}}: yr wybodaeth sydd gennym amdanoch chi',
    intro:
      'Cafodd y ffeil hon ei gwneud ar {{date}} mewn ymateb i gais am yr wybodaeth sydd gennym amdanoch chi (cais gwrthrych am fynediad o dan Erthygl 15 o Reoliad Cyffredinol y DU ar Ddiogelu Data). Mae’n dod o Heard, y system y mae’r cyngor yn ei defnyddio ar gyfer cwynion, canmoliaethau, ymholiadau a cheisiadau Rhyddid Gwybodaeth am wasanaethau plant.',
    casesFound: 'Daethom o hyd i {{count}} achos gyda gwybodaeth amdanoch chi: {{references}}.',
    noCases: 'Ni ddaethom o hyd i unrhyw achos gyda gwybodaeth amdanoch chi.',
    contentsHeading: 'Beth sydd yn y ffeil hon',
    contents: [
      'README.txt: y nodyn hwn.',
      'about-you.json: y manylion sydd gennym amdanoch chi ar bob achos (enw, manylion cyswllt, dyddiad geni, sut rydych chi am i ni gysylltu â chi), a’ch cyfrif eiriolwr os oes gennych un.',
      'cases/<cyfeirnod>/case.json: yr achos: yr hyn a ddywedwyd wrthym, ei fath, ei gam, ei statws a’i ddyddiadau, pwyntiau’r gŵyn a’r hyn a ganfuwyd gennym, camau unioni, yr hyn a ddysgwyd gennym, ac eiriolaeth.',
      'cases/<cyfeirnod>/history.json: popeth a ddigwyddodd ar yr achos, mewn trefn, gyda’r dyddiad a’r amser.',
      'cases/<cyfeirnod>/messages.json: y negeseuon e-bost a’r negeseuon testun a anfonwyd atoch am yr achos.',
      'cases/<cyfeirnod>/letters.json: y llythyrau a anfonwyd gennym am yr achos.',
      'cases/<cyfeirnod>/documents/: y ffeiliau a anfonwyd atom gyda’r achos.',
      'messages.json: negeseuon e-bost a negeseuon testun eraill a anfonwyd atoch (er enghraifft codau i weld achos).',
      'forms-not-sent.json a forms-not-sent/documents/: ffurflenni a ddechreuwyd ar ein gwefan ac na chawsant eu hanfon, a’r ffeiliau a ychwanegwyd atynt.',
    ],
    format:
      'Mae’r ffeiliau .json yn agor mewn unrhyw olygydd testun. Mae dyddiadau wedi’u hysgrifennu blwyddyn-mis-diwrnod (2024-03-29) ac amseroedd mewn Amser Cyffredinol Cydlynol (UTC). Codau yw rhai gwerthoedd, er enghraifft "upheld" neu "partly_upheld" (yr hyn a ganfuwyd gennym) a "closed" (statws). Mae enwau’r ffeiliau a’r meysydd yn Saesneg.',
    others: 'Efallai ein bod wedi tynnu gwybodaeth am bobl eraill cyn anfon y ffeil hon atoch.',
    contact: 'Os ydych chi’n meddwl bod rhywbeth ar goll neu’n anghywir, cysylltwch â {{council}}.',
  },
} as const;

export type ReadmeLanguage = keyof typeof README_TEXT;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** README.txt: plain text with Windows line endings, so that Notepad shows it as written. */
export function renderReadme(language: ReadmeLanguage, values: { council: string; date: string; references: string[] }): string {
  const text = README_TEXT[language];
  const named = { council: values.council, date: values.date };
  const lines = [
    fill(text.title, named),
    '',
    fill(text.intro, named),
    '',
    values.references.length > 0
      ? fill(text.casesFound, { count: values.references.length, references: values.references.join(', ') })
      : text.noCases,
    '',
    text.contentsHeading,
    '',
    ...text.contents.map((line) => `- ${line}`),
    '',
    text.format,
    '',
    text.others,
    '',
    fill(text.contact, named),
    '',
  ];
  return lines.join('\r\n');
}
