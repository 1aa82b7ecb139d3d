/** The guards the routes share: guest quotas per IP (in the database) and the open streams per reporter (per process). */
import { createStreamRegistry } from '../events/stream-registry';
import type { StreamRegistry } from '../events/stream-registry';
import type { Counters } from '../storage/types';
import { createGuestQuota } from './guest-quota';
import type { GuestQuota } from './guest-quota';
import type { GuardLimits } from './limits';

/** The guards of one running app. */
export interface Guards {
  guestQuota: GuestQuota;
  streams: StreamRegistry;
}

/** Creates the guards for `limits`. */
export function createGuards(limits: GuardLimits, clock: () => Date, counters: Counters): Guards {
  return { guestQuota: createGuestQuota(limits, clock, counters), streams: createStreamRegistry(limits.maxStreamsPerReporter) };
}
