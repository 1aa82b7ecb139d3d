/**
 * The unsubscribe link of every e-mail: `<public URL>/api/v1/email/unsubscribe?t=<token>`, where the token names
 * whose e-mails stop and carries an HMAC of it, so only the e-mail's recipient can turn them off, with no sign-in
 * and no widget (a guest has neither). A signed-in user's link names the user (`user:<sub>`: the same setting as
 * the widget's switch); a guest's names the address (`email:<address>`): anyone may type an address into the
 * guest form, and its owner's «no» must hold for every guest ticket that names it.
 *
 * The HMAC key is derived from the token secret for this one purpose: an unsubscribe token is never a valid
 * reporter token, and the reverse. A link does not expire (an e-mail read a year later still unsubscribes);
 * changing `SUPPORT_TOKEN_SECRET` invalidates the links of the e-mails sent before.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
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
 * address (at most 254 characters, up to 762 bytes): base64url of 768 bytes is 1,024 characters, the HMAC's 23.
 */
const MAX_TOKEN_LENGTH = 1100;

const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update(PURPOSE).digest();
const macOf = (secret: string, owner: string): Buffer => createHmac('sha256', keyOf(secret)).update(owner, 'utf8').digest().subarray(0, MAC_BYTES);

/** The token of `owner`'s unsubscribe link. */
export function unsubscribeToken(secret: string, owner: string): string {
  return `${Buffer.from(owner, 'utf8').toString('base64url')}.${macOf(secret, owner).toString('base64url')}`;
}

/** The owner a token names, or null when it is malformed or its HMAC does not match. */
export function ownerOfUnsubscribeToken(secret: string, token: string): string | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (match === null) return null;
  const [id = '', mac = ''] = [match[1], match[2]];
  const owner = Buffer.from(id, 'base64url').toString('utf8');
  // One spelling per token: base64url's unused low bits, or bytes that are not UTF-8, do not make another.
  if (Buffer.from(owner, 'utf8').toString('base64url') !== id || !/^(?:user|email):./u.test(owner)) return null;
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
