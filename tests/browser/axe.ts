/**
 * axe-core over the widget, shadow root included. AxeBuilder (@axe-core/playwright) re-injects the 0.5 MB axe
 * source on every `analyze()` — about 3.5 s each on a 2-core machine — so the source goes in once per page and
 * each check is a plain `axe.run` limited to the widget's host element (axe walks open shadow roots itself).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright';

const require = createRequire(import.meta.url);
let source: string | undefined;

/** The minified axe-core the installed @axe-core/playwright uses. */
function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/**
 * Every WCAG 2.x A/AA rule and axe's best practices, violations only (passes are not collected). The size of a
 * target (2.5.8, WCAG 2.2 AA) is a rule axe leaves off unless asked.
 */
const OPTIONS: RunOptions = { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } };

/** Runs axe on the elements matching `hostSelector` (and their shadow trees); returns "rule (impact): targets" lines. */
export async function axeViolations(page: Page, hostSelector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const results = await page.evaluate(
    ([selector, options]) => (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run({ include: [[selector]] }, options),
    [hostSelector, OPTIONS] as const,
  );
  return results.violations.map((violation) => `${violation.id} (${violation.impact ?? ''}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}
