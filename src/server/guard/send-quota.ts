/**
 * Sends of tickets per hour. Every create that reaches the one-problem check counts, whether it is registered or
 * refused as several problems: the check costs the server up to a fifth of a second on a long text, and a refusal
 * gives a guest's ticket quota back, so without this count one client could keep the server checking. Guests are
 * counted by their address (a guest mints keys for free), a signed-in user by who they are. The counters live in
 * the database, so every process counts against the same quota.
 */
import type { Counters } from '../storage/types';
import { QUOTA_WINDOW_MS, refuseOverQuota } from './guest-quota';
import type { GuardLimits } from './limits';

/** Who sends: a guest by its address group, a signed-in user by their owner key. */
export type Sender = { guest: true; ip: string } | { guest: false; owner: string };

/** The quota's surface. */
export interface SendQuota {
  /** Counts one send of `sender` now, or throws 429 (`Retry-After`) when it goes over this hour's quota. */
  count(sender: Sender): Promise<void>;
}

const TOO_MANY_GUEST_SENDS = { ru: 'С этого адреса слишком часто отправляют обращения.', en: 'Tickets are sent from this address too often.' };
const TOO_MANY_SENDS = { ru: 'Вы слишком часто отправляете обращения.', en: 'You are sending tickets too often.' };

/** Creates the send quota over the shared counters, timed by the injected clock. */
export function createSendQuota(limits: GuardLimits, clock: () => Date, counters: Counters): SendQuota {
  return {
    async count(sender) {
      const key = sender.guest ? `guest-sends:${sender.ip}` : `sends:${sender.owner}`;
      const now = clock();
      const usage = await counters.add(key, 1, QUOTA_WINDOW_MS, now.getTime());
      if (usage.count > (sender.guest ? limits.guestSendsPerIpHour : limits.sendsPerUserHour)) {
        refuseOverQuota(usage, sender.guest ? TOO_MANY_GUEST_SENDS : TOO_MANY_SENDS, now, { guest: sender.guest });
      }
    },
  };
}
