import { router } from '../../../trpc';
import { accessHistory } from './access-history';
import { addNote } from './add-note';
import { addRemedy } from './add-remedy';
import { close } from './close';
import { create } from './create';
import { extend } from './extend';
import { find } from './find';
import { get } from './get';
import { hold } from './hold';
import { letterPreview } from './letter-preview';
import { respond } from './respond';
import { resume } from './resume';
import { saveLearningAction } from './save-learning-action';
import { savePerson } from './save-person';
import { savePoints } from './save-points';
import { sendLetter } from './send-letter';
import { setMayShare } from './set-may-share';
import { setRemedyComplied } from './set-remedy-complied';
import { updateCommissioned } from './update-commissioned';
import { withdraw } from './withdraw';

/** `staff.case.*`: one case's page and the work done on it. */
export const caseRouter = router({
  accessHistory,
  addNote,
  addRemedy,
  close,
  create,
  extend,
  find,
  get,
  hold,
  letterPreview,
  respond,
  resume,
  saveLearningAction,
  savePerson,
  savePoints,
  sendLetter,
  setMayShare,
  setRemedyComplied,
  updateCommissioned,
  withdraw,
});
