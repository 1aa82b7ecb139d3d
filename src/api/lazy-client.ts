/**
 * The HTTP client loaded on first use. The embed paints its panel before any request is made, so the client
 * and the response schemas it parses with come in a chunk of their own, fetched by the first call (in
 * practice the unseen-tickets check right after boot) — the same SupportApi, with the same setup checks.
 */
import { deferSubscription } from './deferred-subscription';
import { accessKeyOptions, isGuestKey } from './guest-key';
import type { HttpSupportApi, HttpSupportApiOptions } from './http-client';
import type { ApiResult, EventSubscription } from './types';
import { createUrlBuilder } from './url';

/** Loads the client's module; tests pass one that fails. */
export type LoadHttpClient = () => Promise<{ createHttpSupportApi: (options: HttpSupportApiOptions) => HttpSupportApi }>;

/** Creates the client lazily; throws at once, like the eager one, on an unusable base URL or guest key. */
export function createLazySupportApi(
  options: HttpSupportApiOptions,
  loadClient: LoadHttpClient = () => import('./http-client'),
): HttpSupportApi {
  createUrlBuilder(options.baseUrl);
  if (options.guestKey !== undefined && !isGuestKey(options.guestKey)) {
    throw new TypeError('guestKey must be 32–128 base64url characters (use newGuestKey())');
  }
  // Credentials set before the client arrived are handed over when it does.
  let token = options.token ?? null;
  let guestKey = options.guestKey ?? null;
  let client: HttpSupportApi | undefined;
  let loading: Promise<HttpSupportApi> | undefined;

  const load = () =>
    (loading ??= loadClient().then(
      ({ createHttpSupportApi }) => {
        client = createHttpSupportApi({ ...options, token });
        client.setGuestKey(guestKey);
        return client;
      },
      (error: unknown) => {
        loading = undefined; // the next call tries again
        throw error;
      },
    ));

  /** Runs `run` on the client; a chunk that cannot load is a network failure like any other. */
  const withClient = async <T>(run: (api: HttpSupportApi) => Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    let api: HttpSupportApi;
    try {
      api = client ?? (await load());
    } catch {
      return { ok: false, error: { kind: 'network', message: 'The support client could not be loaded' } };
    }
    return run(api);
  };

  return {
    getMeta: (signal) => withClient((api) => api.getMeta(signal)),
    uploadAttachment: (file, name, upload) => withClient((api) => api.uploadAttachment(file, name, upload)),
    deleteAttachment: (id, signal) => withClient((api) => api.deleteAttachment(id, signal)),
    downloadAttachment: (id, signal) => withClient((api) => api.downloadAttachment(id, signal)),
    createTicket: (draft, key, signal) => withClient((api) => api.createTicket(draft, key, signal)),
    listTickets: (signal) => withClient((api) => api.listTickets(signal)),
    listTicketPage: (page, signal) => withClient((api) => api.listTicketPage(page, signal)),
    getTicket: (id, signal) => withClient((api) => api.getTicket(id, signal)),
    sendMessage: (id, body, signal) => withClient((api) => api.sendMessage(id, body, signal)),
    cancelTicket: (id, signal) => withClient((api) => api.cancelTicket(id, signal)),
    rateTicket: (id, body, signal) => withClient((api) => api.rateTicket(id, body, signal)),
    getNotificationPrefs: (signal) => withClient((api) => api.getNotificationPrefs(signal)),
    setNotificationPrefs: (prefs, signal) => withClient((api) => api.setNotificationPrefs(prefs, signal)),
    subscribe(id, lastEventId, handlers): EventSubscription {
      if (client !== undefined) return client.subscribe(id, lastEventId, handlers);
      return deferSubscription(load(), (api) => api.subscribe(id, lastEventId, handlers), handlers);
    },
    setToken(next) {
      token = next;
      client?.setToken(next);
    },
    setGuestKey(next) {
      guestKey = next;
      client?.setGuestKey(next);
    },
    withAccessKey: (accessKey) => createLazySupportApi(accessKeyOptions(options, accessKey), loadClient),
  };
}
