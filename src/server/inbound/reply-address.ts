/**
 * The address a reporter's reply goes to: the reply address of SUPPORT_REPLY_ADDRESS with a tag naming the ticket
 * and signing it, `support+up-2026-000123.<mac>@uchi.example`. Only the e-mails the server sent carry it, so a
 * reply reaches the ticket it answers and nobody can write into a ticket by guessing its number.
 *
 * The tag is lower case (mail systems may fold a local part's case) and the MAC is an HMAC of the ticket's number
 * with a key derived from the token secret for this one purpose; while SUPPORT_TOKEN_SECRET_PREVIOUS is set, the
 * addresses of the e-mails sent before the change still reach their tickets.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isTicketNumber } from '../../core';

const PURPOSE = 'uchi-support/reply-address/v1';
/** 80 bits of the HMAC, as 20 hex digits: not guessable, and the address stays readable. */
const MAC_HEX = 20;

const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update(PURPOSE).digest();
const macOf = (secret: string, number: string): string => createHmac('sha256', keyOf(secret)).update(number.toLowerCase()).digest('hex').slice(0, MAC_HEX);

/** The local part and the domain of a plain address, lower case. */
export function addressParts(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return { local: address.slice(0, at).toLowerCase(), domain: address.slice(at + 1).toLowerCase() };
}

/** The address a reply about ticket `number` goes to. */
export function replyAddress(base: string, secret: string, number: string): string {
  const { local, domain } = addressParts(base);
  return `${local}+${number.toLowerCase()}.${macOf(secret, number)}@${domain}`;
}

/**
 * The ticket number `address` names, when it is a reply address of `base` signed with one of `secrets`; null
 * otherwise (another address, a tag altered or made up).
 */
export function ticketOfReplyAddress(base: string, secrets: readonly string[], address: string): string | null {
  const wanted = addressParts(base);
  const { local, domain } = addressParts(address.trim());
  if (domain !== wanted.domain || !local.startsWith(`${wanted.local}+`)) return null;
  const match = /^([a-z0-9-]+)\.([0-9a-f]+)$/.exec(local.slice(wanted.local.length + 1));
  if (match === null) return null;
  const number = (match[1] ?? '').toUpperCase();
  const mac = Buffer.from(match[2] ?? '');
  if (!isTicketNumber(number) || mac.length !== MAC_HEX) return null;
  return secrets.some((secret) => timingSafeEqual(Buffer.from(macOf(secret, number)), mac)) ? number : null;
}
