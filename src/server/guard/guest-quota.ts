/**
 * Hourly quotas of guests per IP address. A guest mints a new key for free, so per-key quotas alone do not
 * hold; these count every guest behind one address together. Signed-in users are never counted here. The
 * counters live in the database, so every process serving the API counts against the same quota. A file is
 * counted by its declared size before it is received, by its pixels once its header is read (before decoding),
 * and by what it really cost once stored.
 */
import type { AppEnv } from '../context';
import type { Context } from 'hono';
import { ApiFailure, isStorageUnavailable } from '../errors';
import type { Sentence } from '../errors';
import type { CounterState, Counters } from '../storage/types';
import type { GuardLimits } from './limits';

/** The window of the guest quotas. */
export const QUOTA_WINDOW_MS = 60 * 60 * 1000;

/** Said when an address's guests have uploaded too many files or bytes this hour. */
const TOO_MANY_FILES: Sentence = { ru: 'С этого адреса загружено слишком много гостевых файлов.', en: 'Too many guest files were uploaded from this address.' };

/** Said when an image's pixels, read from its header, would take the address past this hour's bytes. */
function imageTooLarge(bytes: number): Sentence {
  const size = sizeOf(bytes);
  return {
    ru: `Изображение слишком большое для того, что осталось от часовой квоты гостевых файлов с этого адреса: по числу пикселей оно считается как ${size.ru}.`,
    en: `The image is too large for what is left of this address's hourly quota of guest files: by its pixels it counts as ${size.en}.`,
  };
}

/** What one guest action adds to its address's usage. */
export type GuestCost = { tickets: number } | { files: number; bytes: number };

/** A guest action counted before the work: settled with what it really cost, or given back. */
export interface QuotaReservation {
  /**
   * A file turned out to cost more before it was worked on (an image's pixels, read from its header): its bytes
   * grow to `bytes`, or — past the hour's quota — the reservation is given back whole and 429 is thrown.
   */
  grow(bytes: number): Promise<void>;
  /** The work succeeded: `actual` (a file's real size) replaces the cost reserved for it. */
  settle(actual?: GuestCost): Promise<void>;
  /** The work failed, or was a replay of earlier work: the reserved cost is given back. */
  release(): Promise<void>;
}

/**
 * The quota's surface. The cost is counted before the work, in one atomic step per counter, so requests that
 * arrive together — on one process or on several — cannot all pass a check made before any of them counted.
 */
export interface GuestQuota {
  /** Counts `cost` for `ip` now, or throws 429 (counting nothing) when it does not fit this hour. */
  reserve(ip: string, cost: GuestCost): Promise<QuotaReservation>;
}

/**
 * The caller's address as the per-IP limits count it (behind a trusted proxy, the client's it forwarded; 'unknown'
 * outside Node's HTTP server, e.g. `app.request` in tests): an IPv4 address as it is (an IPv4-mapped IPv6 one too), an IPv6 address by its /64 network — one host
 * usually holds a whole /64 and could take a fresh address per request.
 */
export function remoteAddress(c: Context<AppEnv>): string {
  const address = c.get('clientAddress');
  return address === undefined ? 'unknown' : addressGroup(address);
}

/** The key of an address for per-IP limits: IPv4 as is, IPv6 by its first four groups (the /64). */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu.exec(address);
  if (mapped !== null) return mapped[1] ?? address;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]?.split('::') ?? [''];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  // The well-known NAT64 prefix (64:ff9b::/96) carries an IPv4 client's address in its last 32 bits: that client is
  // counted by it, not with every other IPv4 client behind the same gateway.
  const nat64 = /^64:ff9b:0+:0+:0+:0+:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/u.exec(groups.map((group) => group || '0').join(':'));
  if (nat64 !== null) {
    const [high, low] = [Number.parseInt(nat64[1] ?? '0', 16), Number.parseInt(nat64[2] ?? '0', 16)];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/u, '')).join(':')}::/64`;
}

/** A size as a refusal names it: in megabytes, or in kilobytes below one. */
export function sizeOf(bytes: number): Sentence {
  if (bytes >= 1024 * 1024) return { ru: `${Math.round(bytes / (1024 * 1024))} МБ`, en: `${Math.round(bytes / (1024 * 1024))} MB` };
  return { ru: `${Math.round(bytes / 1024)} КБ`, en: `${Math.round(bytes / 1024)} kB` };
}

/**
 * The 429 of a quota that `usage` went over in its window (an hour unless `windowMs` says otherwise): `message`,
 * when to try again (also as `Retry-After`; in hours when a longer window has an hour or more left), and for a guest
 * the way around it, signing in.
 */
export function refuseOverQuota(usage: CounterState, message: Sentence, now: Date, { guest, windowMs = QUOTA_WINDOW_MS }: { guest: boolean; windowMs?: number }): never {
  const retryAfter = Math.max(1, Math.ceil((usage.start + windowMs - now.getTime()) / 1000));
  const wait =
    windowMs > QUOTA_WINDOW_MS && retryAfter >= 3600
      ? { ru: `${Math.ceil(retryAfter / 3600)} ч.`, en: `${Math.ceil(retryAfter / 3600)} h` }
      : { ru: `${Math.ceil(retryAfter / 60)} мин.`, en: `${Math.ceil(retryAfter / 60)} min` };
  const sentence = guest
    ? { ru: `${message.ru} Повторите через ${wait.ru} или войдите в LMS.`, en: `${message.en} Try again in ${wait.en} or sign in to the LMS.` }
    : { ru: `${message.ru} Повторите через ${wait.ru}`, en: `${message.en} Try again in ${wait.en}.` };
  throw new ApiFailure(429, 'rate_limited', sentence, undefined, { 'Retry-After': String(retryAfter) });
}

/** One counter a reservation adds to: its key, what it adds, the most its window may hold and what passing it says. */
export interface CountedPart {
  kind: string;
  key: string;
  amount: number;
  limit: number;
  message: Sentence;
}

/** Counters counted before the work, by kind: grown when it proves dearer, settled with the real amounts, or given back. */
export interface CountedReservation {
  /**
   * Before the work is done, each kind named in `more` whose amount is larger than reserved grows to it (one atomic
   * step per counter, so reservations in flight on every process add up); when one passes its limit, everything
   * reserved is given back and `refuse` is called with `message`.
   */
  grow(more: Record<string, number>, message: Sentence): Promise<void>;
  /** The work succeeded: each kind's real amount (when given) replaces the one reserved for it. */
  settle(real?: Record<string, number>): Promise<void>;
  /** The work failed: everything reserved is given back. */
  release(): Promise<void>;
}

/**
 * Adds every part to its counter in `windowMs`, one atomic step each, or — when one passes its limit — gives back
 * what was added and calls `refuse` (which throws) with that counter's state and message.
 */
export async function reserveCounted(
  counters: Counters,
  clock: () => Date,
  windowMs: number,
  parts: CountedPart[],
  refuse: (state: CounterState, message: Sentence) => never,
): Promise<CountedReservation> {
  const add = (key: string, amount: number) => counters.add(key, amount, windowMs, clock().getTime());
  /**
   * Corrects a counter after the work, in the window the reservation was counted in (a new window starts from
   * zero and owes nothing). A database busy just then loses the correction rather than failing the answer.
   */
  const adjust = async (key: string, amount: number, windowStart: number) => {
    if (amount === 0) return;
    try {
      const now = await counters.peek(key, windowMs, clock().getTime());
      if (now.start === windowStart) await add(key, amount);
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
    }
  };
  const taken: Array<{ kind: string; key: string; amount: number; start: number; limit: number }> = [];
  const giveBack = async () => {
    for (const part of taken.splice(0)) await adjust(part.key, -part.amount, part.start);
  };
  for (const part of parts) {
    const state = await add(part.key, part.amount);
    taken.push({ kind: part.kind, key: part.key, amount: part.amount, start: state.start, limit: part.limit });
    if (state.count > part.limit) {
      await giveBack();
      refuse(state, part.message);
    }
  }
  return {
    async grow(more, message) {
      for (const part of taken) {
        const extra = (more[part.kind] ?? part.amount) - part.amount;
        if (extra <= 0) continue;
        let state = await add(part.key, extra);
        // A window that began since the reservation owes nothing for it: the new one is charged the whole amount.
        if (state.start !== part.start) state = await add(part.key, part.amount);
        part.amount += extra;
        part.start = state.start;
        if (state.count > part.limit) {
          await giveBack();
          refuse(state, message);
        }
      }
    },
    async settle(real) {
      if (real === undefined) {
        taken.length = 0;
        return;
      }
      for (const part of taken.splice(0)) await adjust(part.key, (real[part.kind] ?? part.amount) - part.amount, part.start);
    },
    release: giveBack,
  };
}

/** Creates the per-IP guest quotas over the shared counters, timed by the injected clock. */
export function createGuestQuota(limits: GuardLimits, clock: () => Date, counters: Counters): GuestQuota {
  const refuse = (usage: CounterState, message: Sentence): never => refuseOverQuota(usage, message, clock(), { guest: true });
  const key = (kind: string, ip: string) => `guest-${kind}:${ip}`;
  return {
    async reserve(ip, cost) {
      const parts: CountedPart[] =
        'tickets' in cost
          ? [{ kind: 'tickets', key: key('tickets', ip), amount: cost.tickets, limit: limits.guestTicketsPerIpHour, message: { ru: 'С этого адреса создано слишком много гостевых обращений.', en: 'Too many guest tickets were created from this address.' } }]
          : [
              { kind: 'files', key: key('files', ip), amount: cost.files, limit: limits.guestUploadsPerIpHour, message: TOO_MANY_FILES },
              { kind: 'bytes', key: key('bytes', ip), amount: cost.bytes, limit: limits.guestUploadBytesPerIpHour, message: TOO_MANY_FILES },
            ];
      const reservation = await reserveCounted(counters, clock, QUOTA_WINDOW_MS, parts, refuse);
      return {
        grow: (bytes) => reservation.grow({ bytes }, imageTooLarge(bytes)),
        settle: (actual) => reservation.settle(actual === undefined ? undefined : 'tickets' in actual ? { tickets: actual.tickets } : { files: actual.files, bytes: actual.bytes }),
        release: reservation.release,
      };
    },
  };
}
