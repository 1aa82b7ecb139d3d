/** The script tag: only the loader until first use, then the hashed chunks; queued commands replay in order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { expectClean, holdParser, hostPage, launcher, openPage, panel, reporterToken, scriptJson, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';
import { moduleOfRequest } from './build';

/** The tag of the element focused inside the widget's panel, or null. */
const focusedInPanel = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.querySelector('uchi-support-panel')?.shadowRoot?.activeElement?.tagName ?? null);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the script-tag loader', () => {
  it('shows a focus ring on the launcher that a keyboard reaches, seen on a white page', async () => {
    const url = h.host.serve('/focus-ring', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await page.keyboard.press('Tab');
    const ring = () =>
      launcher(page).evaluate((button) => {
        const style = getComputedStyle(button);
        return { focused: button.matches(':focus-visible'), style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
      });
    // Focus loads the widget, which draws the ring: dark, on a white halo.
    await waitUntil(tracked, 'the launcher’s focus ring', async () => (await ring()).style === 'solid');
    expect(await ring()).toEqual({ focused: true, style: 'solid', width: '3px', color: 'rgb(17, 17, 17)' });
    await tracked.context.close();
  });

  it('keeps the launcher a button in forced colours, at the same size, and a toggle from the start', async () => {
    const url = h.host.serve('/forced-colours', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    const box = () =>
      launcher(page).evaluate((button) => {
        const { width, height } = button.getBoundingClientRect();
        return { width: Math.round(width), height: Math.round(height), border: getComputedStyle(button).borderTopStyle };
      });
    const plain = await box();
    await page.emulateMedia({ forcedColors: 'active' });
    // Hovering loads the widget, which brings the launcher's border: forced colours take its fill away.
    await launcher(page).hover();
    await waitUntil(tracked, 'the launcher’s border in forced colours', async () => (await box()).border === 'solid');
    expect(await box()).toEqual({ ...plain, border: 'solid' });
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    await page.emulateMedia({ forcedColors: 'none' });
    expect(await box()).toEqual({ ...plain, border: 'none' });
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('loads only loader.js until the launcher is used, then the chunks, and the form works', async () => {
    const url = h.host.serve('/plain', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    const widgetRequests: string[] = [];
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/widget/')) widgetRequests.push(path);
      if (path.startsWith('/api/')) apiRequests.push(path);
    });
    await page.goto(url);
    await visible(tracked, launcher(page));
    // Nothing else is fetched while the page sits there: no prefetch without a hover or focus.
    await page.waitForTimeout(400);
    expect(widgetRequests).toEqual(['/widget/loader.js']);
    expect(apiRequests).toEqual([]);
    expect(await panel(page).count()).toBe(0);

    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog, 'the panel', 15_000);
    const chunks = widgetRequests.slice(1);
    expect(chunks.length).toBeGreaterThan(0);
    // Named by content hash: the two entries by a prefix and the hash, the lazy chunks by the hash alone.
    for (const chunk of chunks) expect(chunk).toMatch(/^\/widget\/chunks\/(?:(?:w|app)-)?[\w-]{6}\.js$/);
    // The panel is a popover in the top layer, and the launcher says it is expanded.
    expect(await dialog.evaluate((element) => element.matches(':popover-open'))).toBe(true);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');

    await dialog.getByRole('button', { name: 'Тест', exact: true }).click();
    await visible(tracked, dialog.getByRole('button', { name: 'Изменить категорию «Тест»' }));
    const subject = dialog.getByLabel('Тема обращения');
    await subject.fill('Не открывается урок');
    expect(await subject.inputValue()).toBe('Не открывается урок');
    await visible(tracked, dialog.getByLabel('Текст вопроса теста'));

    await dialog.getByRole('button', { name: 'Закрыть техподдержку' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    // The launcher toggles: it opens the panel again, with what was typed, and closes it.
    await launcher(page).click();
    await visible(tracked, dialog, 'the panel again');
    expect(await subject.inputValue()).toBe('Не открывается урок');
    await launcher(page).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('says the launcher in the language setLocale names, before the widget runs and after', async () => {
    const url = h.host.serve('/set-locale', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, locale: 'en' }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    expect(await launcher(page).textContent()).toBe('Support');
    // Read in the same task as the call: the loader changes the text itself, without waiting for the widget.
    const said = await page.evaluate(() => {
      const w = window as unknown as { UchiSupport: ((...args: unknown[]) => unknown) & Record<string, (...args: unknown[]) => unknown> };
      const text = () => document.querySelector('uchi-support-launcher')?.shadowRoot?.querySelector('button')?.textContent;
      w.UchiSupport('setLocale', 'ru');
      const ru = text();
      w.UchiSupport.setLocale?.('en');
      return [ru, text()];
    });
    expect(said).toEqual(['Техподдержка', 'Support']);
    // A repeated `init` replaces the options, its language with them (two snippets on one page, an SPA's second).
    const again = await page.evaluate((apiUrl) => {
      const w = window as unknown as { UchiSupport: (...args: unknown[]) => unknown };
      const text = () => document.querySelector('uchi-support-launcher')?.shadowRoot?.querySelector('button')?.textContent;
      w.UchiSupport('init', { apiUrl, locale: 'ru' });
      const ru = text();
      w.UchiSupport('init', { apiUrl, locale: 'en' });
      return [ru, text()];
    }, h.apiUrl);
    expect(again).toEqual(['Техподдержка', 'Support']);
    expect(await page.locator('uchi-support-panel').count()).toBe(0);

    // Once the widget runs (a hover boots it and renders the panel hidden), the text still follows.
    await launcher(page).hover();
    await page.locator('uchi-support-panel .us-picker__option').first().waitFor({ state: 'attached', timeout: 15_000 });
    await page.evaluate(() => (window as unknown as { UchiSupport: (...args: unknown[]) => unknown }).UchiSupport('setLocale', 'ru'));
    await expect.poll(() => launcher(page).textContent()).toBe('Техподдержка');
    await launcher(page).click();
    await visible(tracked, panel(page).getByRole('heading', { name: 'О чём обращение?' }), 'the Russian form', 15_000);
    expect(await launcher(page).textContent()).toBe('Техподдержка');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('draws the launcher in the page’s accent and font before the widget runs', async () => {
    const theme = '<style>:root { --uchi-support-accent: rgb(176, 0, 32); --uchi-support-font: Georgia, serif; }</style>';
    const url = h.host.serve('/launcher-theme', { body: hostPage(theme + snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    const style = await launcher(page).evaluate((button) => {
      const computed = getComputedStyle(button);
      return { background: computed.backgroundColor, font: computed.fontFamily, weight: computed.fontWeight };
    });
    expect(style).toEqual({ background: 'rgb(176, 0, 32)', font: 'Georgia, serif', weight: '600' });
    expect(await page.locator('uchi-support-panel').count()).toBe(0);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('draws the launcher, without a font of the page’s, in the system font the panel opens in', async () => {
    const tracked = await openPage(h, h.host.serve('/launcher-font', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) }));
    const { page } = tracked;
    await visible(tracked, launcher(page));
    const family = () => launcher(page).evaluate((button) => getComputedStyle(button).fontFamily);
    expect(await family()).toBe('system-ui');
    await launcher(page).click();
    const title = panel(page).getByRole('heading', { level: 1 });
    await visible(tracked, title);
    const panelFont = await title.evaluate((heading) => getComputedStyle(heading).fontFamily);
    expect(panelFont.split(',')[0]?.trim()).toBe('system-ui');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('boots on hover: renders the form hidden before the click, and defines no custom element', async () => {
    const url = h.host.serve('/hover', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    const chunks: string[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/widget/chunks/')) chunks.push(path.slice('/widget/chunks/'.length));
    });
    await page.goto(url);
    await visible(tracked, launcher(page));
    await launcher(page).hover();
    // Never opened, yet the widget (one file) has arrived and the first screen is rendered, hidden.
    await page.locator('uchi-support-panel .us-picker__option').first().waitFor({ state: 'attached', timeout: 15_000 });
    expect(chunks.filter((name) => name.startsWith('w-'))).toHaveLength(1);
    expect(await page.locator('uchi-support-panel .us-picker__option').first().isVisible()).toBe(false);
    expect(await panel(page).count()).toBe(0);
    // Laid out already, so the click only has to show it; meanwhile the page under it gets the clicks.
    const prepared = await page.locator('uchi-support-panel .us-panel').evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { height: box.height, hitsPanel: hit?.closest('uchi-support-panel') !== null };
    });
    expect(prepared.height).toBeGreaterThan(100);
    expect(prepared.hitsPanel).toBe(false);
    expect(await launcher(page).getAttribute('aria-expanded')).not.toBe('true');
    // The main chunk is shared with element.js but carries none of its code: nothing is registered.
    expect(await page.evaluate(() => customElements.get('uchi-support-widget') === undefined)).toBe(true);
    await expectClean(tracked);
    await tracked.context.close();
  });

  // The fields past the category choice come right after the first frame the user sees; the attachments and the
  // draft's schemas only once the panel is used: an open that is only looked at does without them.
  it.each([
    ['a pointer moved over the panel', async (page: Page, box: { x: number; y: number; width: number; height: number }) => page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)],
    ['a key pressed in it', async (page: Page) => page.keyboard.press('Tab')],
  ])('loads the rest of the form at the panel\'s first use: %s', async (how, use) => {
    const url = h.host.serve(`/first-use-${how.split(' ')[1]}`, { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token: await reporterToken() }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    const requested: string[] = [];
    const finished: string[] = [];
    const chunk = moduleOfRequest();
    page.on('request', (request) => requested.push(chunk(request.url())));
    page.on('requestfinished', (request) => finished.push(chunk(request.url())));
    await page.goto(url);
    await visible(tracked, launcher(page));
    // By the keyboard, so the pointer stays on the launcher, outside the panel.
    await launcher(page).focus();
    await page.keyboard.press('Enter');
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Тест', exact: true }), 'the category choice', 15_000);
    await waitUntil(tracked, 'the fields past the choice, after the first frame', async () => finished.includes('src/widget/ticket-form/CategoryForm.tsx'), 15_000);
    // Asked for in the same task as those fields until now: by the time they have arrived, a request would show.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    expect(requested).not.toContain('src/widget/ticket-form/draft-validator.ts');
    expect(requested).not.toContain('src/widget/app/form-attachments-part.tsx');
    const box = await dialog.boundingBox();
    if (box === null) throw new Error('the panel has no box');
    await use(page, box);
    await waitUntil(tracked, 'the attachments and the draft\'s schemas after the first use', async () => finished.includes('src/widget/ticket-form/draft-validator.ts') && finished.includes('src/widget/app/form-attachments-part.tsx'), 15_000);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('opens a prepared panel above what the page put in the top layer meanwhile', async () => {
    const url = h.host.serve('/top-layer', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.goto(url);
    await visible(tracked, launcher(page));
    await launcher(page).hover();
    await page.locator('uchi-support-panel .us-picker__option').first().waitFor({ state: 'attached', timeout: 15_000 });
    // The page shows a popover of its own over the whole window, after the panel was prepared, then opens us.
    await page.evaluate(() => {
      const cover = document.body.appendChild(document.createElement('div'));
      cover.popover = 'manual';
      cover.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;border:0';
      cover.textContent = 'Cookies';
      cover.showPopover();
      (window as unknown as { UchiSupport: { open(): void } }).UchiSupport.open();
    });
    await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
    const onTop = await page.locator('uchi-support-panel .us-panel').evaluate((element) => {
      const box = element.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.tagName;
    });
    expect(onTop).toBe('UCHI-SUPPORT-PANEL');
    await expectClean(tracked);
    await tracked.context.close();
  });

  // A page's first Intl formatter, collator or Intl.Locale loads the ICU data: a task of 30–500 ms that opening
  // the panel must not cost the host page (plural rules are cheap, and i18next needs them).
  it('prepares and opens the first screen without loading the ICU data', async () => {
    const url = h.host.serve('/no-intl', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token: await reporterToken() }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    await tracked.context.addInitScript(() => {
      const used: string[] = [];
      (window as unknown as { intlUsed: string[] }).intlUsed = used;
      const intl = Intl as unknown as Record<string, object>;
      for (const name of ['DateTimeFormat', 'NumberFormat', 'ListFormat', 'RelativeTimeFormat', 'Collator', 'Locale', 'DisplayNames', 'Segmenter']) {
        const original = intl[name];
        if (original === undefined) continue;
        const note = () => used.push(name);
        intl[name] = new Proxy(original, {
          construct: (target, args, newTarget) => (note(), Reflect.construct(target as new () => object, args, newTarget)),
          apply: (target, self, args) => (note(), Reflect.apply(target as () => object, self, args)),
        });
      }
      for (const [owner, method] of [[String.prototype, 'localeCompare'], [Number.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleDateString'], [Date.prototype, 'toLocaleTimeString']] as const) {
        const record = owner as unknown as Record<string, (...args: unknown[]) => unknown>;
        const original = record[method];
        record[method] = function (this: unknown, ...args: unknown[]) {
          used.push(method);
          return original?.apply(this, args);
        };
      }
    });
    const api: string[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) api.push(new URL(request.url()).pathname);
    });
    await page.goto(url);
    await visible(tracked, launcher(page));
    await launcher(page).hover();
    await page.locator('uchi-support-panel .us-picker__option').first().waitFor({ state: 'attached', timeout: 15_000 });
    await launcher(page).click();
    await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
    // The user's tickets (for the unseen-changes check and duplicates) have arrived and been rendered with.
    await expect.poll(() => api.includes('/api/v1/tickets')).toBe(true);
    await panel(page).getByRole('button', { name: 'Тест', exact: true }).click();
    const description = panel(page).getByRole('textbox', { name: /Опишите проблему/ });
    await visible(tracked, description);
    expect(await page.evaluate(() => (window as unknown as { intlUsed: string[] }).intlUsed)).toEqual([]);

    // The same with a draft to restore: «Черновик от 14:02 восстановлен» is written without Intl too.
    await description.fill('Не открывается итоговый тест по охране труда.');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => localStorage.getItem(key)?.includes('итоговый тест')))).toBe(true);
    await page.reload();
    await visible(tracked, launcher(page));
    await launcher(page).hover();
    await launcher(page).click();
    await visible(tracked, panel(page).getByText(/Черновик от .+ восстановлен/));
    expect(await page.evaluate(() => (window as unknown as { intlUsed: string[] }).intlUsed)).toEqual([]);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('boots on keyboard focus as on hover: the first screen is rendered hidden before Enter', async () => {
    const url = h.host.serve('/focus', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.goto(url);
    await visible(tracked, launcher(page));
    expect(await page.locator('uchi-support-panel').count()).toBe(0);
    // Tab from the page's start reaches the launcher (the page has no other focusable element), no pointer.
    await page.keyboard.press('Tab');
    await expect.poll(() => launcher(page).evaluate((button) => button.matches(':focus'))).toBe(true);
    // The focus loads the widget, whose ring shows on the launcher (see the focus ring's own test).
    await expect.poll(() => launcher(page).evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    await page.locator('uchi-support-panel .us-picker__option').first().waitFor({ state: 'attached', timeout: 15_000 });
    expect(await page.locator('uchi-support-panel .us-picker__option').first().isVisible()).toBe(false);
    expect(await launcher(page).getAttribute('aria-expanded')).not.toBe('true');

    await page.keyboard.press('Enter');
    await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    // The prepared panel was inert until now: opening it still moves focus into it, to its title.
    await expect.poll(() => focusedInPanel(page)).toBe('H1');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('moves focus into the panel on every open, cold or again after Escape, and back to the launcher on close', async () => {
    const url = h.host.serve('/focus-every-open', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.goto(url);
    await visible(tracked, launcher(page));
    const launcherFocused = () => launcher(page).evaluate((button) => button.matches(':focus'));
    // A cold click: nothing prepared, the panel renders on the click.
    await launcher(page).click();
    await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
    await expect.poll(() => focusedInPanel(page), { timeout: 5_000 }).toBe('H1');
    // The page's own keys (a modal that closes on Escape, «/» for its search) hear none typed in the panel.
    await page.evaluate(() => {
      const w = window as unknown as { hostKeys: string[] };
      w.hostKeys = [];
      document.addEventListener('keydown', (event) => void w.hostKeys.push(event.key));
    });
    const hostKeys = () => page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys);
    for (let round = 0; round < 2; round += 1) {
      await page.keyboard.press('/');
      await page.keyboard.press('Escape');
      await expect.poll(launcherFocused, { timeout: 5_000 }).toBe(true);
      await page.keyboard.press('Enter');
      await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
      await expect.poll(() => focusedInPanel(page), { timeout: 5_000 }).toBe('H1');
    }
    // Enter on the launcher is the page's: the launcher is the loader's, not the panel's.
    expect((await hostKeys()).filter((key) => key !== 'Enter')).toEqual([]);
    // With the panel closed, Escape is the page's.
    await page.keyboard.press('Escape');
    await expect.poll(launcherFocused, { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Escape');
    expect((await hostKeys()).filter((key) => key !== 'Enter')).toEqual(['Escape']);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('moves focus into the panel on an open that comes before the close before it has rendered', async () => {
    const url = h.host.serve('/focus-close-open', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await launcher(page).click();
    await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
    await expect.poll(() => focusedInPanel(page), { timeout: 5_000 }).toBe('H1');
    // Escape and then Enter on the launcher, faster than the page renders: both in one task.
    const after = await page.evaluate(() => {
      const w = window as unknown as { UchiSupport: (command: string) => void };
      w.UchiSupport('close');
      w.UchiSupport('open');
      return document.querySelector('uchi-support-panel')?.shadowRoot?.activeElement?.tagName ?? null;
    });
    expect(after).toBe('H1');
    await expect.poll(() => focusedInPanel(page), { timeout: 5_000 }).toBe('H1');
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('gives the focus back to the page’s own button that opened the panel', async () => {
    const url = h.host.serve('/focus-opener', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await page.evaluate(() => {
      const button = document.querySelector('main')?.appendChild(document.createElement('button'));
      if (!button) throw new Error('no main');
      button.id = 'report';
      button.textContent = 'Сообщить о проблеме с курсом';
      button.addEventListener('click', () => (window as unknown as { UchiSupport: (command: string) => void }).UchiSupport('open'));
    });
    await page.locator('#report').focus();
    await page.keyboard.press('Enter');
    await visible(tracked, panel(page).getByRole('button', { name: 'Тест', exact: true }));
    // The open moves the focus into the panel, where Escape closes it.
    await expect.poll(() => focusedInPanel(page)).toBe('H1');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5_000 }).toBe('report');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('a second copy of the script (a tag added twice) leaves the first in charge: one launcher, commands work, one destroy', async () => {
    const head = `${snippet(h, [['init', { apiUrl: h.apiUrl, token: await reporterToken({ sub: 'twice' }) }]])}\n<script async src="${h.loaderUrl}"></script>`;
    const tracked = await openPage(h, h.host.serve('/loader-twice', { body: hostPage(head) }));
    const { page } = tracked;
    await visible(tracked, launcher(page));
    // Async scripts hold the page's load event: once it has come, both copies have run.
    await waitUntil(tracked, 'both copies ran', () => page.evaluate(() => document.readyState === 'complete'));
    expect(await page.locator('uchi-support-launcher').count()).toBe(1);
    await page.evaluate(() => (window as unknown as { UchiSupport: (command: string) => void }).UchiSupport('open'));
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    await page.evaluate(() => (window as unknown as { UchiSupport: (command: string) => void }).UchiSupport('destroy'));
    expect(await page.locator('uchi-support-launcher').count()).toBe(0);
    expect(await dialog.count()).toBe(0);
    // Nothing thrown by the second copy, nothing said in the console.
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('replays queued commands in order, and on() returns a working unsubscribe', async () => {
    const orderUrl = 'https://lms.example.ru/orders/5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    // As a host would write it: subscriptions first, then the commands, all before the loader exists.
    const head = `<script>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};
window.__log = [];
UchiSupport('on', 'ready', function () { window.__log.push('ready'); });
UchiSupport('on', 'open', function () { window.__log.push('open'); });
UchiSupport('init', ${scriptJson({ apiUrl: h.apiUrl, locale: 'en' })});
UchiSupport('setLocale', 'ru');
UchiSupport('open', ${scriptJson({ category: 'order', orderUrl })});</script>
<script async src="${h.loaderUrl}"></script>`;
    // A script in <head> holds the parser until the bundle has arrived: it boots with no <body> to render into.
    const parser = holdParser(h, '/held.js');
    const url = h.host.serve('/queued', { body: hostPage(`${head}<script src="/held.js"></script>`) });
    const tracked = await openPage(h);
    const { page } = tracked;
    const arrived = parser.bundleArrived(tracked);
    await page.goto(url, { waitUntil: 'commit' });
    await arrived;
    parser.release();
    const dialog = panel(page);
    await visible(tracked, dialog, 'the panel', 15_000);
    expect(await page.evaluate(() => (window as unknown as { __log: string[] }).__log)).toEqual(['ready', 'open']);
    // setLocale ran after init: the panel is Russian, and so is the launcher the loader drew in English.
    await visible(tracked, dialog.getByRole('button', { name: 'Изменить категорию «Заявка на обучение»' }));
    await expect.poll(() => page.locator('uchi-support-launcher').getByRole('button').textContent()).toBe('Техподдержка');
    expect(await dialog.getByLabel('Ссылка на заявку').inputValue()).toBe(orderUrl);

    // Method form and unsubscribe, now that the loader is in charge.
    const log = await page.evaluate(() => {
      const w = window as unknown as { UchiSupport: ((...args: unknown[]) => unknown) & Record<string, (...args: unknown[]) => unknown> };
      const seen: string[] = [];
      const offFirst = w.UchiSupport('on', 'close', () => seen.push('first')) as () => void;
      w.UchiSupport('on', 'close', () => seen.push('second'));
      offFirst();
      w.UchiSupport.close?.();
      return seen;
    });
    expect(log).toEqual(['second']);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expectClean(tracked);
    await tracked.context.close();
  });

  // Wrong inits the loader reads itself (it draws the launcher): the widget names the mistake once it loads (here,
  // on the hover), nothing is thrown, what was queued after the init still runs, and the launcher goes away.
  it.each([
    ['without options', (): string => '', '/init-without-options', 'UchiSupport init: the argument is missing (it must be object)'],
    ['with a placement that is not a string', (): string => `, { apiUrl: ${scriptJson(h.apiUrl)}, placement: 1 }`, '/init-placement-number', 'UchiSupport init: "placement" must be one of "bottom-right", "bottom-left"'],
  ] as const)('an init %s is reported, not thrown', async (_case, initArgs, path, message) => {
    const head = `<script>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};
window.__log = [];
UchiSupport('init'${initArgs()});
UchiSupport('on', 'error', function (error) { window.__log.push(error.message); });</script>
<script async src="${h.loaderUrl}"></script>`;
    const tracked = await openPage(h, h.host.serve(path, { body: hostPage(head) }));
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await launcher(page).hover();
    const log = () => page.evaluate(() => (window as unknown as { __log: string[] }).__log);
    await expect.poll(log, { timeout: 15_000 }).toEqual([message]);
    await expect.poll(() => launcher(page).isVisible()).toBe(false);
    // The mistake was told in the console, once.
    expect(tracked.errors).toEqual([expect.stringContaining(message) as unknown]);
    await tracked.context.close();
  });

  it('with only a getToken callback, shows the signed-in user from the first token and asks the LMS once', async () => {
    const token = await reporterToken({ sub: 'get-token-user', name: 'Кузнецов Дмитрий Олегович' });
    const head = `<script>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};
window.__asked = 0;
UchiSupport('init', { apiUrl: ${scriptJson(h.apiUrl)}, getToken: function () { window.__asked++; return Promise.resolve(${scriptJson(token)}); } });</script>
<script async src="${h.loaderUrl}"></script>`;
    const tracked = await openPage(h, h.host.serve('/get-token', { body: hostPage(head) }));
    const { page } = tracked;
    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog.getByText(/^Кузнецов Д\. О\./), 'the user from the token', 15_000);
    await dialog.getByText('отправим автоматически').click();
    await visible(tracked, dialog.getByText('Кузнецов Дмитрий Олегович'), 'the full name in the opened list');
    expect(await dialog.getByLabel('Ваше ФИО').count()).toBe(0);
    await dialog.getByRole('button', { name: /Мои обращения/ }).click();
    // Listing tickets is a signed-in call: it goes with the token already known, without asking again.
    await visible(tracked, dialog.getByText('У вас пока нет обращений.'), 'my (empty) tickets');
    expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(1);
    await expectClean(tracked);
    await tracked.context.close();
  });
});
