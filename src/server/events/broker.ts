/** In-process publish/subscribe of ticket events, so open streams see a change the moment it commits. */
import type { TicketEvent } from '../../core';

/** Receives every event of the ticket it subscribed to, in commit (= id) order. */
export type EventListener = (event: TicketEvent) => void;

/** The broker's surface. */
export interface EventBroker {
  /** Subscribes to one ticket; returns the unsubscribe function. */
  subscribe(ticketId: string, listener: EventListener, onClose?: () => void): () => void;
  /** Delivers committed events (call right after the transaction, in the same tick). */
  publish(events: readonly TicketEvent[]): void;
  /** Ends every subscription (shutdown), letting open streams finish. */
  closeAll(): void;
  /** Open subscriptions (tests check that aborted streams clean up). */
  size(): number;
}

interface Subscription {
  listener: EventListener;
  onClose: (() => void) | undefined;
}

/** Creates an empty broker. */
export function createBroker(): EventBroker {
  const byTicket = new Map<string, Set<Subscription>>();
  let total = 0;
  return {
    subscribe(ticketId, listener, onClose) {
      const subscription: Subscription = { listener, onClose };
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
    publish(events) {
      for (const event of events) {
        for (const subscription of [...(byTicket.get(event.ticketId) ?? [])]) subscription.listener(event);
      }
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
