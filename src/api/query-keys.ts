/** react-query keys, in one place so invalidation and live updates hit the same entries. */
export const queryKeys = {
  meta: ['support', 'meta'] as const,
  tickets: ['support', 'tickets'] as const,
  ticket: (id: string) => ['support', 'ticket', id] as const,
};
