/** Reading the remembered guest tickets back, every entry checked (in the lazy chunks of a guest's screens). */
import { isGuestKey } from '../../api/guest-key';
import { isTicketNumber } from '../../core/tickets/numbers';
import type { TextStore } from '../shared/env';
import { MAX_GUEST_TICKETS, readGuestTicketsRaw } from './guest-tickets';
import type { GuestTicket } from './guest-tickets';

/** The tickets in stored text; anything malformed is left out (a tampered or older entry never reaches the API). */
export function parseGuestTickets(raw: string | null): GuestTicket[] {
  let list: unknown;
  try {
    list = JSON.parse(raw ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const tickets: GuestTicket[] = [];
  for (const item of list as unknown[]) {
    const entry = item as Partial<Record<keyof GuestTicket, unknown>> | null;
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, number, key } = entry;
    if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id) || typeof number !== 'string' || !isTicketNumber(number) || !isGuestKey(key)) continue;
    if (tickets.some((known) => known.id === id)) continue;
    tickets.push({ id, number, key, ...(entry.sentHere === true ? { sentHere: true as const } : {}) });
  }
  return tickets.slice(0, MAX_GUEST_TICKETS);
}

/** The remembered tickets, newest first. */
export function readGuestTickets(store: TextStore): GuestTicket[] {
  return parseGuestTickets(readGuestTicketsRaw(store));
}


/** The query key of one remembered ticket's line (under the list's key, so whatever refreshes the list refreshes it). */
export const guestTicketKey = (ticketId: string) => ['support', 'tickets', 'guest', ticketId] as const;
