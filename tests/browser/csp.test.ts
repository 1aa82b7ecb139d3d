/** The widget under a strict host CSP with Trusted Types: no violation, no console error, through a whole ticket. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, fillBasics, hostPage, launcher, openPage, panel, PASTE_PNG, reporterToken, send, snippet, startHarness, violations, visible } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/**
 * What the README tells a host to allow, and nothing more: the loader by nonce (+ strict-dynamic for the chunks
 * it imports), the API for connect-src, blob:/data: images for thumbnails. No style-src at all: adopted
 * stylesheets and CSSOM styles are not subject to it. Trusted Types on, and no policy may be created.
 */
function strictCsp(nonce: string, extra: { styleSrc?: string } = {}): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src ${extra.styleSrc ?? "'none'"}`,
    'img-src blob: data:',
    `connect-src ${new URL(h.apiUrl).origin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

describe('strict CSP and Trusted Types', () => {
  it('opens, attaches a pasted screenshot, sends a ticket and lists it with zero violations', async () => {
    const nonce = randomBytes(16).toString('base64');
    const token = await reporterToken({ sub: 'csp-user' });
    const head = snippet(h, [['init', { apiUrl: h.apiUrl, token }]], { nonce });
    const url = h.host.serve('/strict', { body: hostPage(head), headers: { 'content-security-policy': strictCsp(nonce) } });
    const tracked = await openPage(h, url);
    const { page } = tracked;

    await visible(tracked, launcher(page));
    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    // Styled by the adopted stylesheets although style-src is 'none'.
    expect(await dialog.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');

    await fillBasics(dialog, { category: 'Другой вопрос', subject: 'Проверка CSP', description: 'Как скачать удостоверение после окончания курса?' });
    await dialog.getByLabel('Опишите проблему').evaluate(PASTE_PNG);
    const thumbnail = dialog.getByRole('img', { name: 'screenshot.png' });
    await visible(tracked, thumbnail, 'the thumbnail');
    expect(await thumbnail.getAttribute('src')).toMatch(/^(blob|data):/);
    await visible(tracked, dialog.getByText('Загружен', { exact: true }), 'the upload', 15_000);
    await send(tracked, dialog);

    await dialog.getByRole('button', { name: /Мои обращения/ }).click();
    await visible(tracked, dialog.getByText('Проверка CSP'), 'the ticket in my tickets');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('without adoptedStyleSheets, falls back to <style nonce> and stays within style-src', async () => {
    const nonce = randomBytes(16).toString('base64');
    const styleNonce = randomBytes(16).toString('base64');
    const head = snippet(h, [['init', { apiUrl: h.apiUrl, nonce: styleNonce }]], { nonce });
    const csp = strictCsp(nonce, { styleSrc: `'nonce-${styleNonce}'` });
    const url = h.host.serve('/strict-fallback', { body: hostPage(head), headers: { 'content-security-policy': csp } });
    const tracked = await openPage(h);
    const { page } = tracked;
    // A browser without constructable stylesheets in shadow roots (the launcher then is plain, the panel is not).
    await tracked.context.addInitScript(() => {
      delete (ShadowRoot.prototype as unknown as Record<string, unknown>)['adoptedStyleSheets'];
    });
    await page.goto(url);
    await visible(tracked, launcher(page));
    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    await dialog.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    await visible(tracked, dialog.getByRole('button', { name: 'Отправить обращение' }), 'the send button');
    const styles = await page.evaluate(() => {
      const root = document.querySelector('uchi-support-panel')?.shadowRoot;
      const submit = root?.querySelector('button[type="submit"]');
      return {
        nonced: [...(root?.querySelectorAll('style') ?? [])].map((style) => style.nonce !== ''),
        panel: root === null || root === undefined ? '' : getComputedStyle(root.querySelector('.us-panel') as Element).position,
        submitMinHeight: submit === null || submit === undefined ? '' : getComputedStyle(submit).minHeight,
      };
    });
    expect(styles.nonced.length).toBeGreaterThan(1);
    expect(styles.nonced.every(Boolean)).toBe(true);
    expect(styles.panel).toBe('fixed');
    expect(styles.submitMinHeight).toBe('40px');
    expect(await violations(page)).toEqual([]);
    await expectClean(tracked);
    await tracked.context.close();
  });
});
