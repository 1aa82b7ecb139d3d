/**
 * In-process fan-out of "this ticket has a new event": open streams subscribe per ticket and, when woken,
 * read what is new from the events table themselves. Wakes come from this process right after its commits
 * and from other processes through the storage's watcher (LISTEN/NOTIFY or a poll), so a signal carries no
 * event: a duplicate or late one costs a read, a missed one is made up by the next.
 */

/** Told that its ticket may have new events. */
export type Wake = () => void;

/** The broker's surface. */
export interface EventBroker {
  /** Subscribes to one ticket; returns the unsubscribe function. */
  subscribe(ticketId: string, wake: Wake, onClose?: () => void): () => void;
  /** Wakes the ticket's streams (call after the commit that added its events). */
  publish(ticketId: string): void;
  /** Wakes every stream (notices may have been missed). */
  wakeAll(): void;
  /** Ends every subscription (shutdown), letting open streams finish. */
  closeAll(): void;
  /** Open subscriptions (tests check that aborted streams clean up). */
  size(): number;
}

interface Subscription {
  wake: Wake;
  onClose: (() => void) | undefined;
}

/** Creates an empty broker; `onPublish` hears every publish (the outbox dispatcher wakes on it). */
export function createBroker(onPublish?: () => void): EventBroker {
  const byTicket = new Map<string, Set<Subscription>>();
  let total = 0;
  return {
    subscribe(ticketId, wake, onClose) {
      const subscription: Subscription = { wake, onClose };
      const set = byTicket.get(ticketId) ?? new Set<Subscription>();
      byTicket.set(ticketId, set);
      set.add(subscription);
      total++;
      return () => {
        if (!set.delete(subscription)) return;
        total--;
        if (set.size === 0 && byTicket.get(ticketId) === set) byTicket.delete(ticketId);
      };
    },
    publish(ticketId) {
      onPublish?.();
      for (const subscription of [...(byTicket.get(ticketId) ?? [])]) subscription.wake();
    },
    wakeAll() {
      for (const set of [...byTicket.values()]) for (const subscription of [...set]) subscription.wake();
    },
    closeAll() {
      const all = [...byTicket.values()].flatMap((set) => [...set]);
      byTicket.clear();
      total = 0;
      for (const subscription of all) subscription.onClose?.();
    },
    size: () => total,
  };
}
