/** Inline mode (the LMS's «Техподдержка Uchi.Pro» section) and the `<uchi-support-widget>` element. */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, holdParser, hostPage, openPage, scriptJson, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';
import { builtFileOf } from './build';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Where the widget's host element sits and what else the widget put on the page. */
function placement(page: Page, hostTag: string) {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    return {
      parentId: host?.parentElement?.id ?? null,
      hasShadow: host?.shadowRoot instanceof ShadowRoot,
      launchers: document.querySelectorAll('uchi-support-launcher').length,
      popovers: host?.shadowRoot?.querySelectorAll('[popover]').length ?? -1,
    };
  }, hostTag);
}

describe('inline', () => {
  it('init with mode inline renders into the container, even when the loader runs before it is parsed', async () => {
    // The snippet sits in <head>; a script before the container holds the parser until the bundle has arrived,
    // so the bundle is ready before `#support` exists and must wait for it.
    const parser = holdParser(h, '/held-inline.js');
    const head = snippet(h, [['init', { apiUrl: h.apiUrl, mode: 'inline', container: '#support' }]]);
    const body = '<main><h1>Техподдержка Uchi.Pro</h1><script src="/held-inline.js"></script><div id="support"></div></main>';
    const tracked = await openPage(h);
    const { page } = tracked;
    const arrived = parser.bundleArrived(tracked);
    await page.goto(h.host.serve('/inline', { body: hostPage(head, body) }), { waitUntil: 'commit' });
    await arrived;
    parser.release();
    const region = page.locator('#support').getByRole('region', { name: 'Техподдержка Uchi.Pro' });
    await visible(tracked, region, 'the inline widget', 15_000);
    expect(await placement(page, 'uchi-support-inline')).toEqual({ parentId: 'support', hasShadow: true, launchers: 0, popovers: 0 });
    // Inside the container's box, and usable.
    const container = await page.locator('#support').boundingBox();
    const box = await region.boundingBox();
    expect(container !== null && box !== null && box.y >= container.y && box.x >= container.x).toBe(true);
    await region.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    const subject = region.getByLabel('Тема обращения');
    await subject.fill('Не загружается видео');
    expect(await subject.inputValue()).toBe('Не загружается видео');
    expect(await region.getByRole('button', { name: 'Закрыть техподдержку' }).count()).toBe(0);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('in a dialog of the page’s own, opened by its own button: no launcher, and the dialog keeps the focus and closes on Escape', async () => {
    const head = snippet(h, [['init', { apiUrl: h.apiUrl, mode: 'inline', container: '#support-body' }]]);
    const body = `<main><h1>Курс</h1><button id="help" type="button">Помощь</button>
      <dialog id="support-dialog" aria-label="Техподдержка"><div id="support-body"></div></dialog></main>`;
    const tracked = await openPage(h, h.host.serve('/own-dialog', { body: hostPage(head, body) }));
    const { page } = tracked;
    await page.evaluate(() => {
      const dialog = document.getElementById('support-dialog') as HTMLDialogElement;
      document.getElementById('help')?.addEventListener('click', () => dialog.showModal());
    });
    await page.locator('#help').click();
    const region = page.locator('#support-body').getByRole('region', { name: 'Техподдержка Uchi.Pro' });
    await visible(tracked, region, 'the widget in the page’s dialog', 15_000);
    expect(await placement(page, 'uchi-support-inline')).toMatchObject({ parentId: 'support-body', launchers: 0 });
    await region.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    // Keys typed in the widget are not the page's: its «/» shortcut does not fire while the user types one.
    await page.evaluate(() => {
      const w = window as unknown as { pageKeys: string[] };
      w.pageKeys = [];
      document.addEventListener('keydown', (event) => void w.pageKeys.push(event.key));
    });
    await region.getByLabel('Тема обращения').pressSequentially('Не загружается видео / звук');
    expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);
    await region.getByLabel('Тема обращения').fill('Не загружается видео');
    // The modal dialog keeps Tab inside it; Escape closes it, and the focus returns to the page's button.
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.id ?? document.activeElement?.id ?? null)).toBe('support-dialog');
    await page.keyboard.press('Escape');
    await waitUntil(tracked, 'the dialog closed', () => page.evaluate(() => !(document.getElementById('support-dialog') as HTMLDialogElement).open));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help');
    // Opened again, what was typed is there.
    await page.locator('#help').click();
    expect(await region.getByLabel('Тема обращения').inputValue()).toBe('Не загружается видео');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('fetches the English texts only for English, never shows Russian first, and keeps Russian when they fail', async () => {
    const body = '<main><h1>Support</h1><div id="support"></div></main>';
    const englishFile = `/widget/${builtFileOf('src/widget/app/english.ts')}`;
    const english = (path: string) => path === englishFile;

    // Russian first: no English chunk. Switching asks for it, then the texts change in place.
    const ru = await openPage(h);
    const fetched: string[] = [];
    ru.page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await ru.page.goto(h.host.serve('/inline-ru', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, mode: 'inline', container: '#support' }]]), body) }));
    const russian = ru.page.locator('#support').getByRole('region', { name: 'Техподдержка Uchi.Pro' });
    await visible(ru, russian.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the Russian form', 15_000);
    expect(fetched.filter(english)).toEqual([]);
    await ru.page.evaluate(() => (window as unknown as { UchiSupport: (...args: unknown[]) => void }).UchiSupport('setLocale', 'en'));
    const switched = ru.page.locator('#support').getByRole('region', { name: 'Uchi.Pro support' });
    await visible(ru, switched.getByRole('button', { name: 'Other question', exact: true }), 'the form in English');
    expect(fetched.filter(english)).toHaveLength(1);
    await expectClean(ru);
    await ru.context.close();

    // English from the start: the only text the page ever shows is English.
    const en = await openPage(h);
    // Sampled every frame: a text that was ever painted is in the list.
    await en.page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__shownLabels', { value: seen });
      const started = performance.now();
      const sample = () => {
        const label = document.querySelector('uchi-support-inline')?.shadowRoot?.querySelector('section[aria-label]')?.getAttribute('aria-label');
        if (label !== undefined && label !== null && seen.at(-1) !== label) seen.push(label);
        if (performance.now() - started < 10_000) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const enInit = [['init', { apiUrl: h.apiUrl, mode: 'inline', container: '#support', locale: 'en' }]];
    await en.page.goto(h.host.serve('/inline-en', { body: hostPage(snippet(h, enInit), body) }));
    await visible(en, en.page.locator('#support').getByRole('region', { name: 'Uchi.Pro support' }).getByRole('button', { name: 'Other question', exact: true }), 'the English form', 15_000);
    expect(await en.page.evaluate(() => (window as unknown as { __shownLabels: string[] }).__shownLabels)).toEqual(['Uchi.Pro support']);
    await expectClean(en);
    await en.context.close();

    // The English chunk cannot load: the widget speaks Russian and says why through the error event.
    const failing = await openPage(h);
    await failing.context.route((url) => url.pathname === englishFile, (route) => route.abort('connectionrefused'));
    const withLog = snippet(h, enInit, { extra: "\nwindow.__errors = []; UchiSupport('on', 'error', function (e) { window.__errors.push(e.message); });" });
    await failing.page.goto(h.host.serve('/inline-en-failing', { body: hostPage(withLog, body) }));
    await visible(failing, failing.page.locator('#support').getByRole('region', { name: 'Техподдержка Uchi.Pro' }).getByRole('button', { name: 'Другой вопрос', exact: true }), 'the Russian form', 15_000);
    expect(await failing.page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([
      'UchiSupport: the English texts could not be loaded; showing Russian',
    ]);
    await failing.context.close();
  });

  it('<uchi-support-widget> from element.js renders inline and follows its attributes', async () => {
    const elementUrl = `${h.server.url}/widget/element.js`;
    const head = `<script type="module" src="${elementUrl}"></script>`;
    const body = `<main><h1>Поддержка</h1><div id="support"><uchi-support-widget api-url=${scriptJson(h.apiUrl)} locale="en" heading-level="2"></uchi-support-widget></div></main>`;
    const tracked = await openPage(h, h.host.serve('/element', { body: hostPage(head, body) }));
    const { page } = tracked;
    const element = page.locator('uchi-support-widget');
    const english = element.getByRole('region', { name: 'Uchi.Pro support' });
    await visible(tracked, english, 'the element in English', 15_000);
    expect(await element.evaluate((node) => node.parentElement?.id)).toBe('support');
    // Under the page's own h1: the widget's title is an h2.
    expect(await element.getByRole('heading', { name: 'Uchi.Pro support', level: 2 }).count()).toBe(1);
    // The locale attribute switches the language in place; removing the element removes the widget.
    await element.evaluate((node) => node.setAttribute('locale', 'ru'));
    await visible(tracked, element.getByRole('region', { name: 'Техподдержка Uchi.Pro' }), 'the element in Russian');
    await element.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    expect(await element.getByLabel('Тема обращения').isEditable()).toBe(true);
    // What attributes cannot carry is a property, applied in place; the widget's events come out as DOM events. The
    // context shows while the first token is awaited (with none to come the form is a guest's).
    await element.evaluate((node) => {
      (node as HTMLElementTagNameMap['uchi-support-widget']).getToken = () => new Promise<string>(() => undefined);
      (node as HTMLElementTagNameMap['uchi-support-widget']).context = { fullName: 'Сидорова Мария Ивановна', role: 'teacher', organization: { title: 'ООО «Учебный центр»' }, lmsUrl: 'https://lms.example.ru' };
    });
    await visible(tracked, element.getByText(/Сидорова/).first(), 'the context set as a property');
    const heard = await element.evaluate(
      (node) =>
        new Promise<string>((resolve) => {
          node.closest('main')?.addEventListener('uchi-support:ready', (event) => resolve(`${event.type} ${String((event as CustomEvent).detail)}`), { once: true });
          (node as HTMLElementTagNameMap['uchi-support-widget']).getToken = () => null;
        }),
    );
    expect(heard).toBe('uchi-support:ready null');
    const left = await element.evaluate((node) => {
      node.remove();
      return node.querySelectorAll('uchi-support-inline').length;
    });
    expect(left).toBe(0);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('lifts the line pointing to the one-problem check above the sticky send bar as the page scrolls', async () => {
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.setViewportSize({ width: 390, height: 450 });
    const body = '<main><h1>Техподдержка Uchi.Pro</h1><div id="support"></div><div style="height:1200px"></div></main>';
    await page.goto(h.host.serve('/inline-pointer', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, mode: 'inline', container: '#support' }]]), body) }));
    const region = page.locator('#support').getByRole('region', { name: 'Техподдержка Uchi.Pro' });
    await visible(tracked, region.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the inline form', 15_000);
    await region.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    const field = region.getByLabel('Опишите проблему');
    await visible(tracked, field, 'the description');
    await field.focus();
    // The page scrolled so that the description's foot sits on the sticky send bar, as while typing on a phone.
    const bar = region.locator('.us-submit-bar');
    await page.evaluate(() => window.scrollTo(0, 0));
    const [fieldBox, barBox] = [await field.boundingBox(), await bar.boundingBox()];
    await page.evaluate((by) => window.scrollBy(0, by), (fieldBox?.y ?? 0) + (fieldBox?.height ?? 0) - (barBox?.y ?? 0) + 2);
    await field.fill('Не открывается тест по охране труда, ошибка 403. Кроме того, счёт на оплату так и не пришёл.');
    const pointer = region.locator('.us-field__problems').getByRole('button', { name: 'Разделить или подтвердить' });
    await waitUntil(tracked, 'the line pointing to the check above the send bar', async () => {
      const [line, foot] = [await pointer.boundingBox(), await bar.boundingBox()];
      return line !== null && foot !== null && line.y >= 0 && line.y + line.height <= foot.y;
    });
    expect(await field.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    // The line's button takes the focus to the check far down the form, and the page scrolls to show it: the
    // inline widget has no scroller of its own.
    await pointer.click();
    const panel = region.locator('.us-one-problem__panel');
    await waitUntil(tracked, 'the check focused and on screen', async () => {
      const [box, focused] = [await panel.boundingBox(), await panel.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)];
      const height = await page.evaluate(() => window.innerHeight);
      return focused && box !== null && box.y >= 0 && box.y + Math.min(box.height, 120) <= height;
    });
    await expectClean(tracked);
    await tracked.context.close();
  });
});
