/** The reporter's writes as react-query mutations, each refreshing the caches it changes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTicketBody, MessageBody, NotificationPrefs, RatingBody, Ticket } from '../core';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { queryKeys } from './query-keys';
import { applyTicketChange, isTicketChange } from './ticket-change';

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
    mutationFn: async ({ draft, idempotencyKey }: { draft: CreateTicketBody; idempotencyKey: string }) =>
      unwrap(await api.createTicket(draft, idempotencyKey)),
    onSuccess: (response) => {
      client.setQueryData(queryKeys.ticket(response.ticket.id), response.ticket);
      void client.invalidateQueries({ queryKey: queryKeys.tickets });
      // A follow-up changed the ticket it continues too (its `followUps`, a new event).
      const previous = response.ticket.followUpOf;
      if (previous !== undefined) void client.invalidateQueries({ queryKey: queryKeys.ticket(previous.id) });
    },
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

/** Saves the reporter's notification preferences; the stored answer replaces the cached ones. */
export function useSetNotificationPrefs() {
  const api = useSupportApi();
  const client = useQueryClient();
  return useMutation({
    ...SEND_MODE,
    mutationFn: async (prefs: NotificationPrefs) => {
      if (api.setNotificationPrefs === undefined) throw new Error('this Support API has no notification preferences');
      return unwrap(await api.setNotificationPrefs(prefs));
    },
    onSuccess: (prefs) => {
      client.setQueryData(queryKeys.notificationPrefs, prefs);
    },
  });
}

/** Whether the Support API in use keeps notification preferences. */
export function useHasNotificationPrefs(): boolean {
  const api = useSupportApi();
  return api.getNotificationPrefs !== undefined && api.setNotificationPrefs !== undefined;
}
