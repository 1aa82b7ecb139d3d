/**
 * "Что поможет решить быстрее": what support needs for a category, ticked from the form values.
 * The policy says finding out the facts takes 70% of the time spent on a problem, so the list shows the
 * recommended items as well as the required ones.
 */
import { CONTACT_FIELD_NAMES, contactFieldSpec, fieldSpec, isFieldRequired, isFieldShown, isFieldValueDone, TICKET_FIELD_NAMES } from '../../core';
import type { Category, TicketFieldName } from '../../core';
import { chosenImpact } from './form-values';
import type { TicketFormValues } from './form-values';
import { isOneProblemConfirmed } from './one-problem-confirmation';

/** One thing support needs. */
export type ChecklistKey = 'contact' | TicketFieldName | 'impact' | 'oneProblem' | 'screenshot' | 'browser';

/** A line of the checklist: required blocks sending, recommended only helps. */
export interface ChecklistItem {
  key: ChecklistKey;
  required: boolean;
  done: boolean;
}

/** Facts from outside the form values. */
export interface ChecklistFacts {
  /** The attachments include an image (the attachments slot's `hasImage`). */
  hasImage: boolean;
  /** Guest mode: the contact details are the user's to give. */
  guest: boolean;
  /** The one-problem check found several problems in the description: the user must split it or confirm it is one. */
  severalProblems: boolean;
}

const SCREENSHOT_HELPS: readonly Category[] = ['course', 'test', 'document', 'technical'];

/** Every required contact row is filled in well enough for its kind. */
function contactDone(c: TicketFormValues['contact']): boolean {
  return CONTACT_FIELD_NAMES.every((name) => {
    const spec = contactFieldSpec(name);
    return !spec.required || isFieldValueDone(spec.kind, c[name]);
  });
}

function isDone(key: ChecklistKey, v: TicketFormValues, facts: ChecklistFacts): boolean {
  switch (key) {
    case 'contact':
      return contactDone(v.contact);
    case 'screenshot':
      return facts.hasImage;
    case 'browser':
      return true; // collected automatically and always attached
    case 'impact':
      // A radio group left with nothing checked reads back as null, not ''.
      return chosenImpact(v.impact) !== '';
    case 'oneProblem':
      // Decided by «Это одна проблема» (a split leaves the form for the split view, which has no checklist).
      return isOneProblemConfirmed(v);
    default:
      return isFieldValueDone(fieldSpec(key).kind, v[key]);
  }
}

/** The checklist of `category` with each item ticked from the current values. */
export function checklistItems(category: Category, values: TicketFormValues, facts: ChecklistFacts): ChecklistItem[] {
  const listed = TICKET_FIELD_NAMES.filter((name) => fieldSpec(name).checklist && isFieldShown(name, category));
  // How much it hurts sets the priority and is asked of every ticket: sending (and splitting) waits for it.
  // Several problems found wait for the user's decision too, so the count never says all done while sending would stop.
  const required: ChecklistKey[] = [
    ...(facts.guest ? (['contact'] as const) : []),
    ...listed.filter((name) => isFieldRequired(name, category)),
    'impact',
    ...(facts.severalProblems ? (['oneProblem'] as const) : []),
  ];
  const recommended: ChecklistKey[] = [
    ...listed.filter((name) => !isFieldRequired(name, category)),
    ...(SCREENSHOT_HELPS.includes(category) ? (['screenshot'] as const) : []),
    ...(category === 'suggestion' ? [] : (['browser'] as const)),
  ];
  return [
    ...required.map((key) => ({ key, required: true, done: isDone(key, values, facts) })),
    ...recommended.map((key) => ({ key, required: false, done: isDone(key, values, facts) })),
  ];
}
