/** Support channels: the policy's own (the server's default), and how a client trusts what a server says. */
import type { Meta } from './schemas';

/** E-mail and phone of support. */
export type Channels = Meta['channels'];

/** The channels the support policy lists: e-mail is an official channel, the phone is for consultation only. */
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
