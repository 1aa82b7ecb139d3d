/**
 * Every browser global the client reaches, in one place: so the rest of `src/api` runs anywhere (browser,
 * Node 20, tests) and a missing global is found here rather than deep in a request.
 */

/** The platform's fetch, bound so it is never called with the wrong `this`. */
export function platformFetch(): typeof fetch {
  if (typeof globalThis.fetch !== 'function') throw new Error('fetch is not available: pass `fetch` to createHttpSupportApi');
  return globalThis.fetch.bind(globalThis);
}

/** Whether XMLHttpRequest exists (browsers), the only way to observe upload progress. */
export function hasXhr(): boolean {
  return typeof globalThis.XMLHttpRequest === 'function';
}

/** `n` cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/** `crypto.randomUUID` when available (secure contexts only in browsers), else null. */
export function platformRandomUuid(): string | null {
  const crypto = globalThis.crypto as Crypto | undefined;
  return typeof crypto?.randomUUID === 'function' ? crypto.randomUUID() : null;
}

/** The platform timers, bound. */
export function platformTimers(): Timers {
  return {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
  };
}

/** Replaceable timers (tests inject fake ones). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
