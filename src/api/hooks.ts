/** react-query hooks over the SupportApi: thin, so the rules stay in the client and the core. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MessageBody, Ticket, TicketDraftInput, TicketEvent } from '../core';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { queryKeys } from './query-keys';

/** Server meta: clock, hours, channels, attachment limits. */
export function useMeta() {
  const api = useSupportApi();
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: async ({ signal }) => unwrap(await api.getMeta(signal)),
    staleTime: 5 * 60_000,
  });
}

/** The reporter's tickets. */
export function useTickets(enabled = true) {
  const api = useSupportApi();
  return useQuery({
    queryKey: queryKeys.tickets,
    queryFn: async ({ signal }) => unwrap(await api.listTickets(signal)),
    enabled,
  });
}

/** One ticket with its events. */
export function useTicket(id: string | null) {
  const api = useSupportApi();
  return useQuery({
    queryKey: queryKeys.ticket(id ?? ''),
    queryFn: async ({ signal }) => unwrap(await api.getTicket(id ?? '', signal)),
    enabled: id !== null,
  });
}

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
  const [transport, setTransport] = useState<'connecting' | 'streaming' | 'polling' | 'closed'>('closed');
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

/**
 * Sends run whatever `navigator.onLine` says: the client has its own retries and reports "offline" as a network
 * failure, which the form shows (with the e-mail fallback). React Query's default mode would instead pause the
 * mutation without a word, leaving "Sending…" on screen until the browser comes back online.
 */
const SEND_MODE = { networkMode: 'always' } as const;

/** Creates a ticket with the draft's idempotency key. */
export function useCreateTicket() {
  const api = useSupportApi();
  const client = useQueryClient();
  return useMutation({
    ...SEND_MODE,
    mutationFn: async ({ draft, idempotencyKey }: { draft: TicketDraftInput; idempotencyKey: string }) =>
      unwrap(await api.createTicket(draft, idempotencyKey)),
    onSuccess: (response) => {
      client.setQueryData(queryKeys.ticket(response.ticket.id), response.ticket);
      void client.invalidateQueries({ queryKey: queryKeys.tickets });
    },
  });
}

/** Sends the reporter's message (a clarification reply, or an addition). */
export function useSendMessage(id: string) {
  const api = useSupportApi();
  const client = useQueryClient();
  return useMutation({
    ...SEND_MODE,
    mutationFn: async (body: MessageBody) => unwrap(await api.sendMessage(id, body)),
    onSuccess: (ticket) => {
      client.setQueryData(queryKeys.ticket(id), ticket);
      void client.invalidateQueries({ queryKey: queryKeys.tickets });
    },
  });
}

/** Cancels a ticket. */
export function useCancelTicket(id: string) {
  const api = useSupportApi();
  const client = useQueryClient();
  return useMutation({
    ...SEND_MODE,
    mutationFn: async () => unwrap(await api.cancelTicket(id)),
    onSuccess: (ticket) => {
      client.setQueryData(queryKeys.ticket(id), ticket);
      void client.invalidateQueries({ queryKey: queryKeys.tickets });
    },
  });
}
