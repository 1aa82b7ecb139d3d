/**
 * The unsubscribe link of every e-mail: `<public URL>/api/v1/email/unsubscribe?t=<token>`, where the token names
 * whose e-mails stop, so only the e-mail's recipient can turn them off, with no sign-in and no widget (a guest has
 * neither). A signed-in user's link names the user (`user:<sub>`: the same setting as the widget's switch); a guest's
 * names the address (`email:<address>`): anyone may type an address into the guest form, and its owner's «no» must
 * hold for every guest ticket that names it.
 *
 * The owner is encrypted in the token (AES-256-GCM, `e.` + base64url of IV, ciphertext and tag): a link passes
 * through mail relays, proxies and their logs, which must not read an address or an LMS id in it. The IV is an HMAC
 * of the owner, so a recipient's link is the same in every e-mail and an IV never serves two owners. Links of the
 * e-mails sent before (`<base64url of the owner>.<HMAC>`, the owner readable) still work.
 *
 * The keys are derived from the token secret for this one purpose: an unsubscribe token is never a valid reporter
 * token, and the reverse. A link does not expire (an e-mail read a year later still unsubscribes); changing
 * `SUPPORT_TOKEN_SECRET` invalidates the links of the e-mails sent before, once the old one is no longer
 * `SUPPORT_TOKEN_SECRET_PREVIOUS`.
 */
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { API_PREFIX } from '../api-prefix';

/** The path of the unsubscribe page under the API prefix. */
export const UNSUBSCRIBE_PATH = '/email/unsubscribe';
/** Turning the e-mails back on from the page that confirmed the unsubscribe. */
export const RESUBSCRIBE_PATH = '/email/resubscribe';

const PURPOSE = 'uchi-support/email-unsubscribe/v1';
/** 128 bits of the HMAC: not guessable, and the link stays short. */
const MAC_BYTES = 16;
/**
 * An owner is `user:` + a token's `sub` (at most 200 UTF-16 units, up to 600 bytes of UTF-8) or `email:` + an
 * address (at most 254 characters, up to 762 bytes): base64url of 768 bytes is 1,024 characters, the HMAC's 23;
 * sealed with its IV and tag, 1,062 and the prefix.
 */
const MAX_TOKEN_LENGTH = 1100;

const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update(PURPOSE).digest();
const macOf = (secret: string, owner: string): Buffer => createHmac('sha256', keyOf(secret)).update(owner, 'utf8').digest().subarray(0, MAC_BYTES);

const SEALED_PURPOSE = 'uchi-support/email-unsubscribe/v2';
const SEALED_PREFIX = 'e.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const sealKeyOf = (secret: string): Buffer => createHmac('sha256', secret).update(`${SEALED_PURPOSE}/key`).digest();
const ivOf = (secret: string, owner: string): Buffer =>
  createHmac('sha256', createHmac('sha256', secret).update(`${SEALED_PURPOSE}/iv`).digest()).update(owner, 'utf8').digest().subarray(0, IV_BYTES);
/** An owner the server signs links for: a user or an address, never anything else. */
const isOwner = (owner: string): boolean => /^(?:user|email):./u.test(owner);

/** The token of `owner`'s unsubscribe link: the owner encrypted, unreadable without the server's secret. */
export function unsubscribeToken(secret: string, owner: string): string {
  const iv = ivOf(secret, owner);
  const cipher = createCipheriv('aes-256-gcm', sealKeyOf(secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(SEALED_PURPOSE));
  const sealed = Buffer.concat([iv, cipher.update(owner, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${sealed.toString('base64url')}`;
}

/** The owner a token names, or null when it is malformed, altered, or was not made with `secret`. */
export function ownerOfUnsubscribeToken(secret: string, token: string): string | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  return token.startsWith(SEALED_PREFIX) ? ownerOfSealed(secret, token.slice(SEALED_PREFIX.length)) : ownerOfSigned(secret, token);
}

function ownerOfSealed(secret: string, data: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(data)) return null;
  const sealed = Buffer.from(data, 'base64url');
  // One spelling per token, as for the signed ones below.
  if (sealed.toString('base64url') !== data || sealed.length <= IV_BYTES + TAG_BYTES) return null;
  const iv = sealed.subarray(0, IV_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', sealKeyOf(secret), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(SEALED_PURPOSE));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let owner: string;
  try {
    owner = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
  return isOwner(owner) && ivOf(secret, owner).equals(iv) ? owner : null;
}

/** The links of the e-mails sent before the owner was encrypted: `<base64url of the owner>.<its HMAC>`. */
function ownerOfSigned(secret: string, token: string): string | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (match === null) return null;
  const [id = '', mac = ''] = [match[1], match[2]];
  const owner = Buffer.from(id, 'base64url').toString('utf8');
  // One spelling per token: base64url's unused low bits, or bytes that are not UTF-8, do not make another.
  if (Buffer.from(owner, 'utf8').toString('base64url') !== id || !isOwner(owner)) return null;
  const given = Buffer.from(mac, 'base64url');
  const expected = macOf(secret, owner);
  return given.toString('base64url') === mac && given.length === expected.length && timingSafeEqual(given, expected) ? owner : null;
}

/** Whose preference a guest's e-mails to `address` obey: the address's, whichever guest typed it. */
export function addressOwner(address: string): string {
  return `email:${address.trim().toLowerCase()}`;
}

/** The link an e-mail to `owner` carries; `publicUrl` is where the API is reached from outside, without `/api/v1`. */
export function unsubscribeUrl(publicUrl: string, secret: string, owner: string): string {
  return `${publicUrl.replace(/\/+$/u, '')}${API_PREFIX}${UNSUBSCRIBE_PATH}?t=${unsubscribeToken(secret, owner)}`;
}
