/** Host context adapters: a signed token's claims, a plain context object, or a Uchi.Pro account. */
import { hostContextSchema, LMS_ROLES, reporterClaimsSchema } from '../core';
import type { HostContext, LmsRole } from '../core';
import { UchiSupportOptionError } from './options';
import type { UchiProAccount } from './options';

// Role codes seen in LMS exports that mean one of ours.
const ROLE_ALIASES: Record<string, LmsRole> = {
  admin: 'administrator',
  student: 'listener',
  learner: 'listener',
  counterparty: 'contractor',
  tutor: 'teacher',
};

/** Our role code for an LMS role code, or null when it is not one we know. */
export function mapRole(code: string): LmsRole | null {
  const lower = code.trim().toLowerCase();
  if ((LMS_ROLES as readonly string[]).includes(lower)) return lower as LmsRole;
  return ROLE_ALIASES[lower] ?? null;
}

/**
 * Maps the LMS's account object to our context. What the ticket needs and the account does not say (a role the
 * widget does not know, no organization) throws an `UchiSupportOptionError` naming the account's field, so a
 * signed-in user is never silently shown as a guest or as a listener; a phone or e-mail the widget cannot read
 * is left out (the user's contact is the server's to know from the token).
 */
export function contextFromAccount(account: UchiProAccount, lmsUrl: string, command = 'init'): HostContext {
  const refuse = (field: string, what: string) => new UchiSupportOptionError(`UchiSupport ${command}: "account${field}" ${what}`);
  const code = typeof account.role === 'string' ? account.role : account.role.code;
  const role = mapRole(code);
  if (role === null) throw refuse(typeof account.role === 'string' ? '.role' : '.role.code', `is ${JSON.stringify(code)}, not one of ${LMS_ROLES.join(', ')}`);
  const orgTitle = account.vendor?.title ?? account.vendor_title ?? '';
  if (orgTitle.trim() === '') throw refuse('.vendor', 'is missing: the ticket names the organization (vendor or vendor_title)');
  const orgId = account.vendor?.uuid ?? account.vendor_uuid ?? undefined;
  const candidate: Record<string, unknown> = {
    userId: account.uuid,
    fullName: account.title,
    role,
    organization: orgId === undefined || orgId === null ? { title: orgTitle } : { id: orgId, title: orgTitle },
    lmsUrl: account.lms_url ?? lmsUrl,
  };
  for (const key of ['phone', 'email'] as const) {
    const value = account[key];
    if (value && hostContextSchema.shape[key].safeParse(value).success) candidate[key] = value;
  }
  const parsed = hostContextSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw refuse('', `does not make a user: "${issue?.path.join('.') ?? ''}" ${issue?.message ?? 'is invalid'}`);
}

/** Decodes a JWT's payload without verifying it: for display only, the server verifies the signature. */
export function decodeTokenClaims(token: string): unknown {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** The context a signed reporter token describes (read-only in the form), or null for a foreign token. */
export function contextFromToken(token: string): HostContext | null {
  const claims = reporterClaimsSchema.safeParse(decodeTokenClaims(token));
  if (!claims.success) return null;
  const { sub, name, role, org, lms, phone, email } = claims.data;
  const candidate: Record<string, unknown> = {
    userId: sub,
    fullName: name,
    role,
    organization: org.id === undefined ? { title: org.title } : { id: org.id, title: org.title },
    lmsUrl: lms,
  };
  if (phone !== undefined) candidate['phone'] = phone;
  if (email !== undefined) candidate['email'] = email;
  const parsed = hostContextSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
