/** The lazily loaded client: same answers as the eager one, credentials handed over, failures as results. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpSupportApi, createLazySupportApi, InvalidBaseUrlError, newGuestKey, newIdempotencyKey } from '../../src/api';
import type { EventHandlers, HttpSupportApi, HttpSupportApiOptions } from '../../src/api';
import type { LoadHttpClient } from '../../src/api/lazy-client';
import { guestContact as contact, validDrafts } from '../fixtures/drafts';
import { shortSleep, startApiTestServer } from './server';
import type { ApiTestServer } from './server';

let ts: ApiTestServer;
beforeAll(async () => {
  ts = await startApiTestServer();
});
afterAll(() => ts.cleanup());

/** The real module, counting how often it was asked for. */
function countingLoader(): { load: LoadHttpClient; count: () => number } {
  let count = 0;
  return {
    load: () => {
      count++;
      return import('../../src/api/http-client');
    },
    count: () => count,
  };
}

describe('lazy HTTP client', () => {
  it('loads the client on the first call only, and answers like the eager one', async () => {
    const loader = countingLoader();
    const token = await ts.token('lazy-1');
    const api = createLazySupportApi({ baseUrl: ts.baseUrl, token, sleep: shortSleep() }, loader.load);
    expect(loader.count()).toBe(0);

    const created = await api.createTicket(validDrafts.technical, newIdempotencyKey());
    expect(created.ok).toBe(true);
    const [listed, meta] = await Promise.all([api.listTickets(), api.getMeta()]);
    expect(loader.count()).toBe(1);
    const eager = createHttpSupportApi({ baseUrl: ts.baseUrl, token });
    expect(listed).toEqual(await eager.listTickets());
    expect(meta.ok).toBe(true);
  });

  it('hands a token set before loading to the client, and later ones straight through', async () => {
    const [first, second, third] = await Promise.all([ts.token('lazy-a'), ts.token('lazy-b'), ts.token('lazy-c')]);
    const eagerB = createHttpSupportApi({ baseUrl: ts.baseUrl, token: second });
    const eagerC = createHttpSupportApi({ baseUrl: ts.baseUrl, token: third });
    const forB = await eagerB.createTicket(validDrafts.course, newIdempotencyKey());
    const forC = await eagerC.createTicket(validDrafts.order, newIdempotencyKey());
    if (!forB.ok || !forC.ok) throw new Error('setup failed');

    const api = createLazySupportApi({ baseUrl: ts.baseUrl, token: first });
    api.setToken(second);
    const asB = await api.listTickets();
    expect(asB.ok && asB.value.map((t) => t.id)).toEqual([forB.value.ticket.id]);
    api.setToken(third);
    const asC = await api.listTickets();
    expect(asC.ok && asC.value.map((t) => t.id)).toEqual([forC.value.ticket.id]);
  });

  it('hands a guest key set before loading to the client', async () => {
    const key = newGuestKey();
    const eager = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: key });
    const created = await eager.createTicket({ ...validDrafts.other, contact, consent: true }, newIdempotencyKey());
    if (!created.ok) throw new Error(`setup failed: ${JSON.stringify(created.error)}`);

    const api = createLazySupportApi({ baseUrl: ts.baseUrl, guestKey: newGuestKey() });
    api.setGuestKey(key);
    const listed = await api.listTickets();
    expect(listed.ok && listed.value.map((t) => t.id)).toEqual([created.value.ticket.id]);
  });

  it('refuses setup mistakes at once, before anything loads', () => {
    const loader = countingLoader();
    expect(() => createLazySupportApi({ baseUrl: 'ftp://support.example.ru' }, loader.load)).toThrow(InvalidBaseUrlError);
    expect(() => createLazySupportApi({ baseUrl: ts.baseUrl, guestKey: 'short' }, loader.load)).toThrow(/guestKey/);
    expect(loader.count()).toBe(0);
  });

  it('answers a module that cannot load with a network failure, and tries again on the next call', async () => {
    let fail = true;
    const load: LoadHttpClient = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : import('../../src/api/http-client'));
    const api = createLazySupportApi({ baseUrl: ts.baseUrl }, load);
    const failed = await api.getMeta();
    expect(failed).toEqual({ ok: false, error: { kind: 'network', message: expect.any(String) as string } });
    fail = false;
    const meta = await api.getMeta();
    expect(meta.ok).toBe(true);
  });
});

describe('lazy subscriptions', () => {
  /** A loader that resolves when told to, with a client whose subscribe is observed. */
  function deferredLoader() {
    const subscribe = vi.fn<HttpSupportApi['subscribe']>();
    const close = vi.fn();
    subscribe.mockReturnValue({ close });
    let resolve: () => void = () => undefined;
    let reject: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    const load: LoadHttpClient = async () => {
      await ready;
      return {
        createHttpSupportApi: (options: HttpSupportApiOptions) => ({ ...createHttpSupportApi(options), subscribe }),
      };
    };
    return { load, subscribe, close, resolve, reject };
  }
  const handlers = (): EventHandlers => ({ onEvent: vi.fn(), onStateChange: vi.fn() });

  it('opens the stream once the client arrives and closes it through the early handle', async () => {
    const loader = deferredLoader();
    const api = createLazySupportApi({ baseUrl: ts.baseUrl }, loader.load);
    const h = handlers();
    const subscription = api.subscribe('t-1', 7, h);
    expect(loader.subscribe).not.toHaveBeenCalled();
    loader.resolve();
    await vi.waitFor(() => expect(loader.subscribe).toHaveBeenCalledWith('t-1', 7, h));
    subscription.close();
    expect(loader.close).toHaveBeenCalledOnce();
  });

  it('never opens a stream closed before the client arrived', async () => {
    const loader = deferredLoader();
    const api = createLazySupportApi({ baseUrl: ts.baseUrl }, loader.load);
    api.subscribe('t-2', 0, handlers()).close();
    loader.resolve();
    await api.getMeta(); // the client has arrived
    expect(loader.subscribe).not.toHaveBeenCalled();
  });

  it('reports the stream closed when the client cannot load', async () => {
    const loader = deferredLoader();
    const api = createLazySupportApi({ baseUrl: ts.baseUrl }, loader.load);
    const h = handlers();
    api.subscribe('t-3', 0, h);
    loader.reject(new TypeError('Failed to fetch dynamically imported module'));
    await vi.waitFor(() => expect(h.onStateChange).toHaveBeenCalledWith('closed'));
    expect(loader.subscribe).not.toHaveBeenCalled();
  });
});
