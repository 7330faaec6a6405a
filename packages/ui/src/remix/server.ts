export { getCaller } from './api.server';
export { createServerI18n, detectLanguage, languageCookie, serverT } from './i18n.server';
export { CSRF_FIELD, ensureCsrfToken, readVerifiedForm, verifyFormToken } from './csrf.server';
export { parseMultipartForm } from './multipart.server';
export { rootLoaderData } from './root-loader.server';
