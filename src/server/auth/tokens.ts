/** Reporter tokens: HS256 JWTs signed by the LMS backend with the shared secret (docs/http-contract.md). */
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { emailSchema, isHttpUrl, LMS_ROLES, normalizePhone, reporterClaimsSchema } from '../../core';
import type { ReporterClaims } from '../../core';
import { withoutLoneSurrogates } from '../http/clean-text';

/** The audience every reporter token must carry. */
export const TOKEN_AUDIENCE = 'uchi-support';

/**
 * The longest a token may still live when it is presented: a day. An `exp` further out (a forgotten expiry, or
 * one written in milliseconds instead of seconds) would make a leaked token good for years.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * How far the LMS server's clock may be from this one's: `exp`, `nbf` and the lifetime are checked with this
 * much leeway, so a token signed by a clock a few seconds off works from the moment it is issued to its end.
 */
export const TOKEN_CLOCK_TOLERANCE_SECONDS = 30;

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

/** Which check a refused token failed; logged always, and in dev mode told in the 401 answer. */
export const TOKEN_REJECTIONS = [
  'malformed',
  'algorithm',
  'crit',
  'signature',
  'audience',
  'exp_missing',
  'expired',
  'lifetime',
  'not_yet_valid',
  // A claim of the wrong type or value, one reason per claim so each mistake reads apart.
  'claim_sub',
  'claim_name',
  'claim_role',
  'claim_org',
  'claim_lms',
  'claim_phone',
  'claim_email',
  'claim_exp',
  'claims',
] as const;
/** One reason a token was refused. */
export type TokenRejectionReason = (typeof TOKEN_REJECTIONS)[number];

/** A refused token: the failed check and a sentence for the LMS developer (never the token or claim values). */
export interface TokenRejection {
  reason: TokenRejectionReason;
  detail: string;
}

/** The outcome of checking a reporter token. */
export type TokenCheck = { ok: true; claims: ReporterClaims } | ({ ok: false } & TokenRejection);

const refuse = (reason: TokenRejectionReason, detail: string): TokenCheck => ({ ok: false, reason, detail });

/** Whether the token's header has `crit` (critical extensions); false when it has no readable header. */
function hasCrit(token: string): boolean {
  try {
    return decodeProtectedHeader(token).crit !== undefined;
  } catch {
    return false;
  }
}

/** Whether the token's payload (its second part) is JSON at all: jose tells a non-object and broken JSON alike. */
function payloadIsJson(token: string): boolean {
  try {
    JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether each of the token's three parts is base64url in its one spelling. A decoder ignores the unused low
 * bits of a last character, so without this check one signed token would have several spellings that all pass:
 * a token is then not one string, and a log, a limit or a cache that keys on it could be walked around.
 */
function canonicalParts(token: string): boolean {
  const parts = token.split('.');
  return parts.length === 3 && parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part);
}

/** jose's error for a failed check of `token` → our reason. */
function rejectionOf(error: unknown, token: string): TokenCheck {
  if (error instanceof joseErrors.JWTExpired) return refuse('expired', 'exp has passed (exp is in seconds since 1970, UTC).');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refuse('audience', `aud must be "${TOKEN_AUDIENCE}".`);
    // jose's reasons: "missing", "invalid" (not a number) and "check_failed" (a time that does not hold).
    if (error.claim === 'exp') {
      return error.reason === 'missing'
        ? refuse('exp_missing', 'exp is required: a whole number of seconds since 1970, UTC.')
        : refuse('claim_exp', 'exp must be a whole number of seconds since 1970, UTC (a number, not a string).');
    }
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return error.reason === 'check_failed'
        ? refuse('not_yet_valid', `${error.claim} is in the future: check the LMS server's clock.`)
        : refuse('claims', `${error.claim}, when given, must be a number of seconds since 1970, UTC.`);
    }
    return refuse(claimReason(error.claim), `${error.claim}: ${error.reason === 'missing' ? 'required' : 'invalid'}.`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) return refuse('algorithm', 'alg must be HS256.');
  // A payload that is JSON but not an object (`[1]`, `"text"`, `null`) is a wrong claims set, not a broken token.
  if (error instanceof joseErrors.JWTInvalid && payloadIsJson(token)) return refuse('claims', 'the payload must be a JSON object of claims.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return refuse('signature', 'the signature does not match: sign with SUPPORT_TOKEN_SECRET, HS256, over the exact header.payload sent.');
  return refuse('malformed', 'not a compact JWT: three base64url parts (header.payload.signature) with JSON header and payload.');
}

// Control and invisible format characters (zero-width spaces and joiners, bidi overrides, soft hyphens): they
// make a name look empty or different from what is stored, so they are removed from every text claim. Half of
// a UTF-16 pair has no UTF-8 form: it becomes U+FFFD.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A text claim without invisible characters, trimmed. */
function cleanText(value: string): string {
  return withoutLoneSurrogates(value.replace(INVISIBLE, '')).trim();
}

/**
 * The claims as stored: text trimmed and cleaned; `name` and `org.title` must stay non-empty, `lms` must be an
 * http(s) URL, and a `phone` or `email` that is not one is dropped (the rules of the guest contact fields).
 * `sub` is kept exactly as signed, so it must need no cleaning.
 */
function cleanClaims(claims: ReporterClaims): TokenCheck {
  // `sub` is who the user is (their tickets belong to `user:<sub>`) and is compared exactly: trimmed or cleaned
  // it could become another user's id, so a blank one, or one with spaces at an end or invisible characters, is
  // refused rather than changed.
  if (cleanText(claims.sub) !== claims.sub) {
    return refuse('claim_sub', 'sub must be the LMS user id as it is: visible characters, no spaces at either end, no control or zero-width characters, no half of a UTF-16 pair.');
  }
  const name = cleanText(claims.name);
  if (name === '') return refuse('claim_name', 'name must have visible characters.');
  const title = cleanText(claims.org.title);
  if (title === '') return refuse('claim_org', 'org.title must have visible characters (org is an object: {"id"?: string, "title": string}).');
  const lms = cleanText(claims.lms);
  if (!isHttpUrl(lms)) return refuse('claim_lms', 'lms must be an absolute http(s) URL of the LMS, such as "https://company.uchi.pro".');
  const orgId = claims.org.id === undefined ? '' : cleanText(claims.org.id);
  const phone = claims.phone === undefined ? null : normalizePhone(cleanText(claims.phone));
  const email = claims.email === undefined ? '' : cleanText(claims.email);
  return {
    ok: true,
    claims: {
      sub: claims.sub,
      name,
      role: claims.role,
      org: orgId === '' ? { title } : { id: orgId, title },
      lms,
      ...(phone === null ? {} : { phone }),
      ...(email !== '' && emailSchema.safeParse(email).success ? { email } : {}),
      exp: claims.exp,
    },
  };
}

const CLAIM_REASONS = new Set<string>(TOKEN_REJECTIONS.filter((reason) => reason.startsWith('claim_')));

/** The reason for a wrong `claim`: its own when it has one, `claims` otherwise. */
function claimReason(claim: string): TokenRejectionReason {
  const reason = `claim_${claim}`;
  return CLAIM_REASONS.has(reason) ? (reason as TokenRejectionReason) : 'claims';
}

/** What is wrong with the claims' shape, in a sentence naming the claim (never its value). */
function shapeProblem(issues: ReadonlyArray<{ path: PropertyKey[] }>): string {
  const claim = issues[0]?.path.map(String).join('.') ?? '';
  switch (claim.split('.')[0]) {
    case 'role':
      return `role must be one of: ${LMS_ROLES.join(', ')}.`;
    case 'org':
      // A number where a string goes is the usual mistake of an LMS that keeps ids as integers.
      if (claim === 'org.id') return 'org.id, when given, must be a string of at most 100 characters (send a numeric id as "17", not 17).';
      if (claim === 'org.title') return 'org.title must be a string of at most 300 characters.';
      return 'org must be an object: {"id"?: string, "title": string} (not a string).';
    case 'exp':
      return 'exp must be a whole number of seconds since 1970, UTC.';
    case '':
      return 'the payload must be a JSON object.';
    default:
      return `${claim} is missing or of the wrong type (see the claim table in the README).`;
  }
}

/**
 * Checks a reporter token: HS256 only (so `alg: none` and key confusion fail) and no `crit` extensions, our
 * audience, an `exp` that has not passed on the server's clock and is at most `maxLifetimeSeconds` away, and
 * claims of the contract's shape (cleaned as {@link cleanClaims} says). A refusal says which check failed.
 */
export async function checkReporterToken(
  token: string,
  secret: string,
  now: Date,
  maxLifetimeSeconds: number = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Promise<TokenCheck> {
  // No header extension is supported. jose would refuse an unknown one as an unsupported algorithm and a
  // malformed `crit` as a malformed token, both before the signature: the header says which mistake it is.
  if (!canonicalParts(token)) return refuse('malformed', 'not a compact JWT: three base64url parts (header.payload.signature), each without padding and in its one spelling, with JSON header and payload.');
  if (hasCrit(token)) return refuse('crit', 'the header has crit (critical extensions), which this server does not support: sign with {"alg":"HS256","typ":"JWT"} only.');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
      clockTolerance: TOKEN_CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return rejectionOf(error, token);
  }
  const parsed = reporterClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const claim = String(parsed.error.issues[0]?.path[0] ?? '');
    return refuse(claimReason(claim), shapeProblem(parsed.error.issues));
  }
  if (parsed.data.exp - now.getTime() / 1000 > maxLifetimeSeconds + TOKEN_CLOCK_TOLERANCE_SECONDS) {
    return refuse('lifetime', `exp is more than ${maxLifetimeSeconds} s away (the most a token may live); exp is in seconds, not milliseconds.`);
  }
  return cleanClaims(parsed.data);
}

/** {@link checkReporterToken} for callers that only need the claims: null when any check fails. */
export async function verifyReporterToken(
  token: string,
  secret: string,
  now: Date,
  maxLifetimeSeconds: number = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Promise<ReporterClaims | null> {
  const result = await checkReporterToken(token, secret, now, maxLifetimeSeconds);
  return result.ok ? result.claims : null;
}
