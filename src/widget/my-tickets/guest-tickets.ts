/**
 * The guest tickets this browser remembers: number and access key of each ticket a guest sent here or opened by
 * number and key, kept in the widget's text store (localStorage) under one key, newest first. Only a guest's
 * screens read them (a signed-in user never sees them); the key is given to the API only (`withAccessKey`).
 * Small and schema-free: the shell remembers a ticket the moment it is sent, on the first screen; the entries are
 * checked where a guest's screens read them (`read-guest-tickets.ts`, in their lazy chunks).
 */
import type { TextStore } from '../shared/env';

/** Storage key of the remembered tickets. */
export const GUEST_TICKETS_KEY = 'uchi-support:guest-tickets';

/** How many tickets one browser remembers: the oldest remembered goes first. */
export const MAX_GUEST_TICKETS = 50;

/** A remembered ticket. */
export interface GuestTicket {
  id: string;
  /** `UP-2026-000123`. */
  number: string;
  /** Its access key: the guest's only credential for it. */
  key: string;
  /** Sent from this browser, so the widget's own guest key owns it too (a follow-up of it can be sent from here). */
  sentHere?: true;
}

const listeners = new Set<() => void>();

/** Calls `listener` whenever this widget changes the remembered tickets; returns the unsubscribe. */
export function subscribeGuestTickets(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The stored text, or null when there is none or the store refuses to be read. */
export function readGuestTicketsRaw(store: TextStore): string | null {
  try {
    return store.getItem(GUEST_TICKETS_KEY);
  } catch {
    return null;
  }
}

function write(store: TextStore, tickets: ReadonlyArray<Partial<GuestTicket> | null>): void {
  try {
    store.setItem(GUEST_TICKETS_KEY, JSON.stringify(tickets.slice(0, MAX_GUEST_TICKETS)));
  } catch {
    // Storage refused (full, or disabled): the ticket is not remembered after a reload; the key was shown.
  }
  for (const listener of listeners) listener();
}

/** The stored list as it is (its entries are checked where they are read: `parseGuestTickets`). */
function storedList(store: TextStore): Array<Partial<GuestTicket> | null> {
  try {
    const list: unknown = JSON.parse(readGuestTicketsRaw(store) ?? '[]');
    return Array.isArray(list) ? (list as Array<Partial<GuestTicket> | null>) : [];
  } catch {
    return [];
  }
}

/** Remembers a ticket (first in the list); one already remembered keeps "sent here". */
export function rememberGuestTicket(store: TextStore, ticket: GuestTicket): void {
  const known = storedList(store);
  const sentHere = ticket.sentHere === true || known.some((other) => other?.id === ticket.id && other.sentHere === true);
  const entry: GuestTicket = { id: ticket.id, number: ticket.number, key: ticket.key, ...(sentHere ? { sentHere: true as const } : {}) };
  write(store, [entry, ...known.filter((other) => other?.id !== ticket.id)]);
}

/** Forgets a ticket on this device: its number and key are removed from the store. */
export function forgetGuestTicket(store: TextStore, ticketId: string): void {
  write(store, storedList(store).filter((ticket) => ticket?.id !== ticketId));
}
