/**
 * The guards the routes share: guest quotas per IP and sends per hour (in the database), the open streams per reporter and the
 * gate of image decoding (per process).
 */
import { createStreamRegistry } from '../events/stream-registry';
import type { StreamRegistry } from '../events/stream-registry';
import type { Counters } from '../storage/types';
import { createGuestQuota } from './guest-quota';
import type { GuestQuota } from './guest-quota';
import type { GuardLimits } from './limits';
import { createSendQuota } from './send-quota';
import type { SendQuota } from './send-quota';
import { createWorkGate } from './work-gate';
import type { WorkGate } from './work-gate';

/** The guards of one running app. */
export interface Guards {
  guestQuota: GuestQuota;
  sends: SendQuota;
  streams: StreamRegistry;
  images: WorkGate;
}

/** Creates the guards for `limits`. */
export function createGuards(limits: GuardLimits, clock: () => Date, counters: Counters): Guards {
  return {
    guestQuota: createGuestQuota(limits, clock, counters),
    sends: createSendQuota(limits, clock, counters),
    streams: createStreamRegistry(limits.maxStreamsPerReporter),
    images: createWorkGate(limits.imageJobs, limits.imageQueue, {
      ru: 'Сервер сейчас обрабатывает много изображений. Повторите загрузку через несколько секунд.',
      en: 'The server is processing many images right now. Upload again in a few seconds.',
    }),
  };
}
