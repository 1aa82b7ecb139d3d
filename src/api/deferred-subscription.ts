/** A live subscription whose code is still loading: opened when it arrives, unless closed before. */
import type { EventHandlers, EventSubscription } from './types';

/**
 * Returns a handle at once and opens the real subscription with what `loading` brings; a handle closed before
 * that never opens one. When loading fails the ticket is still read, just not live: handlers hear 'closed'.
 */
export function deferSubscription<T>(loading: Promise<T>, open: (loaded: T) => EventSubscription, handlers: EventHandlers): EventSubscription {
  let inner: EventSubscription | undefined;
  let closed = false;
  loading.then(
    (loaded) => {
      if (!closed) inner = open(loaded);
    },
    () => {
      if (!closed) handlers.onStateChange?.('closed');
    },
  );
  return {
    close() {
      closed = true;
      inner?.close();
    },
  };
}
