/** A page's running activity (listeners, timers, requests, object URLs), counted by patching its globals first. */

/** What the page has running, as the tracker counts it. */
export interface Activity {
  listeners: string[];
  intervals: number;
  timeouts: string[];
  fetches: string[];
  xhrs: number;
  objectUrls: number;
}

/**
 * Installed before any page script (a test harness may patch what the widget must not): counts listeners that
 * page scripts add on window, document, <html> and <body>, pending timeouts and intervals, open fetches (an event stream stays open
 * until its signal aborts or its body ends), XHRs in flight and object URLs not revoked.
 */
export const TRACK_ACTIVITY = () => {
  const listeners = new Map<string, { target: string; type: string }>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (value: object) => ids.get(value) ?? (ids.set(value, ++nextId), nextId);
  const targetName = (target: EventTarget) =>
    target === window ? 'window' : target === document ? 'document' : target === document.documentElement ? 'html' : target === document.body ? 'body' : null;
  const captureOf = (options: unknown) => (typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const name = targetName(this);
    // Only what page scripts add (Playwright's injected helpers run from no URL and are not the page's).
    const caller = new Error().stack?.split('\n')[2] ?? '';
    if (name !== null && listener !== null && /https?:\/\//.test(caller)) {
      const key = `${name}|${type}|${idOf(listener)}|${captureOf(options)}`;
      listeners.set(key, { target: name, type });
      const settings = typeof options === 'object' ? options : {};
      if (settings.signal !== undefined) settings.signal.addEventListener('abort', () => listeners.delete(key));
      if (settings.once === true) {
        // A `once` listener leaves by itself after it ran: forget it then (it runs before ours is removed).
        const forget = () => listeners.delete(key);
        add.call(this, type, forget, { once: true, capture: captureOf(options) });
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const name = targetName(this);
    if (name !== null && listener !== null) listeners.delete(`${name}|${type}|${idOf(listener)}|${captureOf(options)}`);
    return remove.call(this, type, listener, options);
  };

  const timeouts = new Map<number, string>();
  const intervals = new Set<number>();
  const { setTimeout: setT, clearTimeout: clearT, setInterval: setI, clearInterval: clearI } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = setT(
      (...inner: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...inner);
      },
      ms,
      ...args,
    );
    timeouts.set(id, `${ms ?? 0} ms ${new Error().stack?.split('\n').slice(2, 9).map((line) => line.trim()).join(' < ') ?? ''}`);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    clearT(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setI(handler, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearI(id);
  }) as typeof window.clearInterval;

  const fetches = new Map<number, string>();
  const originalFetch = window.fetch;
  let fetchId = 0;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const id = ++fetchId;
    const url = input instanceof Request ? input.url : String(input);
    fetches.set(id, url);
    const done = () => fetches.delete(id);
    let response: Response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      done();
      throw error;
    }
    const stream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
    if (!stream || response.body === null) {
      done();
      return response;
    }
    fetches.set(id, `${url} (stream)`);
    init?.signal?.addEventListener('abort', done);
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            done();
            controller.close();
          } else controller.enqueue(chunk.value);
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  let xhrs = 0;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    xhrs++;
    this.addEventListener('loadend', () => xhrs--, { once: true });
    return send.call(this, body);
  };

  const objectUrls = new Set<string>();
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create(object);
    objectUrls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    objectUrls.delete(url);
    revoke(url);
  };

  Object.defineProperty(window, '__activity', {
    value: () => ({
      listeners: [...listeners.values()].map((entry) => `${entry.target}:${entry.type}`).sort(),
      intervals: intervals.size,
      timeouts: [...timeouts.values()],
      fetches: [...fetches.values()],
      xhrs,
      objectUrls: objectUrls.size,
    }),
  });
};
