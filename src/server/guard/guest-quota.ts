/**
 * Hourly quotas of guests per IP address. A guest mints a new key for free, so per-key quotas alone do not
 * hold; these count every guest behind one address together. Signed-in users are never counted here.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ApiFailure } from '../errors';
import type { GuardLimits } from './limits';

const HOUR_MS = 60 * 60 * 1000;
// Beyond this many tracked addresses, expired windows are swept (rotating addresses cannot grow memory forever).
const SWEEP_AT = 10_000;

interface Usage {
  start: number;
  tickets: number;
  files: number;
  bytes: number;
}

/** What one guest action adds to its address's usage. */
export type GuestCost = { tickets: number } | { files: number; bytes: number };

/** The quota's surface: check before the work, record after it succeeded. */
export interface GuestQuota {
  /** Throws 429 when `ip` has no room left for `cost` this hour. */
  check(ip: string, cost: GuestCost): void;
  /** Counts a successful action of a guest at `ip`. */
  record(ip: string, cost: GuestCost): void;
}

/** The caller's IP address ('unknown' outside Node's HTTP server, e.g. `app.request` in tests). */
export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Creates the per-IP guest quotas, timed by the injected clock. */
export function createGuestQuota(limits: GuardLimits, clock: () => Date): GuestQuota {
  const byIp = new Map<string, Usage>();
  const usageOf = (ip: string): Usage => {
    const now = clock().getTime();
    let usage = byIp.get(ip);
    if (usage === undefined || now - usage.start >= HOUR_MS || now < usage.start) {
      if (byIp.size >= SWEEP_AT) for (const [key, old] of byIp) if (now - old.start >= HOUR_MS) byIp.delete(key);
      usage = { start: now, tickets: 0, files: 0, bytes: 0 };
      byIp.set(ip, usage);
    }
    return usage;
  };
  const refuse = (usage: Usage, message: string): never => {
    const retryAfter = Math.max(1, Math.ceil((usage.start + HOUR_MS - clock().getTime()) / 1000));
    throw new ApiFailure(429, 'rate_limited', `${message} Повторите через ${Math.ceil(retryAfter / 60)} мин. или войдите в LMS.`, undefined, {
      'Retry-After': String(retryAfter),
    });
  };
  return {
    check(ip, cost) {
      const usage = usageOf(ip);
      if ('tickets' in cost) {
        if (usage.tickets + cost.tickets > limits.guestTicketsPerIpHour) refuse(usage, 'С этого адреса создано слишком много гостевых обращений.');
        return;
      }
      if (usage.files + cost.files > limits.guestUploadsPerIpHour || usage.bytes + cost.bytes > limits.guestUploadBytesPerIpHour) {
        refuse(usage, 'С этого адреса загружено слишком много гостевых файлов.');
      }
    },
    record(ip, cost) {
      const usage = usageOf(ip);
      if ('tickets' in cost) usage.tickets += cost.tickets;
      else {
        usage.files += cost.files;
        usage.bytes += cost.bytes;
      }
    },
  };
}
