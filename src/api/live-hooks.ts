/** Following a ticket live: its events folded into the cached ticket (with the screens that show one). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Ticket, TicketEvent } from '../core';
import type { LiveState } from './types';
import { useSupportApi } from './context';
import { useTicket } from './ticket-hooks';
import { queryKeys } from './query-keys';

/** Adds an event to a cached ticket once (events may arrive both live and in a refetch). */
export function applyEvent(ticket: Ticket, event: TicketEvent): Ticket {
  if (ticket.events.some((known) => known.id === event.id)) return ticket;
  const events = [...ticket.events, event].sort((a, b) => a.id - b.id);
  const last = events[events.length - 1] ?? event;
  return { ...ticket, events, status: last.status, updatedAt: last.createdAt };
}

/** Keeps a cached ticket live: follows its event stream while mounted and folds events into the cache. */
export function useLiveTicket(id: string | null, onEvent?: (event: TicketEvent) => void) {
  const api = useSupportApi();
  const client = useQueryClient();
  const query = useTicket(id);
  const [transport, setTransport] = useState<LiveState>('closed');
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (id === null || !loaded) return undefined;
    const cached = client.getQueryData<Ticket>(queryKeys.ticket(id));
    const lastId = cached?.events.reduce((max, event) => Math.max(max, event.id), 0) ?? 0;
    const subscription = api.subscribe(id, lastId, {
      onEvent(event) {
        client.setQueryData<Ticket>(queryKeys.ticket(id), (ticket) => (ticket === undefined ? ticket : applyEvent(ticket, event)));
        void client.invalidateQueries({ queryKey: queryKeys.tickets });
        onEvent?.(event);
      },
      onStateChange: setTransport,
    });
    return () => subscription.close();
    // onEvent is a notification, not an input: resubscribing for a new closure would replay nothing useful.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, client, id, loaded]);
  return { ...query, transport };
}
