/** The reporter's first write, the ticket, as a react-query mutation refreshing the caches it changes (the writes on a sent ticket are in ticket-hooks.ts). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTicketBody } from '../core';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { queryKeys } from './query-keys';

/**
 * Sends run whatever `navigator.onLine` says: the client has its own retries and reports "offline" as a network
 * failure, which the form shows (with the e-mail fallback). React Query's default mode would instead pause the
 * mutation without a word, leaving "Sending…" on screen until the browser comes back online.
 */
export const SEND_MODE = { networkMode: 'always' } as const;

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
