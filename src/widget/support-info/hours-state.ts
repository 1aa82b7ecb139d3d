/** Whether support is open at an instant and, if not, when it opens: the banner's data, kept pure. */
import { isSupportOpen, nextSupportOpeningInfo } from '../../core';

/** What the hours banner shows. */
export type HoursState =
  | { kind: 'open' }
  | { kind: 'closed'; opensAt: Date; provisional: boolean };

/** Open now, or closed with the nearest opening from the production calendar. */
export function getHoursState(at: Date): HoursState {
  if (isSupportOpen(at)) return { kind: 'open' };
  const next = nextSupportOpeningInfo(at);
  return { kind: 'closed', opensAt: next.value, provisional: next.provisional };
}
