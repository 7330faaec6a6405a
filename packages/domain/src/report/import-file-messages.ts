import { formatMessage, isDomainMessageKey } from '../schemas/messages';
import type { Language } from '../vocabulary';

/**
 * Messages about a whole import file and about rows taken together (the
 * per-row messages are `errors.import.*` in the domain catalogue): in
 * English and Welsh, `{{name}}` interpolation as the catalogue's.
 */
export const importFileMessages = {
  en: {
    'import.emptyFile': 'the file is empty: it needs a header row naming the columns (reference, type, received_on, ...)',
    'import.notUtf8': 'is not UTF-8 text: save the file as "CSV UTF-8" and import it again',
    'import.quoting': 'has a quote that is not closed or is out of place: put a field that holds commas, quotes or line breaks in double quotes, and double any quote inside it',
    'import.cellCount': 'has {{found}} cells but the header has {{expected}} columns',
    'import.missingColumn': 'is required but is not in the header row',
    'import.duplicateColumn': 'appears more than once in the header row',
    'import.duplicateReference': 'was already used on line {{line}} with different content',
    'import.referenceInUse': 'is already in Heard with different content',
    'import.parentMissing': 'no case {{reference}} in this file or in Heard',
    'import.parentMismatch': '{{reference}} is not an earlier stage of the same type of case',
    'import.futureDate': 'must not be after today ({{today}})',
    'import.tooManyErrors': 'and {{count}} more problems not listed',
    'import.nulCharacter': 'contains a NUL character, which is not text: remove it and import the file again',
  },
  cy: {
    'import.emptyFile': 'mae’r ffeil yn wag: mae angen rhes pennawd sy’n enwi’r colofnau (reference, type, received_on, ...)',
    'import.notUtf8': 'nid yw’n destun UTF-8: cadwch y ffeil fel "CSV UTF-8" a’i mewnforio eto',
    'import.quoting': 'mae dyfynnod nad yw wedi’i gau neu sydd yn y lle anghywir: rhowch faes sy’n cynnwys atalnodau, dyfynodau neu doriadau llinell mewn dyfynodau dwbl, a dyblwch unrhyw ddyfynnod y tu mewn iddo',
    'import.cellCount': 'mae ganddo {{found}} cell ond mae gan y pennawd {{expected}} colofn',
    'import.missingColumn': 'mae’n ofynnol ond nid yw yn y rhes pennawd',
    'import.duplicateColumn': 'mae’n ymddangos fwy nag unwaith yn y rhes pennawd',
    'import.duplicateReference': 'fe’i defnyddiwyd eisoes ar linell {{line}} gyda chynnwys gwahanol',
    'import.referenceInUse': 'mae eisoes yn Heard gyda chynnwys gwahanol',
    'import.parentMissing': 'does dim achos {{reference}} yn y ffeil hon nac yn Heard',
    'import.parentMismatch': 'nid yw {{reference}} yn gam cynharach o’r un math o achos',
    'import.futureDate': 'ni all fod ar ôl heddiw ({{today}})',
    'import.tooManyErrors': 'a {{count}} o broblemau eraill heb eu rhestru',
    'import.nulCharacter': 'mae’n cynnwys nod NUL, nad yw’n destun: tynnwch ef a mewnforio’r ffeil eto',
  },
} as const;

export type ImportFileMessageKey = keyof (typeof importFileMessages)['en'];

/** One problem of an import: where it is and why, as a message key. */
export type ImportProblem = { line: number; column: string | null; key: string; params: Record<string, string | number> };

/**
 * `line N: column C: reason` (contracts.md), in English or Welsh; without a
 * column when the problem is the whole row or file.
 *
 * @example formatImportProblem('en', { line: 1, column: null, key: 'import.emptyFile', params: {} }) // 'line 1: the file is empty: ...'
 */
export function formatImportProblem(language: Language, problem: ImportProblem): string {
  const messages: Record<string, string> = importFileMessages[language];
  let reason: string;
  if (Object.hasOwn(messages, problem.key)) {
    reason = messages[problem.key]!.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => String(problem.params[name] ?? whole));
  } else if (isDomainMessageKey(problem.key)) {
    reason = formatMessage(language, problem.key, problem.params);
  } else {
    reason = problem.key;
  }
  const where = language === 'cy' ? `llinell ${problem.line}` : `line ${problem.line}`;
  const column = problem.column === null ? '' : language === 'cy' ? `colofn ${problem.column}: ` : `column ${problem.column}: `;
  return `${where}: ${column}${reason}`;
}
