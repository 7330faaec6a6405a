import type { HeldRow, SubjectAccessData, SubjectDocument } from '@heard/db';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { renderReadme, type ReadmeLanguage } from './readme';

/** JSON as stored: dates as ISO strings, big integers (event ids) as text, two-space indented. */
export function toJson(value: unknown): Uint8Array {
  return strToU8(`${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

/** A file or folder name that stays inside its folder and opens on any system. */
export function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Control characters, and what Windows does not allow in a name.
    .replace(/[<>:"|?*]/g, '_')
    .split('')
    .map((c) => (c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(-100);
  return cleaned === '' ? fallback : cleaned;
}

function addDocuments(files: Zippable, folder: string, documents: SubjectDocument[]): void {
  documents.forEach((document, index) => {
    // Numbered, so that two files of the same name are both kept; stored as they are (most are compressed already).
    files[`${folder}/${String(index + 1).padStart(2, '0')}-${safeName(document.fileName, 'file')}`] = [document.content, { level: 0 }];
  });
}

/** A case's own record: the case row with the person's details on it and what hangs off it. */
function caseRecord(subjectCase: SubjectAccessData['cases'][number]): Record<string, unknown> {
  return {
    case: subjectCase.case,
    yourDetails: subjectCase.people,
    complaintPoints: subjectCase.points,
    remedies: subjectCase.remedies,
    learningActions: subjectCase.learningActions,
    advocacyReferrals: subjectCase.advocacyReferrals,
  };
}

/**
 * The export as a zip: a README.txt in the person's language, JSON files per
 * case, the messages and letters, and the documents' own bytes. Built in
 * memory: one person's records are small (uploads are limited in size).
 */
export function buildSubjectAccessZip(
  data: SubjectAccessData,
  options: { language: ReadmeLanguage; council: string; date: string },
): Uint8Array {
  const files: Zippable = {};
  const references = data.cases.map((c) => c.reference);
  files['README.txt'] = strToU8(renderReadme(options.language, { council: options.council, date: options.date, references }));
  files['about-you.json'] = toJson({
    yourDetails: data.cases.flatMap((c) => c.people.map((person: HeldRow) => ({ caseReference: c.reference, ...person }))),
    accounts: data.accounts,
  });
  for (const subjectCase of data.cases) {
    const folder = `cases/${safeName(subjectCase.reference, subjectCase.id)}`;
    files[`${folder}/case.json`] = toJson(caseRecord(subjectCase));
    files[`${folder}/history.json`] = toJson(subjectCase.events);
    files[`${folder}/messages.json`] = toJson(subjectCase.messages);
    files[`${folder}/letters.json`] = toJson(subjectCase.letters);
    addDocuments(
      files,
      `${folder}/documents`,
      data.documents.filter((d) => d.caseId === subjectCase.id),
    );
  }
  files['messages.json'] = toJson(data.otherMessages);
  files['forms-not-sent.json'] = toJson(data.drafts);
  addDocuments(
    files,
    'forms-not-sent/documents',
    data.documents.filter((d) => d.caseId === null),
  );
  return zipSync(files, { level: 6 });
}
