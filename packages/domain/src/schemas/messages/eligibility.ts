/** What staff see about eligibility, and what the person is told happens next. */
export const eligibilityEn = {
  'eligibility.next.statutory':
    'We will look at your complaint under the complaints procedure for children’s social care. We will contact you to say we have it and when to expect our reply.',
  'eligibility.next.corporate':
    'We will look at your complaint under the council’s complaints procedure. We will contact you to say we have it and when to expect our reply.',
  'eligibility.next.checkFirst':
    'Before we look at your complaint, someone from our complaints team will check some details with you. If we cannot look at it under our procedure, we will tell you why and who can help.',
  'eligibility.next.otherOrganisation':
    'Your complaint may be about another organisation. We will check, and if it is, we will tell you who to contact.',
  'eligibility.next.youngPerson':
    'Thank you for telling us. Someone from our complaints team will contact you. You can have an advocate: someone on your side who can help you say what you want.',
  'eligibility.flag.no_parental_responsibility_or_interest':
    'The complainant may not have parental responsibility or a sufficient interest in the child’s welfare: decide whether they may complain.',
  'eligibility.flag.no_consent': 'Someone is complaining for a young person: check the young person agrees, if they are able to.',
  'eligibility.flag.historic': 'Made more than {{months}} months after the matter ({{date}}): the council may still decide to consider it.',
  'eligibility.flag.court_or_tribunal_proceedings':
    'There are court or tribunal proceedings: decide whether considering the complaint would prejudice them (regulation 8).',
  'eligibility.flag.other_authority_or_agency': 'It may be about another authority or agency: signpost the person if so.',
  'eligibility.flag.not_this_directorate': 'It may not be about a service of this directorate: signpost the person if so.',
  'eligibility.flag.classification_unsure': 'The service is not clear: check whether this is a Children Act or a corporate complaint.',
  'eligibility.flag.advocate': 'Offer the young person an independent advocate.',
  'outOfRemit.no_parental_responsibility_or_interest': 'No parental responsibility or sufficient interest',
  'outOfRemit.no_consent': 'No consent from a young person able to give it',
  'outOfRemit.historic': 'Historic (more than a year ago)',
  'outOfRemit.other_authority_or_agency': 'About another authority or agency',
  'outOfRemit.court_or_tribunal_proceedings': 'Subject to court or tribunal proceedings',
  'outOfRemit.not_this_directorate': 'Not a service of this directorate',
} as const satisfies Record<string, string>;

export const eligibilityCy: Record<keyof typeof eligibilityEn, string> = {
  'eligibility.next.statutory':
    'Byddwn yn edrych ar eich cwyn o dan y weithdrefn gwyno ar gyfer gofal cymdeithasol plant. Byddwn yn cysylltu â chi i ddweud ei bod wedi dod i law a phryd i ddisgwyl ein hateb.',
  'eligibility.next.corporate':
    'Byddwn yn edrych ar eich cwyn o dan weithdrefn gwyno’r cyngor. Byddwn yn cysylltu â chi i ddweud ei bod wedi dod i law a phryd i ddisgwyl ein hateb.',
  'eligibility.next.checkFirst':
    'Cyn i ni edrych ar eich cwyn, bydd rhywun o’n tîm cwynion yn gwirio rhai manylion gyda chi. Os na allwn edrych arni o dan ein gweithdrefn, byddwn yn dweud wrthych pam a phwy all helpu.',
  'eligibility.next.otherOrganisation':
    'Efallai fod eich cwyn yn ymwneud â sefydliad arall. Byddwn yn gwirio, ac os felly, byddwn yn dweud wrthych â phwy i gysylltu.',
  'eligibility.next.youngPerson':
    'Diolch am ddweud wrthym. Bydd rhywun o’n tîm cwynion yn cysylltu â chi. Gallwch gael eiriolwr: rhywun sydd ar eich ochr chi ac a all eich helpu i ddweud beth rydych chi ei eisiau.',
  'eligibility.flag.no_parental_responsibility_or_interest':
    'Efallai nad oes gan yr achwynydd gyfrifoldeb rhiant na diddordeb digonol yn lles y plentyn: penderfynwch a gaiff gwyno.',
  'eligibility.flag.no_consent':
    'Mae rhywun yn cwyno ar ran person ifanc: gwiriwch fod y person ifanc yn cytuno, os yw’n gallu gwneud hynny.',
  'eligibility.flag.historic': 'Fe’i gwnaed fwy na {{months}} mis ar ôl y mater ({{date}}): gall y cyngor benderfynu ei hystyried o hyd.',
  'eligibility.flag.court_or_tribunal_proceedings':
    'Mae achos llys neu dribiwnlys: penderfynwch a fyddai ystyried y gŵyn yn rhagfarnu’r achos hwnnw (rheoliad 8).',
  'eligibility.flag.other_authority_or_agency': 'Efallai ei bod yn ymwneud ag awdurdod neu asiantaeth arall: cyfeiriwch y person os felly.',
  'eligibility.flag.not_this_directorate': 'Efallai nad yw’n ymwneud â gwasanaeth y gyfarwyddiaeth hon: cyfeiriwch y person os felly.',
  'eligibility.flag.classification_unsure': 'Nid yw’r gwasanaeth yn glir: gwiriwch ai cwyn Deddf Plant neu gŵyn gorfforaethol yw hon.',
  'eligibility.flag.advocate': 'Cynigiwch eiriolwr annibynnol i’r person ifanc.',
  'outOfRemit.no_parental_responsibility_or_interest': 'Dim cyfrifoldeb rhiant na diddordeb digonol',
  'outOfRemit.no_consent': 'Dim caniatâd gan berson ifanc sy’n gallu ei roi',
  'outOfRemit.historic': 'Hanesyddol (mwy na blwyddyn yn ôl)',
  'outOfRemit.other_authority_or_agency': 'Yn ymwneud ag awdurdod neu asiantaeth arall',
  'outOfRemit.court_or_tribunal_proceedings': 'Yn destun achos llys neu dribiwnlys',
  'outOfRemit.not_this_directorate': 'Nid yw’n wasanaeth gan y gyfarwyddiaeth hon',
};
