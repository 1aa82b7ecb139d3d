/** The guest tickets remembered in this browser, for a guest's screens only (a signed-in user gets none). */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { isGuestEnv, useWidgetEnv } from '../shared/env';
import { forgetGuestTicket, readGuestTicketsRaw, rememberGuestTicket, subscribeGuestTickets } from './guest-tickets';
import { parseGuestTickets } from './read-guest-tickets';
import type { GuestTicket } from './guest-tickets';

/** What {@link useGuestTickets} gives. */
export interface RememberedGuestTickets {
  /** Whether the widget speaks as a guest: otherwise `tickets` is always empty. */
  guest: boolean;
  /** Remembered tickets, newest remembered first. */
  tickets: readonly GuestTicket[];
  remember(ticket: GuestTicket): void;
  forget(ticketId: string): void;
}

/** The remembered tickets, following every change this widget makes to them. */
export function useGuestTickets(): RememberedGuestTickets {
  const env = useWidgetEnv();
  const guest = isGuestEnv(env);
  const { textStore } = env;
  const raw = useSyncExternalStore(subscribeGuestTickets, () => (guest ? readGuestTicketsRaw(textStore) : null));
  const tickets = useMemo(() => (guest ? parseGuestTickets(raw) : []), [guest, raw]);
  const remember = useCallback((ticket: GuestTicket) => rememberGuestTicket(textStore, ticket), [textStore]);
  const forget = useCallback((ticketId: string) => forgetGuestTicket(textStore, ticketId), [textStore]);
  return { guest, tickets, remember, forget };
}
