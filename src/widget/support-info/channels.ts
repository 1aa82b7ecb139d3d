/** Support channels: the server's, when it tells them and they look sane, else the policy's own. */
import type { Meta } from '../../core';

/** E-mail and phone of support. */
export type Channels = Meta['channels'];

/** The channels the policy lists (used until `GET /meta` answers, and when it cannot be reached). */
export const DEFAULT_CHANNELS: Channels = {
  email: 'support@uchi.pro',
  phone: '88001000862',
  phoneDisplay: '8 (800) 100-08-62',
};

// A link target must never come out as something other than an address: anything odd falls back.
const EMAIL = /^[^\s@:/?#]+@[^\s@:/?#]+\.[^\s@:/?#]+$/;

/** The server's channels field by field, each replaced by the default when missing or malformed. */
export function resolveChannels(fromServer: Channels | undefined): Channels {
  if (fromServer === undefined) return DEFAULT_CHANNELS;
  const phoneDigits = fromServer.phone.replace(/[^\d+]/g, '');
  const phoneOk = /^\+?\d{5,15}$/.test(phoneDigits);
  return {
    email: EMAIL.test(fromServer.email) ? fromServer.email : DEFAULT_CHANNELS.email,
    phone: phoneOk ? phoneDigits : DEFAULT_CHANNELS.phone,
    phoneDisplay: phoneOk && fromServer.phoneDisplay.trim() !== '' ? fromServer.phoneDisplay : DEFAULT_CHANNELS.phoneDisplay,
  };
}

/** `mailto:` link of an address. */
export function mailtoHref(email: string): string {
  return `mailto:${email}`;
}

/** `tel:` link of a phone number, digits (and a leading +) only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
