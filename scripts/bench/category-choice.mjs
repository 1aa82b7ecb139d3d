// The first category choice after a cold open: the pointer moves from the launcher into the panel, onto the
// first category, rests there `restMs`, and clicks; measured from the click event to the first frame with the
// category's first field visible (the attachment zone comes in the same frame, or the run fails). The fields
// past the choice load right after the panel's first frame; the attachment zone and the draft's schemas at the
// panel's first use, which this pointer's first movement inside the panel is.
import { TARGETS } from './first-open.mjs';

const VIEWPORT = { width: 1280, height: 800 };
/** Rests between reaching the category and clicking it: at once (a scripted click), and two human-like ones. */
export const CHOICE_RESTS_MS = [0, 150, 300];

/** One cold open, then the choice after `restMs`; resolves to the click → fields time in ms. */
export async function measureCategoryChoice(browser, url, restMs) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const button = page.locator(TARGETS.widget.launcher).getByRole('button');
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    const from = await button.boundingBox();
    if (from === null) throw new Error('the launcher has no box');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    const option = page.locator('uchi-support-panel .us-picker__option').first();
    await option.waitFor({ state: 'visible', timeout: 15_000 });
    await page.evaluate(() => {
      const root = document.querySelector('uchi-support-panel')?.shadowRoot;
      const timing = {};
      window.__benchChoice = timing;
      root?.addEventListener(
        'click',
        (event) => {
          if (!(event.target instanceof Element) || event.target.closest('.us-picker__option') === null) return;
          timing.click = event.timeStamp;
          const poll = () => {
            const field = root.querySelector('.us-ticket-form input:not([type=hidden]), .us-ticket-form textarea');
            if (field instanceof HTMLElement && field.checkVisibility()) {
              timing.ready = performance.now();
              timing.zone = root.querySelector('.us-attachments') !== null;
            } else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        },
        { capture: true },
      );
    });
    const to = await option.boundingBox();
    if (to === null) throw new Error('the category has no box');
    // From the launcher to the category in eight pointer movements.
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    if (restMs > 0) await page.waitForTimeout(restMs);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => window.__benchChoice.ready !== undefined, null, { timeout: 30_000, polling: 50 });
    const timing = await page.evaluate(() => window.__benchChoice);
    if (!timing.zone) throw new Error('the fields showed before the attachment zone');
    return timing.ready - timing.click;
  } finally {
    await context.close();
  }
}

/** The markdown table of the choice's medians. */
export function renderCategoryChoice(choice, { markdownTable, median, ms }) {
  const rows = CHOICE_RESTS_MS.map((rest) => [`pointer reaches a category, rests ${rest} ms, clicks → fields shown`, ms(median(choice[rest]))]);
  return markdownTable([`first category choice after a cold open (median of ${choice[CHOICE_RESTS_MS[0]].length})`, 'widget'], rows);
}
