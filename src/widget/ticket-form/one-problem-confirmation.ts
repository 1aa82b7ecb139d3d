/** "Это одна проблема": the confirmation holds until the description changes substantially. */
import type { TicketFormValues } from './form-values';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Whether `after` differs from `before` by more than a typo fix: more than 20 characters or a fifth of
 * the text changed (measured as what is left between the common start and the common end).
 */
export function changedSubstantially(before: string, after: string): boolean {
  const a = squash(before);
  const b = squash(after);
  if (a === b) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const changed = Math.max(a.length, b.length) - start - end;
  return changed > Math.max(20, a.length * 0.2);
}

/** Whether the user's "one problem" confirmation still covers the current description. */
export function isOneProblemConfirmed(values: Pick<TicketFormValues, 'confirmedOneProblem' | 'description'>): boolean {
  return values.confirmedOneProblem !== '' && !changedSubstantially(values.confirmedOneProblem, values.description);
}
