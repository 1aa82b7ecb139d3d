/** Inline mode (the LMS's «Техподдержка Uchi.Pro» section) and the `<uchi-support-widget>` element. */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, holdParser, hostPage, openPage, scriptJson, snippet, startHarness, visible } from './harness';
import type { Harness } from './harness';

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
    const subject = region.getByLabel('Тема обращения');
    await subject.fill('Не загружается видео');
    expect(await subject.inputValue()).toBe('Не загружается видео');
    expect(await region.getByRole('button', { name: 'Закрыть техподдержку' }).count()).toBe(0);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('<uchi-support-widget> from element.js renders inline and follows its attributes', async () => {
    const elementUrl = `${h.server.url}/widget/element.js`;
    const head = `<script type="module" src="${elementUrl}"></script>`;
    const body = `<main><h1>Поддержка</h1><div id="support"><uchi-support-widget api-url=${scriptJson(h.apiUrl)} locale="en"></uchi-support-widget></div></main>`;
    const tracked = await openPage(h, h.host.serve('/element', { body: hostPage(head, body) }));
    const { page } = tracked;
    const element = page.locator('uchi-support-widget');
    const english = element.getByRole('region', { name: 'Uchi.Pro support' });
    await visible(tracked, english, 'the element in English', 15_000);
    expect(await element.evaluate((node) => node.parentElement?.id)).toBe('support');
    // The locale attribute switches the language in place; removing the element removes the widget.
    await element.evaluate((node) => node.setAttribute('locale', 'ru'));
    await visible(tracked, element.getByRole('region', { name: 'Техподдержка Uchi.Pro' }), 'the element in Russian');
    expect(await element.getByLabel('Тема обращения').isEditable()).toBe(true);
    const left = await element.evaluate((node) => {
      node.remove();
      return node.querySelectorAll('uchi-support-inline').length;
    });
    expect(left).toBe(0);
    await expectClean(tracked);
    await tracked.context.close();
  });
});
