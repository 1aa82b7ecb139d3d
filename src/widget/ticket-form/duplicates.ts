/**
 * Finds the user's open ticket that this one would duplicate: the same category and the same course or order
 * where both name one, otherwise the same words (an open ticket of the category alone says nothing: a user
 * with one open technical ticket may well have a second, different problem).
 */
import { isFinalStatus } from '../../core';
import { contentStems } from '../../core/one-problem/content-stems';
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

/** Same page when both links are given, different when both are and differ; null when one is missing. */
function linksAgree(ticketUrl: string | undefined, formUrl: string): boolean | null {
  if (ticketUrl === undefined || ticketUrl === '' || formUrl.trim() === '') return null;
  return samePage(ticketUrl, formUrl);
}

/**
 * The ticket's subject and the form's text share most of the subject's words (two at least, or its only one):
 * the one-problem check's subject stems, without function words and words every ticket has.
 */
function sameWords(subject: string, values: TicketFormValues): boolean {
  const wanted = contentStems(subject);
  if (wanted.size === 0) return false;
  const have = contentStems(`${values.subject} ${values.description}`);
  const shared = [...wanted].filter((stem) => have.has(stem)).length;
  return shared >= Math.min(2, wanted.size) && shared * 2 >= wanted.size;
}

/** The most recently updated open ticket in the same category about the same course, order or words, or null. */
export function findOpenDuplicate(tickets: readonly TicketSummary[], values: TicketFormValues): TicketSummary | null {
  const { category } = values;
  if (category === '') return null;
  const matches = tickets.filter((ticket) => {
    if (ticket.category !== category || isFinalStatus(ticket.status)) return false;
    const link =
      category === 'course' || category === 'test'
        ? linksAgree(ticket.courseUrl, values.courseUrl)
        : category === 'order' || category === 'document'
          ? linksAgree(ticket.orderUrl, values.orderUrl)
          : null;
    return link ?? sameWords(ticket.subject, values);
  });
  // ISO instants sort as plain strings (a collator would load the ICU data on the first screen).
  return [...matches].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0] ?? null;
}
