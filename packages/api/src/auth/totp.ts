import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 TOTP, 6 digits, 30 s steps, one step of clock drift either side. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string, issuer: string): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/** The current code: for tests and for the demo council's documented users. */
export function currentTotpCode(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * Checks a code and refuses one already used (the step must be after the
 * last accepted step), so an overheard code cannot be replayed.
 * Returns the accepted time step, or null.
 */
export async function checkTotpCode(
  secret: string,
  code: string,
  now: Date,
  lastAcceptedStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastAcceptedStep !== null ? { afterTimeStep: lastAcceptedStep } : {}),
  });
  return result.valid && 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
}
