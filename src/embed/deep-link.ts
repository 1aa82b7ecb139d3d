/**
 * Links to a ticket: `#uchi-support=UP-2026-000123` on any page with the widget opens that ticket (the e-mails
 * link back so). The fragment is removed once read, so a reload or the back button does not open it again.
 */
import { isTicketNumber, TICKET_LINK_PREFIX } from '../core';

const PREFIX = `#${TICKET_LINK_PREFIX}`;

/** The ticket the address links to, with the fragment removed; null when the address names none. */
export function takeDeepLink(): { raw: string; ticket?: string } | null {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(PREFIX)) return null;
  let raw = hash.slice(PREFIX.length);
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A broken escape is reported below as not a ticket number.
  }
  raw = raw.trim();
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  return isTicketNumber(raw) ? { raw, ticket: raw } : { raw: raw.slice(0, 40) };
}
