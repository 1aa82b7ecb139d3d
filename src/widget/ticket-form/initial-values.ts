/** Where the form starts: the host page's link, the host's `open({…})` pre-fill, then a restored draft. */
import { emptyValues } from './form-values';
import type { TicketFormValues } from './form-values';
import { CONTACT_FIELD_NAMES, isHttpUrl, parseLmsLink, TICKET_FIELD_NAMES } from '../../core';
import type { Category, TicketFieldName } from '../../core';
import type { Prefill } from '../shared/env';

/** What the host page looks like it is about, when it is a course, lesson or order page of the LMS. */
export interface PageSuggestion {
  kind: 'course' | 'order';
  category: Category;
}

/** The recognised page: its suggestion and the field its link fills. */
export function suggestFromPage(pageUrl: string | undefined): (PageSuggestion & { field: 'courseUrl' | 'orderUrl'; url: string }) | null {
  const link = pageUrl === undefined ? null : parseLmsLink(pageUrl);
  if (link === null) return null;
  // A lesson is part of a course (a test is a lesson of type quiz): its link points support at the exact place.
  if (link.kind === 'order') return { kind: 'order', category: 'order', field: 'orderUrl', url: link.url };
  return { kind: 'course', category: 'course', field: 'courseUrl', url: link.url };
}

/**
 * Values before any restored draft: the page link, then the host's pre-fill (explicit, so it wins, category
 * included). A guest's «Ссылка на СДО» starts as the address of the LMS the widget runs in.
 */
export function prefilledValues(pageUrl: string | undefined, prefill: Prefill | undefined, guest = false): TicketFormValues {
  const values = emptyValues();
  if (guest && pageUrl !== undefined && isHttpUrl(pageUrl)) values.contact.lmsUrl = `${new URL(pageUrl).origin}/`;
  const page = suggestFromPage(pageUrl);
  // The page's category is only suggested (first among the options): the user still says what it is about.
  if (page !== null) values[page.field] = page.url;
  if (prefill === undefined) return values;
  const { category, ...fields } = prefill;
  if (category !== undefined) values.category = category;
  for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, string | undefined]>) {
    if (value !== undefined && value.trim() !== '') values[key] = value;
  }
  return values;
}

/** A restored draft over the pre-filled values: what the user typed wins, empty fields keep the pre-fill. */
export function restoredValues(base: TicketFormValues, restored: TicketFormValues): TicketFormValues {
  const pick = <T extends string>(own: T, fallback: T): T => (own.trim() === '' ? fallback : own);
  const contact = { ...base.contact };
  for (const key of CONTACT_FIELD_NAMES) contact[key] = pick(restored.contact[key], base.contact[key]) as never;
  const texts = Object.fromEntries(TICKET_FIELD_NAMES.map((name) => [name, pick(restored[name], base[name])])) as Record<TicketFieldName, string>;
  return {
    ...texts,
    category: pick(restored.category, base.category),
    impact: pick(restored.impact, base.impact),
    contact,
    attachPageErrors: restored.attachPageErrors,
    confirmedOneProblem: restored.confirmedOneProblem,
  };
}
