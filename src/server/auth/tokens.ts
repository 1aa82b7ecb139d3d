/** Reporter tokens: HS256 JWTs signed by the LMS backend with the shared secret (docs/http-contract.md). */
import { jwtVerify, SignJWT } from 'jose';
import { reporterClaimsSchema } from '../../core';
import type { ReporterClaims } from '../../core';

/** The audience every reporter token must carry. */
export const TOKEN_AUDIENCE = 'uchi-support';

/**
 * The longest a token may still live when it is presented: a day. An `exp` further out (a forgotten expiry, or
 * one written in milliseconds instead of seconds) would make a leaked token good for years.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Reporter claims without `exp`: what the LMS (or the demo) says about the user. */
export type ReporterProfile = Omit<ReporterClaims, 'exp'>;

const SPAN = /^(-?\d+)\s*(s|m|h|d)$/;
const SPAN_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Seconds from a span like `'1h'`, `'15m'`, `'-5m'` or a plain number of seconds. */
function spanSeconds(expiresIn: number | string): number {
  if (typeof expiresIn === 'number') return Math.trunc(expiresIn);
  const match = SPAN.exec(expiresIn.trim());
  if (match === null) throw new RangeError(`expiresIn must look like "1h", "30m", "-5m" or be seconds, got "${expiresIn}"`);
  return Number(match[1]) * SPAN_SECONDS[match[2] as keyof typeof SPAN_SECONDS];
}

/**
 * Signs a reporter token the way an LMS backend would; used by tests, the demo and `POST /dev/token`.
 * `now` is the issuing instant (the server's clock), so a fake clock gets tokens valid on its own timeline.
 */
export async function signReporterToken(
  claims: ReporterProfile,
  secret: string,
  expiresIn: number | string = '1h',
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + spanSeconds(expiresIn))
    .sign(new TextEncoder().encode(secret));
}

/**
 * Verifies a reporter token: HS256 only (so `alg: none` and key confusion fail), our audience, an `exp`
 * that has not passed on the server's clock and is at most `maxLifetimeSeconds` away, and claims of the contract's shape. Null when any check fails.
 */
export async function verifyReporterToken(
  token: string,
  secret: string,
  now: Date,
  maxLifetimeSeconds: number = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Promise<ReporterClaims | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
    });
    const parsed = reporterClaimsSchema.safeParse(payload);
    if (!parsed.success) return null;
    return parsed.data.exp - now.getTime() / 1000 > maxLifetimeSeconds ? null : parsed.data;
  } catch {
    return null;
  }
}
