import { z } from 'zod';

/**
 * The worker's settings, read once. With neither `SMTP_URL` nor
 * `NOTIFY_API_KEY`, messages stay in the outbox (the back-office "Sent
 * messages" page shows them): nothing is lost and nothing leaves the machine.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const ZJobsEnv = z.object({
  SMTP_URL: optionalText.refine((value) => value === undefined || /^smtps?:\/\//.test(value), 'SMTP_URL must start with smtp:// or smtps://'),
  HEARD_MAIL_FROM: z.string().trim().min(3).default('Heard <no-reply@heard.invalid>'),
  NOTIFY_API_KEY: optionalText,
  NOTIFY_EMAIL_TEMPLATE_ID: optionalText,
  NOTIFY_SMS_TEMPLATE_ID: optionalText,
  NOTIFY_BASE_URL: optionalText,
  /** The portal's address for links in emails, where a council has no host name of its own. */
  HEARD_PORTAL_URL: z.string().trim().url().default('http://127.0.0.1:3000'),
  /** Working days before a deadline on which the owner is reminded. */
  HEARD_REMINDER_DAYS: z
    .string()
    .trim()
    .default('3,1')
    .transform((value, ctx) => {
      const days = value.split(',').map((part) => Number(part.trim()));
      if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 30)) {
        ctx.addIssue({ code: 'custom', message: 'HEARD_REMINDER_DAYS must be whole numbers from 1 to 30, e.g. 3,1' });
        return z.NEVER;
      }
      return [...new Set(days)].sort((a, b) => b - a);
    }),
  /** How often the worker looks for messages to send. */
  HEARD_WORKER_POLL_SECONDS: z.coerce.number().min(0.05).max(300).default(2),
});

export type JobsEnv = z.infer<typeof ZJobsEnv>;

export function readJobsEnv(env: Record<string, string | undefined> = process.env): JobsEnv {
  const parsed = ZJobsEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JobsConfigError(issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid worker settings');
  }
  const settings = parsed.data;
  if (settings.NOTIFY_API_KEY && !settings.NOTIFY_EMAIL_TEMPLATE_ID) {
    throw new JobsConfigError('NOTIFY_EMAIL_TEMPLATE_ID is needed with NOTIFY_API_KEY (a Notify email template with ((subject)) and ((body)))');
  }
  return settings;
}

export class JobsConfigError extends Error {
  override name = 'JobsConfigError';
}
