/** react-query keys, in one place so invalidation and live updates hit the same entries. */
export const queryKeys = {
  meta: ['support', 'meta'] as const,
  tickets: ['support', 'tickets'] as const,
  /** The paged list of "my tickets" (under `tickets`, so invalidating the list refreshes it too). */
  ticketPages: (pageSize: number) => ['support', 'tickets', 'pages', pageSize] as const,
  ticket: (id: string) => ['support', 'ticket', id] as const,
  /** The signed-in reporter's notification preferences. */
  notificationPrefs: ['support', 'me', 'notifications'] as const,
};
