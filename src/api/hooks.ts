/**
 * The react-query reads the first open makes over the SupportApi (server meta, the reporter's list): thin, so the
 * rules stay in the client and the core. A ticket's own hooks and the notification settings' are beside, in the
 * files of the screens that use them.
 */
import { useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { queryKeys } from './query-keys';

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
