import { router } from '../../trpc';
import { listAdvocateCases } from './advocate/cases';
import { openAdvocateLink } from './advocate/open-link';
import { registerAdvocate } from './advocate/register';
import { requestAdvocateLink } from './advocate/request-link';
import { signInAdvocate } from './advocate/sign-in';
import { removeAttachment } from './attachment/remove';
import { uploadAttachment } from './attachment/upload';
import { submitComplaint } from './complaint/submit';
import { submitCompliment } from './compliment/submit';
import { councilRouter } from './council';
import { devMailbox } from './dev/mailbox';
import { getDraft } from './draft/get';
import { saveDraft } from './draft/save';
import { sendDraftLink } from './draft/send-link';
import { submitDraft } from './draft/submit';
import { submitEnquiry } from './enquiry/submit';
import { submitFoiRequest } from './foi/submit';
import { listServices } from './services/list';
import { addInformation } from './track/add-information';
import { escalateCase } from './track/escalate';
import { openTrackingLink } from './track/open-link';
import { requestTrackingCode } from './track/request-code';
import { verifyTrackingCode } from './track/verify-code';
import { viewTrackedCase } from './track/view';
import { withdrawCase } from './track/withdraw';
import { submitYoungPersonComplaint } from './young-person/submit';

export const publicRouter = router({
  council: councilRouter,
  services: router({ list: listServices }),
  draft: router({ get: getDraft, save: saveDraft, submit: submitDraft, sendLink: sendDraftLink }),
  attachment: router({ upload: uploadAttachment, remove: removeAttachment }),
  complaint: router({ submit: submitComplaint }),
  youngPerson: router({ submit: submitYoungPersonComplaint }),
  compliment: router({ submit: submitCompliment }),
  enquiry: router({ submit: submitEnquiry }),
  foi: router({ submit: submitFoiRequest }),
  track: router({
    requestCode: requestTrackingCode,
    verifyCode: verifyTrackingCode,
    openLink: openTrackingLink,
    view: viewTrackedCase,
    addInformation,
    withdraw: withdrawCase,
    escalate: escalateCase,
  }),
  advocate: router({
    register: registerAdvocate,
    signIn: signInAdvocate,
    requestLink: requestAdvocateLink,
    openLink: openAdvocateLink,
    cases: listAdvocateCases,
  }),
  dev: router({ mailbox: devMailbox }),
});
