/** When a text field's counter shows, and the steps at which it is announced (not every keystroke). */

/** Where a length stands against its limit: far below, near (80 %), close (90 %), or over it. */
export type LengthStep = 'under' | 'near' | 'close' | 'over';

/** The share of the limit from which the counter shows. */
export const COUNTER_FROM = 0.8;
/** The share from which it is announced again, closer to the limit. */
const CLOSE_FROM = 0.9;

/** The step of `length` characters against `limit`. */
export function lengthStep(length: number, limit: number): LengthStep {
  if (length > limit) return 'over';
  if (length >= limit * CLOSE_FROM) return 'close';
  return length >= limit * COUNTER_FROM ? 'near' : 'under';
}

/** The length the limit is checked against: the schemas trim a text before counting it. */
export function countedLength(value: string): number {
  return value.trim().length;
}
