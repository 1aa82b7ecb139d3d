/** react-query reads over the SupportApi: thin, so the rules stay in the client and the core (writes and the live ticket are beside). */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { queryKeys } from './query-keys';
import type { TicketPage } from './types';

/** Server meta: clock, hours, channels, attachment limits; read once something `enabled` shows them. */
export function useMeta(enabled = true) {
  const api = useSupportApi();
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: async ({ signal }) => unwrap(await api.getMeta(signal)),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/**
 * The reporter's tickets. Without `follow` an answer re-renders nothing: the next render for another reason reads
 * it (the form needs the list only once its fields are shown).
 */
export function useTickets(enabled = true, follow = true) {
  const api = useSupportApi();
  return useQuery({
    queryKey: queryKeys.tickets,
    queryFn: async ({ signal }) => unwrap(await api.listTickets(signal)),
    enabled,
    ...(follow ? {} : { notifyOnChangeProps: [] }),
  });
}

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

/** The reporter's notification preferences; disabled for guests and for backends without them. */
export function useNotificationPrefs(enabled = true) {
  const api = useSupportApi();
  return useQuery({
    queryKey: queryKeys.notificationPrefs,
    queryFn: async ({ signal }) => {
      if (api.getNotificationPrefs === undefined) throw new Error('this Support API has no notification preferences');
      return unwrap(await api.getNotificationPrefs(signal));
    },
    enabled: enabled && api.getNotificationPrefs !== undefined,
  });
}
