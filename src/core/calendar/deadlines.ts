import { addWorkingMinutesInfo } from './hours';
import type { CalendarResult } from './types';

/** The policy's review promise: a specialist looks at a ticket within 60 (working) minutes. */
export const REVIEW_WORKING_MINUTES = 60;

/** When the ticket must have been reviewed: received + 60 working minutes. */
export function reviewDeadline(receivedAt: Date): Date {
  return reviewDeadlineInfo(receivedAt).value;
}

/** `reviewDeadline` plus whether it relied on a year without a decree table. */
export function reviewDeadlineInfo(receivedAt: Date): CalendarResult {
  return addWorkingMinutesInfo(receivedAt, REVIEW_WORKING_MINUTES);
}
