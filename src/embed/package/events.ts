/** Every event a widget reports, as a list (a missing or unknown name is a compile error). */
import type { HostEvent } from './types';

const EVENTS: { readonly [E in HostEvent]: true } = {
  ready: true,
  open: true,
  close: true,
  'ticket:created': true,
  'ticket:status': true,
  unread: true,
  error: true,
};

/** The events' names, for code that passes every one of them on (the React component, the custom element). */
export const HOST_EVENTS = Object.keys(EVENTS) as readonly HostEvent[];

/** What the `error` event carries for a call that failed: the message alone, as the script tag reports it. */
export function errorPayload(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
