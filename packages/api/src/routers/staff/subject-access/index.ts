import { router } from '../../../trpc';
import { exportSubject } from './export';
import { searchSubject } from './search';

/** Subject access (UK GDPR art. 15) for complaints officers and administrators: find what is held about a person, then export it. */
export const subjectAccessRouter = router({
  search: searchSubject,
  export: exportSubject,
});
