/**
 * A sent ticket's react-query hooks: reading it and the reporter's list a page at a time, and the reporter's writes
 * on it (a message, a cancel, a rating), each refreshing the caches it changes. Only the screens after the form use
 * them, so they load with those screens, not with the first open.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageBody, RatingBody, Ticket } from '../core';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { SEND_MODE } from './mutation-hooks';
import { queryKeys } from './query-keys';
import { applyTicketChange, isTicketChange } from './ticket-change';
import type { TicketPage } from './types';

/**
 * The reporter's tickets a page at a time (cursor paging, newest first). A backend without paging gives
 * everything as one page. `refreshMs`: read again this often (0: only when asked).
 */
export function useTicketPages(enabled = true, pageSize = 20, refreshMs = 0) {
  const api = useSupportApi();
  return useInfiniteQuery({
    queryKey: queryKeys.ticketPages(pageSize),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<TicketPage> => {
      if (api.listTicketPage !== undefined) return unwrap(await api.listTicketPage({ cursor: pageParam, limit: pageSize }, signal));
      return { tickets: unwrap(await api.listTickets(signal)), nextCursor: null };
    },
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    refetchInterval: refreshMs > 0 ? refreshMs : false,
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

/** Sends the reporter's message (a clarification reply, or an addition). */
export function useSendMessage(id: string) {
  const api = useSupportApi();
  const client = useQueryClient();
  return useMutation({
    ...SEND_MODE,
    // The answer carries only the added event: it is merged into the ticket on screen, read whole only when none is.
    mutationFn: async (body: MessageBody): Promise<Ticket> => {
      const answer = unwrap(await api.sendMessage(id, body));
      if (!isTicketChange(answer)) return answer;
      const shown = client.getQueryData<Ticket>(queryKeys.ticket(id));
      return shown === undefined ? unwrap(await api.getTicket(id)) : applyTicketChange(shown, answer);
    },
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

/** Rates the help on a ticket; absent from backends without ratings (see {@link useCanRate}). */
export function useRateTicket(id: string) {
  const api = useSupportApi();
  const client = useQueryClient();
  return useMutation({
    ...SEND_MODE,
    mutationFn: async (body: RatingBody) => {
      if (api.rateTicket === undefined) throw new Error('this Support API does not take ratings');
      return unwrap(await api.rateTicket(id, body));
    },
    onSuccess: (ticket) => {
      client.setQueryData(queryKeys.ticket(id), ticket);
    },
  });
}

/** Whether the Support API in use takes ratings. */
export function useCanRate(): boolean {
  return useSupportApi().rateTicket !== undefined;
}
