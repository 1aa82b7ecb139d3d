/**
 * What a user sees first, measured in Chromium rather than assumed: on a course page, at a laptop's and at a
 * phone's size, the first category option and, once one is chosen, the first text field are inside the
 * visible panel without any scrolling, and nothing on screen moves on its own while the form is used.
 */
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, hostPage, launcher, openPage, panel, reporterToken, snippet, startHarness, visible } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A layout shift the browser counts toward CLS (not within half a second of the user's input), with what moved. */
interface Shift {
  value: number;
  sources: string[];
}

/** Records every layout shift of the page from its first frame (the observer is buffered and installed before any script), with the moved boxes. */
function recordShifts(): void {
  const shifts: Shift[] = [];
  (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const name = node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : String(node?.nodeName ?? 'removed');
        const { previousRect: a, currentRect: b } = source;
        return `${name} ${Math.round(a.top)},${Math.round(a.left)} ${Math.round(a.width)}×${Math.round(a.height)} → ${Math.round(b.top)},${Math.round(b.left)} ${Math.round(b.width)}×${Math.round(b.height)}`;
      });
      shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The shifts recorded so far. */
async function shiftsOf(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}

/** Whether the element lies wholly inside the panel's visible box, and the panel has not been scrolled. */
async function inViewUnscrolled(dialog: Locator, element: Locator): Promise<{ inside: boolean; scrollTop: number }> {
  const box = await element.boundingBox();
  const frame = await dialog.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { top: rect.top, bottom: rect.top + node.clientHeight, left: rect.left, right: rect.right, scrollTop: node.scrollTop };
  });
  if (box === null) return { inside: false, scrollTop: frame.scrollTop };
  const inside = box.y >= frame.top && box.y + box.height <= frame.bottom && box.x >= frame.left && box.x + box.width <= frame.right;
  return { inside, scrollTop: frame.scrollTop };
}

describe('the first screen', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('at %i×%i the first category option, then the description, need no scrolling', async (width, height) => {
    const token = await reporterToken({ sub: `first-screen-${width}`, name: 'Иванова Анна Сергеевна', role: 'listener' });
    const url = h.host.serve(`/courses/7f3c9a1e-5b2d-4c8e-9a61-2f0d3b4c5e6f-${width}`, { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const tracked = await openPage(h);
    await tracked.page.setViewportSize({ width, height });
    await tracked.page.addInitScript(recordShifts);
    await tracked.page.goto(url);
    await visible(tracked, launcher(tracked.page));
    await launcher(tracked.page).click();
    const dialog = panel(tracked.page);
    const first = dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button').first();
    await visible(tracked, first, 'the first category option', 15_000);
    expect(await first.getAttribute('aria-labelledby')).not.toBeNull();
    // What shifted while the panel opened belongs to the loading of the panel; the form's own part starts here.
    const atOpen = (await shiftsOf(tracked.page)).length;
    expect(await inViewUnscrolled(dialog, first)).toEqual({ inside: true, scrollTop: 0 });

    await first.click();
    // Straight to where the user writes: the description, focused and in view (the subject is proposed from it).
    const description = dialog.getByLabel('Опишите проблему');
    await visible(tracked, description, 'the description field');
    expect(await description.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await inViewUnscrolled(dialog, description)).toEqual({ inside: true, scrollTop: 0 });
    // The send button stays in view at the bottom of the panel while the form is longer than it.
    expect((await inViewUnscrolled(dialog, dialog.getByRole('button', { name: 'Отправить обращение' }))).inside).toBe(true);

    // Changing the category through the chip and choosing another swaps the fields in place.
    await dialog.getByRole('button', { name: /^Изменить категорию/ }).click();
    await dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button', { name: /^Тест/ }).click();
    await visible(tracked, dialog.getByLabel('Текст вопроса теста'), 'the test question field');

    // Notices that appear while the user types move nothing on screen.
    await description.fill('Не открывается итоговый тест по охране труда. Кроме того, в заявке № 15 неправильно указана фамилия слушателя.');
    await visible(tracked, dialog.getByText('Одна заявка — одна проблема').first(), 'the one-problem notice');
    // Once the form is there, choosing and changing the category and the notice move nothing on their own:
    // the layout-shift score (shifts within half a second of input do not count) stays 0.
    expect((await shiftsOf(tracked.page)).slice(atOpen)).toEqual([]);
    await expectClean(tracked);
    await tracked.context.close();
  });
});
