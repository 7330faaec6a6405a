/**
 * Welsh names of the UK bank holidays, keyed by GOV.UK's English title, so a
 * deadline's explanation reads naturally in Welsh ("Dydd Gwener y Groglith",
 * not "Good Friday"). `scripts/refresh-bank-holidays.ts` lists any new title
 * missing here, and a test fails until it is added.
 */
export const HOLIDAY_NAMES_CY: Readonly<Record<string, string>> = {
  'New Year’s Day': 'Dydd Calan',
  '2nd January': '2 Ionawr',
  'Good Friday': 'Dydd Gwener y Groglith',
  'Easter Monday': 'Dydd Llun y Pasg',
  'Early May bank holiday': 'Gŵyl banc dechrau mis Mai',
  'Early May bank holiday (VE day)': 'Gŵyl banc dechrau mis Mai (Diwrnod VE)',
  'Spring bank holiday': 'Gŵyl banc y gwanwyn',
  'Summer bank holiday': 'Gŵyl banc yr haf',
  'Christmas Day': 'Dydd Nadolig',
  'Boxing Day': 'Gŵyl San Steffan',
  'St Andrew’s Day': 'Dydd Gŵyl Andreas',
  'St Patrick’s Day': 'Dydd Gŵyl Padrig',
  'Battle of the Boyne (Orangemen’s Day)': 'Brwydr y Boyne (Diwrnod yr Orangemen)',
  'Platinum Jubilee bank holiday': 'Gŵyl banc y Jiwbilî Platinwm',
  'Bank Holiday for the State Funeral of Queen Elizabeth II': 'Gŵyl banc ar gyfer Angladd Gwladol y Frenhines Elizabeth II',
  'Bank holiday for the coronation of King Charles III': 'Gŵyl banc ar gyfer coroni’r Brenin Charles III',
  'World Cup bank holiday': 'Gŵyl banc Cwpan y Byd',
};

/** GOV.UK's note on a substitute day, and its Welsh. */
export const SUBSTITUTE_DAY_NOTE = 'Substitute day';
export const SUBSTITUTE_DAY_NOTE_CY = 'Diwrnod yn lle';
