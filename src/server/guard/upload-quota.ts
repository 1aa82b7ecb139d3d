/**
 * Daily upload quotas of signed-in users. Claimed files leave the pending-uploads cap, and tickets are bounded by the
 * rate limit alone, so without this one account could write terabytes a day. Counted per owner in the database, like
 * the guest quotas, so every process counts against the same quota. An image is counted by its pixels once its
 * header is read, before it is decoded. Guests have their hourly quotas per address instead; specialists are not
 * counted.
 */
import type { Sentence } from '../errors';
import type { CounterState, Counters } from '../storage/types';
import { refuseOverQuota, reserveCounted, sizeOf } from './guest-quota';
import type { CountedReservation } from './guest-quota';
import type { GuardLimits } from './limits';

/** The window of the upload quotas: a fixed day from the first upload counted in it. */
export const UPLOAD_QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** An upload counted before it is received: grown by an image's pixels, settled with the size stored, or given back. */
export interface UploadReservation {
  /**
   * The file turned out to cost more before it was worked on (an image's pixels, read from its header): its bytes
   * grow to `bytes`, or — past the day's quota — the reservation is given back whole and 429 is thrown.
   */
  grow(bytes: number): Promise<void>;
  /** The file is stored: its stored size replaces the size reserved for it. */
  settle(bytes: number): Promise<void>;
  /** The upload failed: nothing of it counts. */
  release(): Promise<void>;
}

/** The quota's surface. */
export interface UploadQuota {
  /** Counts one file of `bytes` for `owner` now, or throws 429 (counting nothing) when it does not fit today. */
  reserve(owner: string, bytes: number): Promise<UploadReservation>;
}

/** Creates the daily upload quotas over the shared counters, timed by the injected clock. */
export function createUploadQuota(limits: GuardLimits, clock: () => Date, counters: Counters): UploadQuota {
  const refuse = (usage: CounterState, message: Sentence): never => refuseOverQuota(usage, message, clock(), { guest: false, windowMs: UPLOAD_QUOTA_WINDOW_MS });
  const files: Sentence = {
    ru: `Вы загрузили слишком много файлов за сутки: не больше ${limits.uploadsPerUserDay}.`,
    en: `You have uploaded too many files today: ${limits.uploadsPerUserDay} a day at most.`,
  };
  const size = sizeOf(limits.uploadBytesPerUserDay);
  const bytes: Sentence = {
    ru: `Вы загрузили слишком много данных за сутки: не больше ${size.ru}.`,
    en: `You have uploaded too much today: ${size.en} a day at most.`,
  };
  const imageTooLarge = (image: number): Sentence => {
    const counted = sizeOf(image);
    return {
      ru: `Изображение слишком большое для того, что осталось от суточной квоты: по числу пикселей оно считается как ${counted.ru}, а за сутки можно загрузить не больше ${size.ru}.`,
      en: `The image is too large for what is left of today's quota: by its pixels it counts as ${counted.en}, and ${size.en} a day at most.`,
    };
  };
  return {
    async reserve(owner, size) {
      const reservation: CountedReservation = await reserveCounted(
        counters,
        clock,
        UPLOAD_QUOTA_WINDOW_MS,
        [
          { kind: 'files', key: `upload-files:${owner}`, amount: 1, limit: limits.uploadsPerUserDay, message: files },
          { kind: 'bytes', key: `upload-bytes:${owner}`, amount: size, limit: limits.uploadBytesPerUserDay, message: bytes },
        ],
        refuse,
      );
      return {
        grow: (image) => reservation.grow({ bytes: image }, imageTooLarge(image)),
        settle: (stored) => reservation.settle({ files: 1, bytes: stored }),
        release: reservation.release,
      };
    },
  };
}
