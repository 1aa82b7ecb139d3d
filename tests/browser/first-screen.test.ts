/**
 * What a user sees first, measured in Chromium rather than assumed: on a course page, at a laptop's and at a
 * phone's size, the first category option and, once one is chosen, the first text field are inside the
 * visible panel without any scrolling; nothing on screen moves on its own from the page's first frame, through
 * the opening of the panel, while the form is used; and on a phone the on-screen keyboard hides no field.
 */
import type { Locator, Page, Route } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, fillBasics, hostPage, launcher, openPage, panel, reporterToken, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness, TrackedPage } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A layout shift, with what moved; `recent`: within half a second of the user's input (CLS leaves those out). */
interface Shift {
  value: number;
  recent: boolean;
  sources: string[];
}

/** Records every layout shift of the page from its first frame (the observer is buffered and installed before any script), with the moved boxes. */
function recordShifts(): void {
  const shifts: Shift[] = [];
  (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
      const sources = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const name = node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : String(node?.nodeName ?? 'removed');
        const { previousRect: a, currentRect: b } = source;
        return `${name} ${Math.round(a.top)},${Math.round(a.left)} ${Math.round(a.width)}×${Math.round(a.height)} → ${Math.round(b.top)},${Math.round(b.left)} ${Math.round(b.width)}×${Math.round(b.height)}`;
      });
      shifts.push({ value: entry.value, recent: entry.hadRecentInput, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The shifts recorded so far, once the browser has delivered those of the frames drawn until now. */
async function shiftsOf(page: Page): Promise<Shift[]> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return [...(window as unknown as { __shifts: Shift[] }).__shifts];
  });
}

/** The layout-shift score of `shifts` as CLS counts it (input-adjacent shifts left out), or every shift when `strict`. */
function score(shifts: Shift[], strict = false): number {
  return shifts.filter((shift) => strict || !shift.recent).reduce((sum, shift) => sum + shift.value, 0);
}

/**
 * Holds the API's answers until `release()`: what the panel asks for when it opens arrives only after the panel
 * is drawn, as on a slow network, so content that came late and pushed the form would show as a shift.
 */
async function holdApi(tracked: TrackedPage): Promise<{ release(): Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  await tracked.page.route(
    (url) => url.href.startsWith(h.apiUrl),
    async (route) => {
      if (released) await route.continue();
      else held.push(route);
    },
  );
  return {
    async release() {
      released = true;
      const answered = held.map((route) => tracked.page.waitForResponse((response) => response.request() === route.request()));
      for (const route of held.splice(0)) await route.continue();
      await Promise.all(answered);
    },
  };
}

/** Whether the element lies wholly inside what the user can see: the visual viewport and the panel's box. */
async function inVisibleArea(dialog: Locator, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  if (box === null) return false;
  const frame = await dialog.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    const view = window.visualViewport;
    const top = Math.max(rect.top, view?.offsetTop ?? 0);
    const bottom = Math.min(rect.top + node.clientHeight, (view?.offsetTop ?? 0) + (view?.height ?? window.innerHeight));
    return { top, bottom };
  });
  return box.y >= frame.top && box.y + box.height <= frame.bottom;
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

/** A signed-in listener's LMS page (at `size`, when given) with the panel opened from the launcher. */
async function openPanel(sub: string, path: string, size?: { width: number; height: number }): Promise<{ tracked: TrackedPage; dialog: Locator }> {
  const token = await reporterToken({ sub, name: 'Иванова Анна Сергеевна', role: 'listener' });
  const url = h.host.serve(path, { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
  const tracked = await openPage(h);
  if (size !== undefined) await tracked.page.setViewportSize(size);
  await tracked.page.goto(url);
  await visible(tracked, launcher(tracked.page));
  await launcher(tracked.page).click();
  return { tracked, dialog: panel(tracked.page) };
}

describe('the first screen', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('at %i×%i the first category option, then the description, need no scrolling, and nothing shifts from load through opening', async (width, height) => {
    const token = await reporterToken({ sub: `first-screen-${width}`, name: 'Иванова Анна Сергеевна', role: 'listener' });
    const url = h.host.serve(`/courses/7f3c9a1e-5b2d-4c8e-9a61-2f0d3b4c5e6f-${width}`, { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const tracked = await openPage(h);
    await tracked.page.setViewportSize({ width, height });
    await tracked.page.addInitScript(recordShifts);
    // Friday 18:00 MSK: support is closed, so the closed-hours notice (the longer one) stands above the form.
    await tracked.page.clock.setSystemTime(new Date('2026-11-27T15:00:00Z'));
    const api = await holdApi(tracked);
    await tracked.page.goto(url);
    await visible(tracked, launcher(tracked.page));
    const beforeOpen = (await shiftsOf(tracked.page)).length;
    await launcher(tracked.page).click();
    const dialog = panel(tracked.page);
    const first = dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button').first();
    await visible(tracked, first, 'the first category option', 15_000);
    await visible(tracked, dialog.getByText(/Сейчас нерабочее время/), 'the closed-hours notice');
    expect(await first.getAttribute('aria-labelledby')).not.toBeNull();
    expect(await inViewUnscrolled(dialog, first)).toEqual({ inside: true, scrollTop: 0 });
    // The panel opens at its final size: what it asked the API for arrives after it is drawn and moves nothing.
    // Every shift of the opening counts, even those CLS forgives for following the click, so a slower machine
    // (which would push them past that half second) cannot hide one.
    await api.release();
    const opened = await shiftsOf(tracked.page);
    const opening = opened.slice(beforeOpen);
    expect(score(opening, true), JSON.stringify(opening, null, 2)).toBeLessThan(0.05);
    const atOpen = opened.length;

    await first.click();
    // Straight to where the user writes: the description, focused and in view (the subject is proposed from it).
    const description = dialog.getByLabel('Опишите проблему');
    await visible(tracked, description, 'the description field');
    expect(await description.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await inViewUnscrolled(dialog, description)).toEqual({ inside: true, scrollTop: 0 });
    expect((await inViewUnscrolled(dialog, dialog.getByLabel('Тема обращения'))).inside).toBe(true);
    // The send button stays in view at the bottom of the panel while the form is longer than it.
    expect((await inViewUnscrolled(dialog, dialog.getByRole('button', { name: 'Отправить обращение' }))).inside).toBe(true);

    // Changing the category through the chip and choosing another swaps the fields in place.
    await dialog.getByRole('button', { name: /^Изменить категорию/ }).click();
    await dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button', { name: /^Тест/ }).click();
    await visible(tracked, dialog.getByLabel('Текст вопроса теста'), 'the test question field');

    // Notices that appear while the user types move nothing on screen.
    await description.fill('Не открывается итоговый тест по охране труда. Кроме того, в заявке № 15 неправильно указана фамилия слушателя.');
    await visible(tracked, dialog.getByText('Одна заявка — одна проблема').first(), 'the one-problem notice');
    // Once the form is there, choosing and changing the category and the notice move nothing on their own
    // (shifts within half a second of input do not count), and the page's whole layout-shift score stays
    // under 0.05 from its first frame on.
    const all = await shiftsOf(tracked.page);
    expect(all.slice(atOpen).filter((shift) => !shift.recent)).toEqual([]);
    expect(score(all), JSON.stringify(all, null, 2)).toBeLessThan(0.05);
    await expectClean(tracked);
    await tracked.context.close();
  });
});

describe('choosing a category in a short window', () => {
  it('shows the first field whole with its label and the chip, between the sticky header and send bar', async () => {
    const token = await reporterToken({ sub: 'first-screen-short', name: 'Иванова Анна Сергеевна', role: 'listener' });
    const url = h.host.serve('/courses/short-window', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const tracked = await openPage(h);
    await tracked.page.setViewportSize({ width: 1280, height: 560 });
    await tracked.page.goto(url);
    await visible(tracked, launcher(tracked.page));
    await launcher(tracked.page).click();
    const dialog = panel(tracked.page);
    const choice = dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button');
    await visible(tracked, choice.first(), 'the first category option', 15_000);
    const count = await choice.count();
    expect(count).toBe(7);
    // Each choice in turn, the panel scrolled as far as reaching it takes (the last ones need it).
    for (let index = 0; index < count; index++) {
      if (index > 0) await dialog.getByRole('button', { name: /^Изменить категорию/ }).click();
      const option = choice.nth(index);
      await option.scrollIntoViewIfNeeded();
      const name = (await option.locator('.us-picker__label').textContent()) ?? '';
      await option.click();
      // The first field to type into: the description, empty for every category here (a suggestion's asks for one).
      const description = dialog.getByLabel(/^Опишите (проблему|предложение)$/);
      await visible(tracked, description, 'the description field');
      expect(await description.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      // Measured once the browser has drawn the frame after the choice (nothing scrolls it a task later).
      await tracked.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
      // The panel's visible box below its sticky header, and where the field with its label, the chip and the send
      // bar are in it.
      const frame = await dialog.evaluate((node) => ({
        top: node.querySelector('.us-shell__top')?.getBoundingClientRect().bottom ?? Number.NaN,
        bottom: node.getBoundingClientRect().top + node.clientHeight,
      }));
      const boxes = await description.evaluate((node) => {
        const root = node.getRootNode() as ShadowRoot;
        const rect = (element: Element | null | undefined) => {
          const box = element?.getBoundingClientRect();
          return box === undefined ? null : { top: box.top, bottom: box.bottom };
        };
        return { field: rect(node.closest('.us-field')), input: rect(node), chip: rect(root.querySelector('.us-chip-row')), bar: rect(root.querySelector('.us-submit-bar')) };
      });
      const { field, input, chip, bar } = boxes;
      if (field === null || input === null || chip === null || bar === null) throw new Error(`missing: ${JSON.stringify(boxes)}`);
      // The chip shows below the header: at least most of it, as in this short window its top edge may pass under
      // the header while the send bar is taller, waiting for the attachments (the field is kept above that bar).
      expect(chip.bottom - frame.top, `${name}: the chip`).toBeGreaterThanOrEqual((chip.bottom - chip.top) / 2);
      expect(field.top, `${name}: the label`).toBeGreaterThanOrEqual(frame.top);
      expect(input.bottom, `${name}: the field, above the send bar`).toBeLessThanOrEqual(bar.top);
      expect(bar.bottom, name).toBeLessThanOrEqual(frame.bottom + 1);
    }
    await expectClean(tracked);
    await tracked.context.close();
  });
});

describe('a window made short by zoom', () => {
  it('at 640×400 (a laptop at 200%) the panel takes the whole window, and the description has room between header and send bar', async () => {
    const token = await reporterToken({ sub: 'first-screen-zoomed', name: 'Иванова Анна Сергеевна', role: 'listener' });
    const url = h.host.serve('/courses/zoomed-window', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const tracked = await openPage(h);
    await tracked.page.setViewportSize({ width: 640, height: 400 });
    await tracked.page.goto(url);
    await visible(tracked, launcher(tracked.page));
    await launcher(tracked.page).click();
    const dialog = panel(tracked.page);
    const first = dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button').first();
    await visible(tracked, first, 'the first category option', 15_000);
    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 640, height: 400 });
    await first.click();
    const description = dialog.getByLabel('Опишите проблему');
    await visible(tracked, description, 'the description field');
    const room = await dialog.evaluate((node) => {
      const root = node.getRootNode() as ShadowRoot;
      const top = node.querySelector('.us-shell__top')?.getBoundingClientRect().bottom ?? Number.NaN;
      const bar = root.querySelector('.us-submit-bar')?.getBoundingClientRect().top ?? Number.NaN;
      return bar - top;
    });
    // More than half of the window is left to the form (a floating panel left it about 125 px).
    expect(room).toBeGreaterThan(200);
    await expectClean(tracked);
    await tracked.context.close();
  });
});

describe('sending', () => {
  it('keeps the focus in the panel from the send to the confirmation: never on the page\'s body', async () => {
    const { tracked, dialog } = await openPanel('first-screen-send-focus', '/courses/send-focus');
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the categories', 15_000);
    await fillBasics(dialog, { category: 'Другой вопрос', subject: 'Фокус после отправки', description: 'Куда уходит фокус после отправки обращения?' });
    // Every frame from the send on: where the focus is.
    await tracked.page.evaluate(() => {
      const w = window as unknown as { __onBody: number; __watch: boolean };
      w.__onBody = 0;
      w.__watch = true;
      const tick = () => {
        if (document.activeElement === document.body) w.__onBody += 1;
        if (w.__watch) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await dialog.getByRole('button', { name: 'Отправить обращение' }).focus();
    await tracked.page.keyboard.press('Enter');
    const confirmation = dialog.locator('.us-confirmation');
    await waitUntil(tracked, 'the confirmation with the focus', () => confirmation.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement), 15_000);
    const onBody = await tracked.page.evaluate(() => {
      const w = window as unknown as { __onBody: number; __watch: boolean };
      w.__watch = false;
      return w.__onBody;
    });
    expect(onBody).toBe(0);
    await expectClean(tracked);
    await tracked.context.close();
  });
});

describe('a window made very short by zoom', () => {
  it('at 320×200 (a laptop at 400%) the send bar stays after the form with its reason whole, covering nothing', async () => {
    const { tracked, dialog } = await openPanel('first-screen-zoomed-400', '/courses/zoomed-400', { width: 320, height: 200 });
    await visible(tracked, dialog.getByRole('button', { name: 'Ошибка в работе СДО', exact: true }), 'the categories', 15_000);
    await dialog.getByRole('button', { name: 'Ошибка в работе СДО', exact: true }).click();
    const description = dialog.getByLabel('Опишите проблему');
    await description.fill('Не открывается тест по охране труда. Кроме того, не пришёл счёт на оплату.');
    const reason = dialog.locator('.us-submit-bar__reason');
    await visible(tracked, reason, 'the reason the form waits');
    // Not kept in view: in a window this short it would cover half of it.
    expect(await dialog.locator('.us-submit-bar').evaluate((node) => getComputedStyle(node).position)).toBe('static');
    // The reason is read whole, not cut to a line.
    expect(await reason.evaluate((node) => node.scrollHeight <= node.clientHeight + 1 && node.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(node).fontSize))).toBe(true);
    // The field typed in is not under the bar.
    await description.focus();
    const overlap = await description.evaluate((node) => {
      const bar = (node.getRootNode() as ShadowRoot).querySelector('.us-submit-bar')?.getBoundingClientRect();
      const box = node.getBoundingClientRect();
      return bar === undefined ? Number.NaN : Math.min(box.bottom, bar.bottom) - Math.max(box.top, bar.top);
    });
    expect(overlap).toBeLessThanOrEqual(0);
    await expectClean(tracked);
    await tracked.context.close();
  });
});

describe('the on-screen keyboard on a phone', () => {
  it.each([
    ['with', true],
    ['without', false],
  ])('%s window.visualViewport, the field typed in and the send button stay in what the keyboard leaves visible', async (_, withVisualViewport) => {
    const token = await reporterToken({ sub: `keyboard-${String(withVisualViewport)}`, name: 'Иванова Анна Сергеевна', role: 'listener' });
    const url = h.host.serve(`/courses/7f3c9a1e-5b2d-4c8e-9a61-2f0d3b4c5e6f-keyboard-${String(withVisualViewport)}`, {
      body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])),
    });
    const tracked = await openPage(h);
    await tracked.page.setViewportSize({ width: 390, height: 844 });
    // A browser without the Visual Viewport API: the sheet follows the window's height instead.
    if (!withVisualViewport) await tracked.page.addInitScript(() => Object.defineProperty(window, 'visualViewport', { value: null, configurable: true }));
    await tracked.page.goto(url);
    await launcher(tracked.page).click();
    const dialog = panel(tracked.page);
    await dialog.getByRole('region', { name: 'О чём обращение?' }).getByRole('button').first().click();
    // Choosing focuses the description, low on the phone's screen: with the keyboard up it would be under it.
    const field = dialog.getByLabel('Опишите проблему');
    await waitUntil(tracked, 'the description focused', () => field.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement));
    expect(await inVisibleArea(dialog, field)).toBe(true);
    const fieldBottom = async () => {
      const box = await field.boundingBox();
      return box === null ? Number.NaN : box.y + box.height;
    };
    expect(await fieldBottom()).toBeGreaterThan(450);

    // The keyboard comes up: 394 px of the screen's height are left to the page.
    await tracked.page.setViewportSize({ width: 390, height: 450 });
    const send = dialog.getByRole('button', { name: 'Отправить обращение' });
    await waitUntil(tracked, 'the focused field back in view above the keyboard', async () => (await inVisibleArea(dialog, field)) && (await inVisibleArea(dialog, send)));
    expect(await field.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    // The field is clear of the sticky send bar and header, not under them.
    const bar = await dialog.locator('.us-submit-bar').boundingBox();
    expect(await fieldBottom()).toBeLessThanOrEqual(bar?.y ?? 0);
    const header = await dialog.locator('.us-shell__top').boundingBox();
    expect((await field.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual((header?.y ?? Number.NaN) + (header?.height ?? 0));
    // So little is left that the header scrolls away with the form: most of what is visible is the form's.
    expect(await dialog.getAttribute('data-cramped')).toBe('');
    const room = (bar?.y ?? 0) - Math.max(0, (header?.y ?? 0) + (header?.height ?? 0));
    expect(room).toBeGreaterThan(300);
    // The sheet ends where the visible area ends.
    const sheet = await dialog.evaluate((node) => {
      const rect = node.getBoundingClientRect();
      return { bottom: rect.bottom, visible: (window.visualViewport?.offsetTop ?? 0) + (window.visualViewport?.height ?? window.innerHeight) };
    });
    expect(Math.abs(sheet.bottom - sheet.visible)).toBeLessThanOrEqual(1);

    // Typing two problems brings the line under the description pointing to the check: its foot was on the bar,
    // so the line is lifted into view above it, the field's foot still in view.
    await field.fill('Не открывается тест по охране труда, ошибка 403. Кроме того, счёт на оплату так и не пришёл.');
    const pointer = dialog.locator('.us-field__problems').getByRole('button', { name: 'Разделить или подтвердить' });
    await waitUntil(tracked, 'the line pointing to the check above the send bar', async () => {
      const [line, foot] = [await pointer.boundingBox(), await dialog.locator('.us-submit-bar').boundingBox()];
      return line !== null && foot !== null && line.y + line.height <= foot.y && (await inVisibleArea(dialog, pointer));
    });
    expect(await fieldBottom()).toBeGreaterThan((header?.y ?? 0) + (header?.height ?? 0));
    expect(await field.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    // The bar's reason, kept to one line, is cut at the panel's width: nothing is pushed sideways off the screen.
    expect(await dialog.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    const button = await send.boundingBox();
    expect((button?.x ?? Infinity) + (button?.width ?? 0)).toBeLessThanOrEqual(390);

    // The keyboard goes down: the sheet is full height again.
    await tracked.page.setViewportSize({ width: 390, height: 844 });
    await waitUntil(tracked, 'the sheet back at full height', async () => (await dialog.evaluate((node) => Math.round(node.getBoundingClientRect().height))) === 844);
    await expectClean(tracked);
    await tracked.context.close();
  });
});

describe('the send bar while the one-problem check holds the form', () => {
  it('at 320×640 leaves every control the keyboard reaches in view, above the bar that says why the form waits', async () => {
    const { tracked, dialog } = await openPanel('first-screen-bar', '/courses/narrow-bar', { width: 320, height: 640 });
    await visible(tracked, dialog.getByRole('button', { name: 'Ошибка в работе СДО', exact: true }), 'the categories', 15_000);
    await dialog.getByRole('button', { name: 'Ошибка в работе СДО', exact: true }).click();
    await dialog.getByLabel('Опишите проблему').fill('Не открывается тест по охране труда. Кроме того, не пришёл счёт на оплату.');
    await dialog.getByLabel(/Какие действия вызывают ошибку/).fill('1. Открыть курс 2. Нажать «Начать тест»');
    await dialog.getByText('Мешает работать мне', { exact: true }).click();
    const reason = dialog.locator('.us-submit-bar__reason');
    await visible(tracked, reason, 'the reason the form waits');
    // The reason keeps to two lines at most: the bar does not grow over the form.
    expect(await reason.evaluate((node) => node.getBoundingClientRect().height <= 2 * 1.7 * parseFloat(getComputedStyle(node).fontSize))).toBe(true);
    await dialog.getByLabel('Опишите проблему').focus();
    const hidden: string[] = [];
    for (let step = 0; step < 14; step++) {
      await tracked.page.keyboard.press('Tab');
      const place = await dialog.evaluate((panelNode) => {
        const root = panelNode.getRootNode() as ShadowRoot;
        const focused = root.activeElement;
        const bar = panelNode.querySelector('.us-submit-bar');
        if (focused === null || bar === null || bar.contains(focused)) return null;
        const rect = focused.getBoundingClientRect();
        const barRect = bar.getBoundingClientRect();
        // Covered: the control and the bar overlap (what comes after the form sits below the bar, not under it).
        const covered = Math.min(rect.bottom, barRect.bottom) - Math.max(rect.top, barRect.top);
        return { name: `${focused.tagName} ${(focused.textContent ?? '').slice(0, 30)}`, covered };
      });
      if (place !== null && place.covered > 1) hidden.push(`${place.name}: ${place.covered} px under the bar`);
    }
    expect(hidden).toEqual([]);
    // High contrast drops backgrounds and recolours: a done item keeps a filled mark, and the waiting button is
    // drawn in the system's colour of what cannot be used.
    await tracked.page.emulateMedia({ forcedColors: 'active' });
    const colors = await dialog.evaluate((node) => {
      const probe = document.createElement('span');
      probe.style.color = 'GrayText';
      document.body.append(probe);
      const gray = getComputedStyle(probe).color;
      probe.remove();
      const mark = node.querySelector('.us-checklist__item[data-done] .us-checklist__mark');
      const button = node.querySelector('.us-submit-bar .us-button[aria-disabled="true"]');
      return { mark: mark === null ? null : getComputedStyle(mark).backgroundColor, button: button === null ? null : getComputedStyle(button).color, gray };
    });
    expect(colors.mark).not.toBeNull();
    expect(colors.mark).not.toBe('rgba(0, 0, 0, 0)');
    expect(colors.button).toBe(colors.gray);
    await expectClean(tracked);
    await tracked.context.close();
  });
});
