/** The launcher badge and the list marker: tickets that changed since the user last looked. */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTickets } from '../../api';
import type { TextStore } from '../shared/env';
import { isGuestEnv, useWidgetEnv } from '../shared/env';
import { baselineSeen, getChangedIds, parseSeen, seenKey, serializeSeen, withSeen } from './seen';
import type { SeenState, SeenTicket } from './seen';

// Every hook instance (badge, list) re-reads the store when any of them writes.
const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readRaw(store: TextStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function writeSeen(store: TextStore, key: string, seen: SeenState): void {
  try {
    store.setItem(key, serializeSeen(seen));
  } catch {
    // Storage refused: the marker may come back after a reload, which is harmless.
  }
  for (const listener of listeners) listener();
}

/** Options of {@link useUnseenTickets}. */
export interface UnseenTicketsOptions {
  /** Re-fetch the list this often (ms) so the badge notices changes while the panel is closed; 0 turns it off. */
  refreshMs?: number;
  /** The tickets to follow instead of the reporter's list (a guest's remembered ones, each read with its key). */
  tickets?: readonly SeenTicket[];
}

/** What {@link useUnseenTickets} returns. */
export interface UnseenTickets {
  /** How many tickets changed since seen: the launcher badge. */
  count: number;
  /** Whether `count` is known: the list has loaded and the seen state is there (always, for a guest: 0). */
  known: boolean;
  /** Ids of those tickets: the list's "changed" marker. */
  changedIds: ReadonlySet<string>;
  /** Records that the user has seen a ticket up to this event. */
  markSeen(ticketId: string, lastEventId: number): void;
  /**
   * The user has just changed a ticket from elsewhere (a follow-up adds an event to the ticket it continues):
   * its next change in the list is theirs, and counts as seen.
   */
  expectOwnChange(ticketId: string): void;
}

/** Tickets with unseen changes, kept per user in env.textStore (`uchi-support:seen:<userKey>`). */
export function useUnseenTickets({ refreshMs = 5 * 60_000, tickets: given }: UnseenTicketsOptions = {}): UnseenTickets {
  const env = useWidgetEnv();
  const { textStore, userKey } = env;
  // A guest has no list to follow: their tickets are read back one by one with an access key.
  const enabled = !isGuestEnv(env) && given === undefined;
  const query = useTickets(enabled);
  const { refetch } = query;
  const key = seenKey(userKey);
  const raw = useSyncExternalStore(subscribe, () => readRaw(textStore, key));
  const seen = useMemo(() => parseSeen(raw), [raw]);
  const tickets = given ?? query.data;

  useEffect(() => {
    if (seen === null && tickets !== undefined) writeSeen(textStore, key, baselineSeen(tickets));
  }, [seen, tickets, textStore, key]);

  useEffect(() => {
    if (!enabled || refreshMs <= 0) return undefined;
    const timer = setInterval(() => void refetch(), refreshMs);
    return () => clearInterval(timer);
  }, [enabled, refreshMs, refetch]);

  const changedIds = useMemo(
    () => (tickets === undefined || seen === null ? new Set<string>() : getChangedIds(tickets, seen)),
    [tickets, seen],
  );
  const markSeen = useCallback(
    (ticketId: string, lastEventId: number) => {
      const current = parseSeen(readRaw(textStore, key));
      const next = withSeen(current, ticketId, lastEventId);
      if (next !== current) writeSeen(textStore, key, next);
    },
    [textStore, key],
  );
  // Tickets the user changed from elsewhere → the last event id the list showed before.
  const own = useRef(new Map<string, number>());
  // Stable, so what it is passed to does not re-render when the list answers.
  const listed = useRef(tickets);
  const expectOwnChange = useCallback((ticketId: string) => {
    own.current.set(ticketId, listed.current?.find((ticket) => ticket.id === ticketId)?.lastEventId ?? 0);
  }, []);
  useEffect(() => {
    listed.current = tickets;
    if (tickets === undefined) return;
    for (const ticket of tickets) {
      const before = own.current.get(ticket.id);
      if (before === undefined || ticket.lastEventId <= before) continue;
      own.current.delete(ticket.id);
      markSeen(ticket.id, ticket.lastEventId);
    }
  }, [tickets, markSeen]);
  const known = !enabled || (tickets !== undefined && seen !== null);
  return { count: changedIds.size, known, changedIds, markSeen, expectOwnChange };
}
