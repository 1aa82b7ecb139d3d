/** What a test page recorded, and the checks over it: errors, CSP / Trusted Types violations, waiting with a cause. */
import type { BrowserContext, Locator, Page } from 'playwright';
import { expect } from 'vitest';

/** A page with what it recorded. */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, as text. */
  errors: string[];
}

/** A CSP or Trusted Types violation the page reported. */
export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  sourceFile: string;
}

/** Waits for `check` to hold; the failure message carries what the page logged, which is usually the cause. */
export async function waitUntil(tracked: TrackedPage, what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const reported = await violations(tracked.page).catch(() => []);
      throw new Error(`${what}: not within ${timeoutMs} ms.\nPage errors: ${JSON.stringify(tracked.errors, null, 2)}\nViolations: ${JSON.stringify(reported)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `locator` is visible. */
export function visible(tracked: TrackedPage, locator: Locator, what = `${locator} visible`, timeoutMs?: number): Promise<void> {
  return waitUntil(tracked, what, () => locator.isVisible(), timeoutMs);
}

/** The violations a page recorded so far. */
export function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => [...((window as unknown as { __violations?: Violation[] }).__violations ?? [])]);
}

/** Fails with the list when the page logged an error or reported a violation. */
export async function expectClean(tracked: TrackedPage): Promise<void> {
  expect(await violations(tracked.page), 'CSP / Trusted Types violations').toEqual([]);
  expect(tracked.errors, 'console and page errors').toEqual([]);
}
