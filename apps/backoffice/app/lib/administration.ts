/**
 * The permissions of the council's administration (the Admin link and the
 * pages under /admin): reference lists, policies and calendar, letter
 * templates, staff, single sign-on. Not every `manage:` permission: most
 * staff manage their own saved views (`manage:view:own`) and complaints
 * officers the advocacy referrals (`manage:advocacy:any`) without
 * administering anything.
 */
const ADMINISTRATION = new Set(['manage:reference:any', 'manage:policy:any', 'manage:template:any', 'manage:user:any', 'manage:sso:any']);

/** Whether these permissions open the administration pages. */
export function administers(permissions: readonly string[]): boolean {
  return permissions.some((permission) => ADMINISTRATION.has(permission));
}
