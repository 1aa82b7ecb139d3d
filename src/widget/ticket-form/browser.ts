/** The browser globals the ticket form touches, in one place so tests and other hosts can replace them. */

/** A fresh idempotency key (UUID v4), from `crypto.randomUUID` where available. */
export function randomKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers (and insecure contexts) lack randomUUID but have getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Listens to a window event (beforeunload, pagehide); returns the cleanup. */
export function listenWindow<K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener(type, handler);
  return () => window.removeEventListener(type, handler);
}

let zone: string | undefined;
/**
 * The runtime's IANA time zone, read the first time a draft is built rather than when the form first renders:
 * a page's first Intl call loads the ICU data (tens of milliseconds), which sending can afford and opening cannot.
 */
export function runtimeTimeZone(): string {
  if (zone === undefined) {
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
    } catch {
      zone = '';
    }
  }
  return zone;
}
