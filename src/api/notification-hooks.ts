/** The reporter's e-mail notification settings as react-query hooks, for the screen that shows them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPrefs } from '../core';
import { unwrap } from './api-error';
import { useSupportApi } from './context';
import { SEND_MODE } from './mutation-hooks';
import { queryKeys } from './query-keys';

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
