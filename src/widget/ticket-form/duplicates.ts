/** Finds the user's open ticket that this one would duplicate (same category and, where both say, same link). */
import { isFinalStatus } from '../../core';
import type { TicketSummary } from '../../core';
import type { TicketFormValues } from './form-values';

/** A link reduced to what identifies the page: host and path, no query, no trailing slash. */
function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a.trim());
    const y = new URL(b.trim());
    const path = (url: URL) => url.pathname.replace(/\/+$/, '');
    return x.host.toLowerCase() === y.host.toLowerCase() && path(x) === path(y);
  } catch {
    return a.trim() === b.trim();
  }
}

/** Two links match when both are given and point at the same page; a missing one does not rule out. */
function linksAgree(ticketUrl: string | undefined, formUrl: string): boolean {
  if (ticketUrl === undefined || ticketUrl === '' || formUrl.trim() === '') return true;
  return samePage(ticketUrl, formUrl);
}

/** The most recently updated open ticket in the same category about the same course or order, or null. */
export function findOpenDuplicate(tickets: readonly TicketSummary[], values: TicketFormValues): TicketSummary | null {
  const { category } = values;
  if (category === '') return null;
  const matches = tickets.filter((ticket) => {
    if (ticket.category !== category || isFinalStatus(ticket.status)) return false;
    if (category === 'course' || category === 'test') return linksAgree(ticket.courseUrl, values.courseUrl);
    if (category === 'order' || category === 'document') return linksAgree(ticket.orderUrl, values.orderUrl);
    return true;
  });
  // ISO instants sort as plain strings (a collator would load the ICU data on the first screen).
  return [...matches].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0] ?? null;
}
