/** Who is calling: resolved once per request from `Authorization`, never from the body. */
import { createMiddleware } from 'hono/factory';
import type { ReporterClaims } from '../../core';
import type { AppDeps, AppEnv } from '../context';
import { failures } from '../errors';
import type { Sentence } from '../errors';
import { timingSafeEqual } from 'node:crypto';
import { GUEST_KEY, hashKey, keyDigest } from './keys';
import { checkReporterToken } from './tokens';
import type { TokenRejection } from './tokens';

/** A signed-in LMS user (`user:<sub>`) or a guest (`guest:<sha256 of their key>`). */
export type Reporter =
  | { kind: 'user'; owner: string; keyHash: null; claims: ReporterClaims }
  | { kind: 'guest'; owner: string; keyHash: string };

/**
 * The caller: a reporter, the support agent, nobody, or someone whose credentials failed (with the check a
 * reporter token failed, which dev mode tells in the 401 answer).
 */
export type Identity = Reporter | AgentIdentity | { kind: 'anonymous' } | { kind: 'invalid'; rejection?: TokenRejection; message?: Sentence };

/** A specialist: named when they came with a token of their own (SUPPORT_AGENTS), null with the shared one. */
export interface AgentIdentity {
  kind: 'agent';
  name: string | null;
}

// What is wrong with credentials that are not a token at all: said as it is, not as a token that expired.
const NOT_A_GUEST_KEY: Sentence = {
  ru: 'Ключ гостя — от 32 до 128 символов: латинские буквы, цифры, «_» и «-».',
  en: 'A guest key is 32 to 128 characters: Latin letters, digits, «_» and «-».',
};
const UNKNOWN_SCHEME: Sentence = { ru: 'Заголовок Authorization: «Bearer <токен>» или «Guest <ключ>».', en: 'The Authorization header: «Bearer <token>» or «Guest <key>».' };

/** Works out the identity from the header value. */
export async function resolveIdentity(header: string | undefined, deps: AppDeps): Promise<Identity> {
  if (header === undefined || header.trim() === '') return { kind: 'anonymous' };
  const match = /^(\S+)\s+(\S+)$/.exec(header.trim());
  if (match === null) return { kind: 'invalid', message: UNKNOWN_SCHEME };
  const scheme = (match[1] ?? '').toLowerCase();
  const credential = match[2] ?? '';
  if (scheme === 'guest') {
    if (!GUEST_KEY.test(credential)) return { kind: 'invalid', message: NOT_A_GUEST_KEY };
    const keyHash = hashKey(credential);
    return { kind: 'guest', owner: `guest:${keyHash}`, keyHash };
  }
  if (scheme !== 'bearer') return { kind: 'invalid', message: UNKNOWN_SCHEME };
  const agent = agentOf(credential, deps);
  if (agent !== null) return agent;
  const { tokenSecret, previousTokenSecret, maxTokenLifetimeSeconds } = deps.config;
  let result = await checkReporterToken(credential, tokenSecret, deps.clock(), maxTokenLifetimeSeconds);
  // While the secret is being replaced, a token whose signature fails the new one may be signed with the old.
  if (!result.ok && result.reason === 'signature' && previousTokenSecret !== null) {
    result = await checkReporterToken(credential, previousTokenSecret, deps.clock(), maxTokenLifetimeSeconds);
  }
  if (!result.ok) {
    // The reason only, never the token: an LMS developer finds the mistake in the log.
    // A credential that is no token at all is as likely a specialist's mistyped token: the line says both.
    logRefused(deps, result.reason, result.reason === 'malformed' ? `${result.detail} (nor is it a specialist’s token of SUPPORT_AGENT_TOKEN or SUPPORT_AGENTS)` : result.detail);
    return { kind: 'invalid', ...(deps.config.dev ? { rejection: { reason: result.reason, detail: result.detail } } : {}) };
  }
  return { kind: 'user', owner: userOwner(result.claims.sub), keyHash: null, claims: result.claims };
}

/** The agent tokens' digests, made once per configuration: a request hashes only its own credential. */
const tokenDigests = new WeakMap<AppDeps['config'], Array<{ digest: Buffer; name: string | null }>>();

/** The specialist whose token `credential` is; every token's digest is compared, each in constant time. */
function agentOf(credential: string, deps: AppDeps): AgentIdentity | null {
  const { config } = deps;
  let digests = tokenDigests.get(config);
  if (digests === undefined) {
    digests = [
      ...(config.agentToken === null ? [] : [{ digest: keyDigest(config.agentToken), name: null }]),
      ...config.agents.map(({ name, token }) => ({ digest: keyDigest(token), name })),
    ];
    tokenDigests.set(config, digests);
  }
  const given = keyDigest(credential);
  let found: AgentIdentity | null = null;
  for (const { digest, name } of digests) if (timingSafeEqual(given, digest)) found = { kind: 'agent', name };
  return found;
}

/**
 * At most {@link REFUSED_LINES_PER_MINUTE} refused-token lines a minute per server, then one line saying how many
 * were left out: anyone can send refused tokens faster than the rate limit (which comes after the identity)
 * answers them, and the log must not fill.
 */
const REFUSED_LINES_PER_MINUTE = 100;
const refusedLines = new WeakMap<AppDeps['config'], { since: number; logged: number; left: number }>();
function logRefused(deps: AppDeps, reason: string, detail: string): void {
  const now = deps.clock().getTime();
  let window = refusedLines.get(deps.config);
  if (window === undefined || now - window.since >= 60_000) {
    if (window !== undefined && window.left > 0) deps.logger.warn(`[support] reporter tokens refused: ${window.left} more in the last minute, not logged one by one`);
    window = { since: now, logged: 0, left: 0 };
    refusedLines.set(deps.config, window);
  }
  if (window.logged >= REFUSED_LINES_PER_MINUTE) {
    window.left += 1;
    return;
  }
  window.logged += 1;
  deps.logger.warn(`[support] reporter token refused: ${reason}: ${detail}`);
}

/** Middleware that puts the identity on the context (it never refuses: routes decide what they need). */
export function identityMiddleware(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('identity', await resolveIdentity(c.req.header('authorization'), deps));
    await next();
  });
}

/** The reporter calling, or a 401 (no or bad credentials) / 403 (the agent on a reporter route). */
export function requireReporter(identity: Identity): Reporter {
  switch (identity.kind) {
    case 'user':
    case 'guest':
      return identity;
    case 'agent':
      throw failures.forbidden();
    case 'invalid':
      throw failures.unauthorized(identity.message ?? { ru: 'Токен недействителен или истёк. Войдите снова.', en: 'The token is invalid or has expired. Sign in again.' }, identity.rejection);
    case 'anonymous':
      throw failures.unauthorized();
    default:
      return identity satisfies never;
  }
}

/** Who a signed-in user's tickets and files belong to, by the `sub` of their token. */
export function userOwner(sub: string): string {
  return `${USER_OWNER}${sub}`;
}

/** The `sub` of a signed-in user's owner key; null for anyone else's (a guest, an erased ticket, support). */
export function subOfOwner(owner: string): string | null {
  return owner.startsWith(USER_OWNER) ? owner.slice(USER_OWNER.length) : null;
}

const USER_OWNER = 'user:';

const SUPPORT_OWNER = 'support:';

/**
 * Who uploads a file, as the attachments record it: a reporter's own key, or a specialist's (`support:<name>`, or
 * `support:` for the shared token; never a reporter's, whose keys start with `user:` or `guest:`).
 */
export function requireUploader(identity: Identity): { owner: string; guest: boolean } {
  if (identity.kind === 'agent') return { owner: `${SUPPORT_OWNER}${identity.name ?? ''}`, guest: false };
  const reporter = requireReporter(identity);
  return { owner: reporter.owner, guest: reporter.kind === 'guest' };
}

/** The specialist calling; 401 without valid credentials, 403 for a reporter. */
export function requireAgent(identity: Identity): AgentIdentity {
  if (identity.kind === 'agent') return identity;
  if (identity.kind === 'user' || identity.kind === 'guest') throw failures.forbidden();
  throw failures.unauthorized(
    identity.kind === 'invalid' ? { ru: 'Неверный токен специалиста.', en: 'Wrong specialist token.' } : { ru: 'Требуется токен специалиста.', en: 'A specialist token is required.' },
  );
}
