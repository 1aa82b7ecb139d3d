/** An async queue of events for one stream: the broker pushes, the stream's loop awaits. */
import type { TicketEvent } from '../../core';

/** Push/close from callbacks, `next()` from the writer loop; `null` means closed. */
export interface EventQueue {
  push(event: TicketEvent): void;
  close(): void;
  next(): Promise<TicketEvent | null>;
}

/** Creates an open, empty queue. */
export function createEventQueue(): EventQueue {
  const items: TicketEvent[] = [];
  let closed = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  return {
    push(event) {
      if (closed) return;
      items.push(event);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    async next() {
      for (;;) {
        const item = items.shift();
        if (item !== undefined) return item;
        if (closed) return null;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
