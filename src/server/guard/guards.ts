/**
 * The guards the routes share: guest quotas per IP, sends per hour and users' daily upload quotas (in the database), the
 * open streams per reporter and the gate of image decoding with each owner's share of it (per process).
 */
import { createStreamRegistry } from '../events/stream-registry';
import type { StreamRegistry } from '../events/stream-registry';
import type { Counters } from '../storage/types';
import { createGuestQuota } from './guest-quota';
import type { GuestQuota } from './guest-quota';
import type { GuardLimits } from './limits';
import { createSendQuota } from './send-quota';
import type { SendQuota } from './send-quota';
import { createUploadQuota } from './upload-quota';
import type { UploadQuota } from './upload-quota';
import { ApiFailure } from '../errors';
import { createWorkGate, shareWorkGate } from './work-gate';
import type { OwnedGate } from './work-gate';

/** Seconds an owner past its share of the image gate is told to wait: a few ordinary images are decoded by then. */
const OWNER_RETRY_SECONDS = 2;

/** The guards of one running app. */
export interface Guards {
  guestQuota: GuestQuota;
  sends: SendQuota;
  uploadQuota: UploadQuota;
  streams: StreamRegistry;
  images: OwnedGate;
}

/** Creates the guards for `limits`. */
export function createGuards(limits: GuardLimits, clock: () => Date, counters: Counters): Guards {
  return {
    guestQuota: createGuestQuota(limits, clock, counters),
    sends: createSendQuota(limits, clock, counters),
    uploadQuota: createUploadQuota(limits, clock, counters),
    streams: createStreamRegistry(limits.maxStreamsPerReporter),
    images: shareWorkGate(
      createWorkGate(limits.imageJobs, limits.imageQueue, {
        ru: 'Сервер сейчас обрабатывает много изображений. Повторите загрузку через несколько секунд.',
        en: 'The server is processing many images right now. Upload again in a few seconds.',
      }),
      limits.imagesPerOwner,
      () =>
        new ApiFailure(
          429,
          'rate_limited',
          {
            ru: `Слишком много ваших изображений обрабатывается одновременно: не больше ${limits.imagesPerOwner}. Повторите загрузку через несколько секунд.`,
            en: `Too many of your images are being processed at once: ${limits.imagesPerOwner} at most. Upload again in a few seconds.`,
          },
          undefined,
          { 'Retry-After': String(OWNER_RETRY_SECONDS) },
        ),
    ),
  };
}
