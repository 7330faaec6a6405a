/**
 * How a deadline explains itself (rules.md: "Every deadline can explain
 * itself ... shown to staff and, in plain words, to the person"). Dates
 * inside sentences are written without the weekday so that Welsh needs no
 * mutation after a preposition ("ar 29 Mawrth 2024").
 */
export const deadlineEn = {
  'deadline.start.received': 'Received on {{date}}: this is day 0.',
  'deadline.start.acknowledged': 'Acknowledged on {{date}}: the time limit counts from the acknowledgement, day 0.',
  'deadline.start.statement_agreed':
    'Statement of complaint agreed on {{date}}: the investigation’s time limit counts from this day, day 0.',
  'deadline.start.panel_held': 'Review panel held on {{date}}: day 0 for the panel’s findings.',
  'deadline.start.findings_issued': 'Panel findings issued on {{date}}: day 0 for the response.',
  'deadline.start.clarification_received':
    'The clarification we asked for arrived on {{date}}, so the time limit started again from this day, day 0.',
  'deadline.rule.working': 'Time limit: {{limit}} working days ({{source}}).',
  'deadline.rule.calendar': 'Time limit: {{limit}} calendar days, counted from the next day ({{source}}).',
  'deadline.source.council': 'the council’s policy: {{citation}}',
  'deadline.extended': 'Extended from {{from}} to {{to}} days, agreed on {{date}}.',
  'deadline.extended.complex': 'Complex case: the extended time limit of {{to}} days applies.',
  'deadline.extension.reason': 'Reason for the extension: {{reason}}',
  'deadline.calendar.england-and-wales': 'Working days are Monday to Friday, except bank holidays in England and Wales.',
  'deadline.calendar.scotland': 'Working days are Monday to Friday, except bank holidays in Scotland.',
  'deadline.calendar.northern-ireland': 'Working days are Monday to Friday, except bank holidays in Northern Ireland.',
  'deadline.calendar.foi':
    'Working days are Monday to Friday, except bank holidays anywhere in the UK (Freedom of Information Act 2000, section 10(6)).',
  'deadline.calendar.closures': 'The council’s closure days are not working days either.',
  'deadline.skipped.weekends': 'Weekend days not counted: {{count}}.',
  'deadline.skipped.bankHoliday': 'Not counted: {{date}}, {{name}} (bank holiday).',
  'deadline.skipped.bankHolidayIn': 'Not counted: {{date}}, {{name}} (bank holiday {{where}}).',
  'deadline.skipped.closure': 'Not counted: {{date}}, the council was closed ({{name}}).',
  'deadline.skipped.paused': 'Not counted: {{from}} to {{to}}, while a fee was unpaid (Freedom of Information Act 2000, section 10(2)).',
  'deadline.result': 'Deadline: {{date}}.',
  'deadline.warning.beyondHolidayData':
    'Bank holidays after {{date}} are not known yet, so after that date only weekends and closure days were skipped. Check this deadline.',
  'deadline.awaiting.statement_agreed': 'Awaiting the agreed statement of complaint: the {{limit}} working days start when it is agreed.',
  'deadline.awaiting.acknowledged': 'The time limit starts when the case is acknowledged.',
  'deadline.awaiting.acknowledgedProvisional':
    'The time limit starts when the case is acknowledged. If it is acknowledged on the last day allowed, the deadline will be {{date}}.',
  'deadline.awaiting.panel_held': 'The time limit starts when the review panel meets.',
  'deadline.awaiting.findings_issued': 'The time limit starts when the panel’s findings are issued.',
  'deadline.awaiting.clarification': 'Waiting for the clarification we asked for: the {{limit}} working days start again when it arrives.',
  'deadline.paused.fee_notice':
    'Paused from {{date}} until the fee is paid (Freedom of Information Act 2000, section 10(2)). Working days left when it restarts: {{remaining}}.',
  'deadline.none': 'There is no deadline for this.',
  'deadline.none.stageNotOffered': 'This stage is not part of the council’s procedure for this kind of case.',
  'place.england-and-wales': 'in England and Wales',
  'place.scotland': 'in Scotland',
  'place.northern-ireland': 'in Northern Ireland',
  'place.england-and-wales+scotland': 'in England, Wales and Scotland',
  'place.england-and-wales+northern-ireland': 'in England, Wales and Northern Ireland',
  'place.scotland+northern-ireland': 'in Scotland and Northern Ireland',
  'place.uk': 'across the UK',
  'rag.green': 'On track',
  'rag.amber': 'Due soon',
  'rag.red': 'Overdue',
  'rag.awaiting_agreed_statement': 'Awaiting agreed statement',
  'rag.awaiting': 'Not started yet',
  'rag.paused': 'Paused',
  'rag.no_deadline': 'No deadline',
  'rag.met': 'Answered on time',
  'rag.missed': 'Answered late',
} as const satisfies Record<string, string>;

export const deadlineCy: Record<keyof typeof deadlineEn, string> = {
  'deadline.start.received': 'Wedi dod i law ar {{date}}: dyma ddiwrnod 0.',
  'deadline.start.acknowledged': 'Cydnabuwyd ar {{date}}: mae’r terfyn amser yn cyfrif o’r gydnabyddiaeth, diwrnod 0.',
  'deadline.start.statement_agreed':
    'Cytunwyd ar y datganiad cwyn ar {{date}}: mae terfyn amser yr ymchwiliad yn cyfrif o’r diwrnod hwn, diwrnod 0.',
  'deadline.start.panel_held': 'Cynhaliwyd y panel adolygu ar {{date}}: diwrnod 0 ar gyfer canfyddiadau’r panel.',
  'deadline.start.findings_issued': 'Cyhoeddwyd canfyddiadau’r panel ar {{date}}: diwrnod 0 ar gyfer yr ymateb.',
  'deadline.start.clarification_received':
    'Daeth yr eglurhad y gofynnon ni amdano i law ar {{date}}, felly dechreuodd y terfyn amser eto o’r diwrnod hwn, diwrnod 0.',
  'deadline.rule.working': 'Terfyn amser: {{limit}} diwrnod gwaith ({{source}}).',
  'deadline.rule.calendar': 'Terfyn amser: {{limit}} diwrnod calendr, gan gyfrif o’r diwrnod wedyn ({{source}}).',
  'deadline.source.council': 'polisi’r cyngor: {{citation}}',
  'deadline.extended': 'Estynnwyd o {{from}} i {{to}} diwrnod, a chytunwyd ar hyn ar {{date}}.',
  'deadline.extended.complex': 'Achos cymhleth: mae’r terfyn amser estynedig o {{to}} diwrnod yn berthnasol.',
  'deadline.extension.reason': 'Y rheswm dros yr estyniad: {{reason}}',
  'deadline.calendar.england-and-wales': 'Diwrnodau gwaith yw dydd Llun i ddydd Gwener, ac eithrio gwyliau banc yng Nghymru a Lloegr.',
  'deadline.calendar.scotland': 'Diwrnodau gwaith yw dydd Llun i ddydd Gwener, ac eithrio gwyliau banc yn yr Alban.',
  'deadline.calendar.northern-ireland': 'Diwrnodau gwaith yw dydd Llun i ddydd Gwener, ac eithrio gwyliau banc yng Ngogledd Iwerddon.',
  'deadline.calendar.foi':
    'Diwrnodau gwaith yw dydd Llun i ddydd Gwener, ac eithrio gwyliau banc yn unrhyw ran o’r DU (Deddf Rhyddid Gwybodaeth 2000, adran 10(6)).',
  'deadline.calendar.closures': 'Nid yw diwrnodau cau’r cyngor yn ddiwrnodau gwaith chwaith.',
  'deadline.skipped.weekends': 'Diwrnodau penwythnos heb eu cyfrif: {{count}}.',
  'deadline.skipped.bankHoliday': 'Heb ei gyfrif: {{date}}, {{name}} (gŵyl banc).',
  'deadline.skipped.bankHolidayIn': 'Heb ei gyfrif: {{date}}, {{name}} (gŵyl banc {{where}}).',
  'deadline.skipped.closure': 'Heb ei gyfrif: {{date}}, roedd y cyngor ar gau ({{name}}).',
  'deadline.skipped.paused':
    'Heb eu cyfrif: {{from}} i {{to}}, tra nad oedd ffi wedi’i thalu (Deddf Rhyddid Gwybodaeth 2000, adran 10(2)).',
  'deadline.result': 'Dyddiad cau: {{date}}.',
  'deadline.warning.beyondHolidayData':
    'Nid yw gwyliau banc ar ôl {{date}} yn hysbys eto, felly ar ôl y dyddiad hwnnw dim ond penwythnosau a diwrnodau cau a hepgorwyd. Gwiriwch y dyddiad cau hwn.',
  'deadline.awaiting.statement_agreed':
    'Yn aros am y datganiad cwyn y cytunwyd arno: mae’r {{limit}} diwrnod gwaith yn dechrau pan gytunir arno.',
  'deadline.awaiting.acknowledged': 'Mae’r terfyn amser yn dechrau pan fydd yr achos yn cael ei gydnabod.',
  'deadline.awaiting.acknowledgedProvisional':
    'Mae’r terfyn amser yn dechrau pan fydd yr achos yn cael ei gydnabod. Os caiff ei gydnabod ar y diwrnod olaf a ganiateir, y dyddiad cau fydd {{date}}.',
  'deadline.awaiting.panel_held': 'Mae’r terfyn amser yn dechrau pan fydd y panel adolygu’n cyfarfod.',
  'deadline.awaiting.findings_issued': 'Mae’r terfyn amser yn dechrau pan gyhoeddir canfyddiadau’r panel.',
  'deadline.awaiting.clarification':
    'Yn aros am yr eglurhad y gofynnon ni amdano: mae’r {{limit}} diwrnod gwaith yn dechrau eto pan ddaw i law.',
  'deadline.paused.fee_notice':
    'Wedi’i oedi o {{date}} nes bydd y ffi wedi’i thalu (Deddf Rhyddid Gwybodaeth 2000, adran 10(2)). Diwrnodau gwaith ar ôl pan fydd yn ailddechrau: {{remaining}}.',
  'deadline.none': 'Nid oes dyddiad cau ar gyfer hyn.',
  'deadline.none.stageNotOffered': 'Nid yw’r cam hwn yn rhan o weithdrefn y cyngor ar gyfer y math hwn o achos.',
  'place.england-and-wales': 'yng Nghymru a Lloegr',
  'place.scotland': 'yn yr Alban',
  'place.northern-ireland': 'yng Ngogledd Iwerddon',
  'place.england-and-wales+scotland': 'yng Nghymru, Lloegr a’r Alban',
  'place.england-and-wales+northern-ireland': 'yng Nghymru, Lloegr a Gogledd Iwerddon',
  'place.scotland+northern-ireland': 'yn yr Alban a Gogledd Iwerddon',
  'place.uk': 'ledled y DU',
  'rag.green': 'Ar y trywydd iawn',
  'rag.amber': 'Yn ddyledus cyn bo hir',
  'rag.red': 'Yn hwyr',
  'rag.awaiting_agreed_statement': 'Yn aros am ddatganiad y cytunwyd arno',
  'rag.awaiting': 'Heb ddechrau eto',
  'rag.paused': 'Wedi’i oedi',
  'rag.no_deadline': 'Dim dyddiad cau',
  'rag.met': 'Atebwyd mewn pryd',
  'rag.missed': 'Atebwyd yn hwyr',
};
