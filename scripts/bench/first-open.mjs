// The widget's first open against the same-stack floor, side by side in one run: the time from the launcher's
// click to the first frame in which the first form control is visible and enabled, for a cold click, for a
// pointer that rests on the launcher 300 ms before the click, and for keyboard focus before Enter; the JS heap
// opening adds; the JS (gzip) and the chunks loaded until the form is ready; and the longest task the page
// runs while the pointer rests (what preparing the panel costs the host page), and how long preparing takes.
import { gzipSync } from 'node:zlib';

const VIEWPORT = { width: 1280, height: 800 };
/** How long the pointer (or focus) rests on the launcher before the click. */
export const REST_MS = 300;

/** A page with a launcher-like button that injects the reference bundle on click (one IIFE, one request). */
export function referencePage(scriptUrl) {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>LMS</title></head><body><main><h1>Курс</h1><p>Текст урока.</p></main>
<reference-launcher></reference-launcher>
<script>
const root = document.querySelector('reference-launcher').attachShadow({ mode: 'open' });
const button = root.appendChild(document.createElement('button'));
button.textContent = 'Техподдержка';
button.onclick = () => { const s = document.createElement('script'); s.src = ${JSON.stringify(scriptUrl)}; document.head.append(s); };
</script></body></html>`;
}

/** Where each page keeps its launcher and its first form control. */
export const TARGETS = {
  widget: { launcher: 'uchi-support-launcher', host: 'uchi-support-panel', control: 'input[name="subject"], .us-picker__option' },
  reference: { launcher: 'reference-launcher', host: '#reference-form', control: 'input, button' },
};

/**
 * One cold open of `url` (new context, empty cache, CPU slowed `cpuRate` times). `hint`: 'none' clicks at once,
 * 'hover' rests the pointer on the launcher first, 'focus' focuses it and presses Enter.
 */
export async function measureFirstOpen(browser, url, { target, cpuRate = 1, hint = 'none', heap = false, jsPrefix }) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Network.clearBrowserCache');
    if (cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const scripts = [];
    page.on('response', (response) => {
      if (response.url().startsWith(jsPrefix) && response.url().endsWith('.js')) scripts.push(response);
    });
    await page.goto(url, { waitUntil: 'load' });
    const button = page.locator(target.launcher).getByRole('button');
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    const loadedBefore = scripts.length;
    const usedHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = heap ? await usedHeap() : 0;
    await page.evaluate(({ launcher, host, control }) => {
      const timing = { longest: 0 };
      window.__benchOpen = timing;
      new PerformanceObserver((list) => {
        // Entries arrive a task or more after they end: judge them by when they started, not by when they came.
        for (const entry of list.getEntries()) if (timing.click === undefined || entry.startTime < timing.click) timing.longest = Math.max(timing.longest, entry.duration);
      }).observe({ type: 'longtask' });
      const button = document.querySelector(launcher)?.shadowRoot?.querySelector('button');
      // From the hint (pointer or focus on the launcher) to the first frame with the panel's first control laid
      // out, hidden (or shown, when the click came first): how long preparing takes, against the rest given.
      const onHint = (event) => {
        // The first hint only: the click focuses the button too.
        if (timing.hinted !== undefined) return;
        const hinted = (timing.hinted = event.timeStamp);
        const poll = () => {
          const field = document.querySelector(host)?.shadowRoot?.querySelector(control);
          if (field instanceof HTMLElement && field.getBoundingClientRect().height > 0) timing.prepared = performance.now() - hinted;
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      };
      button?.addEventListener('pointerenter', onHint);
      button?.addEventListener('focus', onHint);
      button?.addEventListener(
        'click',
        (event) => {
          // When the input came, not when the page got round to it: a main thread still busy preparing delays
          // the handler, and that wait is part of what the user waits for.
          timing.click = event.timeStamp;
          const poll = () => {
            const field = document.querySelector(host)?.shadowRoot?.querySelector(control);
            if ((field instanceof HTMLInputElement || field instanceof HTMLButtonElement) && !field.disabled && field.checkVisibility()) timing.ready = performance.now();
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        },
        { capture: true, once: true },
      );
    }, target);
    if (hint === 'hover') {
      // By coordinates: a locator's click first waits for the button to be stable and hit-testable, which on
      // a busy page adds a few hundred milliseconds to the rest. The rest is REST_MS, as for the focus.
      const box = await button.boundingBox();
      if (box === null) throw new Error('the launcher has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(REST_MS);
      await page.mouse.down();
      await page.mouse.up();
    } else if (hint === 'focus') {
      await button.focus();
      await page.waitForTimeout(REST_MS);
      await page.keyboard.press('Enter');
    } else {
      await button.click();
    }
    await page.waitForFunction(() => window.__benchOpen.ready !== undefined, null, { timeout: 60_000, polling: 50 });
    // The JS the form was ready with: what arrives after (the second after it, for the heap) is not counted.
    const opened = scripts.slice(loadedBefore);
    const timing = await page.evaluate(() => window.__benchOpen);
    let heapAdded = Number.NaN;
    if (heap) {
      await page.waitForTimeout(1000);
      heapAdded = (await usedHeap()) - before;
    }
    let gzip = 0;
    for (const response of opened) gzip += gzipSync(await response.body(), { level: 9 }).length;
    return { ms: timing.ready - timing.click, prepared: timing.prepared ?? Number.NaN, heapAdded, chunks: opened.length, gzip, longestTaskBeforeClick: timing.longest };
  } finally {
    await context.close();
  }
}

/** How many runs had a task over 50 ms (a long task) before the click. */
const overLongTask = (runs) => runs.filter((run) => run.longestTaskBeforeClick > 50).length;

/** The comparison's rows: each scenario's medians for the widget and the floor, and their ratio. */
export function renderFirstOpen(c) {
  const { markdownTable, median, ms, mb, bytes } = c.format;
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const pick = (runs, key) => median(runs.map((run) => run[key]));
  const row = (label, widgetRuns, referenceRuns, key, format, goal) => {
    const w = pick(widgetRuns, key);
    const r = referenceRuns === undefined ? Number.NaN : pick(referenceRuns, key);
    return [label, format(w), referenceRuns === undefined ? '—' : format(r), ratio(w, r), goal];
  };
  const { widget, reference, alike } = c;
  const rows = [
    row('click → ready, 1× CPU', widget.cold1, reference.cold1, 'ms', ms, '≤ 1.3× floor'),
    row('click → ready, 4× CPU', widget.cold4, reference.cold4, 'ms', ms, '≤ 1.3× floor'),
    row(`pointer rests ${REST_MS} ms, then click, 1× CPU`, widget.hover1, undefined, 'ms', ms, '≤ 50 ms'),
    row(`pointer rests ${REST_MS} ms, then click, 4× CPU`, widget.hover4, undefined, 'ms', ms, ''),
    row(`keyboard focus ${REST_MS} ms, then Enter, 1× CPU`, widget.focus1, undefined, 'ms', ms, '≤ 50 ms'),
    // Longer than the rest, and the click waits for what is left: the floor's cold click tells how fast the
    // machine is at the moment.
    [`pointer rests → panel laid out (hidden), 1× CPU; floor: cold click`, ms(pick(widget.hover1, 'prepared')), ms(pick(reference.cold1, 'ms')), ratio(pick(widget.hover1, 'prepared'), pick(reference.cold1, 'ms')), `≤ ${REST_MS} ms`],
    row('longest task while the pointer rests, 1× CPU', widget.hover1, undefined, 'longestTaskBeforeClick', ms, '≤ 50 ms'),
    row('longest task while focus rests, 1× CPU', widget.focus1, undefined, 'longestTaskBeforeClick', ms, '≤ 50 ms'),
    // A median hides the runs that did cost the page a long task: how many did, of all the rested runs.
    ['runs with a task over 50 ms while resting, 1× CPU', `${overLongTask([...widget.hover1, ...widget.focus1])} of ${widget.hover1.length + widget.focus1.length}`, '—', '—', 'none'],
    row('JS heap added by opening (after GC)', widget.cold1, reference.cold1, 'heapAdded', mb, '≤ 1.5× floor'),
    row('first-open JS, gzip', widget.cold1, reference.cold1, 'gzip', bytes, '≤ 150 kB'),
    row('first-open JS files', widget.cold1, reference.cold1, 'chunks', String, ''),
    // The floor is a plain build; the widget's build rewrites react-dom's marker errors (scripts/react-markers.mjs),
    // which spares the floor more than the widget. The same floor built that way too:
    row('click → ready, 1× CPU; floor built with the widget\'s react-dom transform', widget.cold1, alike.cold1, 'ms', ms, ''),
    row('JS heap added by opening; floor built with the widget\'s react-dom transform', widget.cold1, alike.cold1, 'heapAdded', mb, ''),
  ];
  return markdownTable(['first open (median of ' + widget.cold1.length + ' cold runs)', 'widget', 'same stack, one bundle', 'ratio', 'goal'], rows);
}
