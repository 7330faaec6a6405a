import { z } from 'zod';

/**
 * Staff sign-in forms, shared by the back-office form and the API. Messages
 * are i18n keys (the back-office translates them into English or Welsh).
 */
export const ZStaffSignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'auth.signIn.errors.emailMissing').max(254, 'auth.signIn.errors.emailInvalid').email('auth.signIn.errors.emailInvalid'),
  password: z.string().min(1, 'auth.signIn.errors.passwordMissing').max(1000, 'auth.signIn.errors.passwordInvalid'),
});
export type TStaffSignInInput = z.infer<typeof ZStaffSignInInput>;

export const ZSecondFactorInput = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().min(1, 'auth.totp.errors.codeMissing').regex(/^\d{6}$/, 'auth.totp.errors.codeFormat')),
});
export type TSecondFactorInput = z.infer<typeof ZSecondFactorInput>;
