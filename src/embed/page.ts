/** What the embed reads from the host page: kept in one module so every browser global is reached here. */
import type { BrowserSnapshot, PageError } from '../core';
import { stripSecretsFromUrl } from '../core';

type UAData = {
  brands?: { brand: string; version: string }[];
  mobile?: boolean;
  platform?: string;
};

/**
 * A snapshot of navigator, screen and window for the browser info. The time zone is not in it: it needs Intl,
 * whose first use loads the ICU data, so the form reads it when it builds the draft (runtimeTimeZone).
 */
export function readBrowser(): BrowserSnapshot {
  const nav = navigator as Navigator & { userAgentData?: UAData };
  const snapshot: BrowserSnapshot = {
    userAgent: nav.userAgent,
    language: nav.language,
    languages: [...(nav.languages ?? [])],
    viewport: { width: window.innerWidth, height: window.innerHeight },
    screen: { width: screen.width, height: screen.height },
    pixelRatio: window.devicePixelRatio,
    cookiesEnabled: nav.cookieEnabled,
    online: nav.onLine,
    pageUrl: location.href,
  };
  if (nav.userAgentData !== undefined) {
    const hints: NonNullable<BrowserSnapshot['clientHints']> = { brands: nav.userAgentData.brands ?? [] };
    if (nav.userAgentData.mobile !== undefined) hints.mobile = nav.userAgentData.mobile;
    if (nav.userAgentData.platform !== undefined) hints.platform = nav.userAgentData.platform;
    snapshot.clientHints = hints;
  }
  return snapshot;
}

/** The page URL without secrets, for the link pre-fill. */
export function currentPageUrl(): string | undefined {
  return stripSecretsFromUrl(location.href) ?? undefined;
}

/** Turns what the loader recorded (errors, rejection reasons) into page errors the user may attach. */
export function toPageErrors(recorded: readonly unknown[], at: Date): PageError[] {
  return recorded.slice(-20).map((item) => {
    const error = item as { message?: unknown; stack?: unknown; name?: unknown } | null;
    const message = typeof error?.message === 'string' ? `${typeof error.name === 'string' ? `${error.name}: ` : ''}${error.message}` : String(item);
    const source = typeof error?.stack === 'string' ? error.stack.split('\n')[1]?.trim() : undefined;
    return source === undefined ? { message: message.slice(0, 1000), at: at.toISOString() } : { message: message.slice(0, 1000), source: source.slice(0, 1000), at: at.toISOString() };
  });
}

/** localStorage when the browser lets us use it (it throws in some sandboxed frames and private modes). */
export function safeLocalStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    const probe = '__uchi_support_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
