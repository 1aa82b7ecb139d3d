/** A fake SupportApi for component tests: every call is a spy, and `push` delivers live events. */
import { vi } from 'vitest';
import type { ApiFailure, ApiResult, EventHandlers, SupportApi } from '../../../src/api/types';
import type { TicketEvent } from '../../../src/core';

/** A successful result. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail<T>(error: ApiFailure = { kind: 'network', message: 'Failed to fetch' }): ApiResult<T> {
  return { ok: false, error };
}

/** The fake, with a way to push events to live subscribers. */
export type FakeApi = { [K in keyof SupportApi]: SupportApi[K] & ReturnType<typeof vi.fn> } & {
  /** Delivers an event to every open subscription of its ticket. */
  push(event: TicketEvent): void;
  /** How many subscriptions are open for a ticket. */
  openSubscriptions(ticketId: string): number;
};

/** A SupportApi whose calls fail with "network" unless overridden. */
export function createFakeApi(overrides: Partial<SupportApi> = {}): FakeApi {
  const subscribers = new Map<string, Set<EventHandlers>>();
  const offline = async () => fail<never>();
  const api = {
    getMeta: vi.fn(overrides.getMeta ?? offline),
    uploadAttachment: vi.fn(overrides.uploadAttachment ?? offline),
    createTicket: vi.fn(overrides.createTicket ?? offline),
    listTickets: vi.fn(overrides.listTickets ?? offline),
    // Optional in the contract: absent unless a test gives it (the list then reads everything as one page).
    ...(overrides.listTicketPage === undefined ? {} : { listTicketPage: vi.fn(overrides.listTicketPage) }),
    getTicket: vi.fn(overrides.getTicket ?? offline),
    sendMessage: vi.fn(overrides.sendMessage ?? offline),
    cancelTicket: vi.fn(overrides.cancelTicket ?? offline),
    // Optional in the contract: only a fake given one reads files back.
    ...(overrides.downloadAttachment === undefined ? {} : { downloadAttachment: vi.fn(overrides.downloadAttachment) }),
    // Optional in the contract: only a fake given one takes ratings.
    ...(overrides.rateTicket === undefined ? {} : { rateTicket: vi.fn(overrides.rateTicket) }),
    // Optional too: only a fake given both keeps notification preferences.
    ...(overrides.getNotificationPrefs === undefined ? {} : { getNotificationPrefs: vi.fn(overrides.getNotificationPrefs) }),
    ...(overrides.setNotificationPrefs === undefined ? {} : { setNotificationPrefs: vi.fn(overrides.setNotificationPrefs) }),
    // Optional too: only a fake given one reads a guest's ticket with its access key.
    ...(overrides.withAccessKey === undefined ? {} : { withAccessKey: vi.fn(overrides.withAccessKey) }),
    subscribe: vi.fn((id: string, _lastEventId: number, handlers: EventHandlers) => {
      const set = subscribers.get(id) ?? new Set<EventHandlers>();
      set.add(handlers);
      subscribers.set(id, set);
      handlers.onStateChange?.('streaming');
      return { close: () => void set.delete(handlers) };
    }),
    push(event: TicketEvent) {
      for (const handlers of subscribers.get(event.ticketId) ?? []) handlers.onEvent(event);
    },
    openSubscriptions: (ticketId: string) => subscribers.get(ticketId)?.size ?? 0,
  };
  return api as unknown as FakeApi;
}
