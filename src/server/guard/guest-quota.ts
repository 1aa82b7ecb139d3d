/**
 * Hourly quotas of guests per IP address. A guest mints a new key for free, so per-key quotas alone do not
 * hold; these count every guest behind one address together. Signed-in users are never counted here. The
 * counters live in the database, so every process serving the API counts against the same quota.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ApiFailure, isStorageUnavailable } from '../errors';
import type { CounterState, Counters } from '../storage/types';
import type { GuardLimits } from './limits';

/** The window of the guest quotas. */
export const QUOTA_WINDOW_MS = 60 * 60 * 1000;

/** What one guest action adds to its address's usage. */
export type GuestCost = { tickets: number } | { files: number; bytes: number };

/** The quota's surface: check before the work, record after it succeeded. */
export interface GuestQuota {
  /** Throws 429 when `ip` has no room left for `cost` this hour. */
  check(ip: string, cost: GuestCost): Promise<void>;
  /** Counts a successful action of a guest at `ip`. */
  record(ip: string, cost: GuestCost): Promise<void>;
}

/** The caller's IP address ('unknown' outside Node's HTTP server, e.g. `app.request` in tests). */
export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Creates the per-IP guest quotas over the shared counters, timed by the injected clock. */
export function createGuestQuota(limits: GuardLimits, clock: () => Date, counters: Counters): GuestQuota {
  const refuse = (usage: CounterState, message: string): never => {
    const retryAfter = Math.max(1, Math.ceil((usage.start + QUOTA_WINDOW_MS - clock().getTime()) / 1000));
    throw new ApiFailure(429, 'rate_limited', `${message} Повторите через ${Math.ceil(retryAfter / 60)} мин. или войдите в LMS.`, undefined, {
      'Retry-After': String(retryAfter),
    });
  };
  const peek = (kind: string, ip: string) => counters.peek(`guest-${kind}:${ip}`, QUOTA_WINDOW_MS, clock().getTime());
  // Recorded after the work succeeded: a database busy just then loses one count rather than failing the answer.
  const add = (kind: string, ip: string, amount: number) =>
    counters.add(`guest-${kind}:${ip}`, amount, QUOTA_WINDOW_MS, clock().getTime()).catch((error: unknown) => {
      if (!isStorageUnavailable(error)) throw error;
    });
  return {
    async check(ip, cost) {
      if ('tickets' in cost) {
        const tickets = await peek('tickets', ip);
        if (tickets.count + cost.tickets > limits.guestTicketsPerIpHour) refuse(tickets, 'С этого адреса создано слишком много гостевых обращений.');
        return;
      }
      const [files, bytes] = await Promise.all([peek('files', ip), peek('bytes', ip)]);
      const message = 'С этого адреса загружено слишком много гостевых файлов.';
      if (files.count + cost.files > limits.guestUploadsPerIpHour) refuse(files, message);
      if (bytes.count + cost.bytes > limits.guestUploadBytesPerIpHour) refuse(bytes, message);
    },
    async record(ip, cost) {
      if ('tickets' in cost) {
        await add('tickets', ip, cost.tickets);
        return;
      }
      await Promise.all([add('files', ip, cost.files), add('bytes', ip, cost.bytes)]);
    },
  };
}
