/** How the browser tests start Chromium: Debian's build by default, any other via CHROMIUM_PATH. */
import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser server the global setup started (absent when a file runs without it). */
    chromiumWsEndpoint?: string;
  }
}

/** Flags for a headless Chromium running as root in a container, without background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** The Chromium executable. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
