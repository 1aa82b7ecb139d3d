/** The per-process guards the routes share: guest quotas per IP and the open streams per reporter. */
import { createStreamRegistry } from '../events/stream-registry';
import type { StreamRegistry } from '../events/stream-registry';
import { createGuestQuota } from './guest-quota';
import type { GuestQuota } from './guest-quota';
import type { GuardLimits } from './limits';

/** The guards of one running app. */
export interface Guards {
  guestQuota: GuestQuota;
  streams: StreamRegistry;
}

/** Creates the guards for `limits`. */
export function createGuards(limits: GuardLimits, clock: () => Date): Guards {
  return { guestQuota: createGuestQuota(limits, clock), streams: createStreamRegistry(limits.maxStreamsPerReporter) };
}
