// The first open as users' browsers run it: Chromium driven over a DevTools pipe with input events only, no
// Runtime domain. Playwright enables the Runtime domain on every page, and with a DevTools client attached V8
// records a detailed stack (with source positions) for every Error created; react-dom creates a few at
// evaluation, which makes V8 parse its whole module function again: 25–55 ms of the entry's evaluation under
// Playwright against 2–10 ms without a DevTools client. The page measures itself (a probe script in the page)
// and reports by beacon to a receiver on 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST_MS, TARGETS } from './first-open.mjs';

/** The probe: times the hint (pointer or focus on the launcher), preparing, the click → ready, and long tasks. */
function probe(reportUrl, { launcher, host, control }) {
  return `<script>
(() => {
  const t = { longest: 0 };
  const send = (kind) => navigator.sendBeacon(${JSON.stringify(reportUrl)}, JSON.stringify({ kind, ...t }));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (t.click === undefined || entry.startTime < t.click) t.longest = Math.max(t.longest, entry.duration);
  }).observe({ type: 'longtask' });
  const field = () => document.querySelector(${JSON.stringify(host)})?.shadowRoot?.querySelector(${JSON.stringify(control)}) ?? null;
  const find = () => {
    const button = document.querySelector(${JSON.stringify(launcher)})?.shadowRoot?.querySelector('button');
    const box = button?.getBoundingClientRect();
    if (!box || box.width === 0) return requestAnimationFrame(find);
    t.x = box.x + box.width / 2;
    t.y = box.y + box.height / 2;
    const onHint = (event) => {
      if (t.hinted !== undefined) return;
      t.hinted = event.timeStamp;
      t.hint = event.type;
      const poll = () => { const f = field(); if (f !== null && f.getBoundingClientRect().height > 0) t.prepared = performance.now() - t.hinted; else requestAnimationFrame(poll); };
      requestAnimationFrame(poll);
    };
    button.addEventListener('pointerenter', onHint);
    button.addEventListener('focus', onHint);
    button.addEventListener('click', (event) => {
      t.click = event.timeStamp;
      const poll = () => {
        const f = field();
        if ((f instanceof HTMLInputElement || f instanceof HTMLButtonElement) && !f.disabled && f.checkVisibility()) { t.ms = performance.now() - t.click; setTimeout(() => send('done'), 200); }
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, { capture: true, once: true });
    send('launcher');
  };
  addEventListener('load', () => requestAnimationFrame(find));
})();
</script>`;
}

/** A DevTools connection over the pipe of a Chromium it starts; `close()` kills it and removes its profile. */
async function startBrowser(executablePath, args) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const child = spawn(executablePath, [...args, '--headless=new', `--user-data-dir=${dir}`, '--remote-debugging-pipe', '--window-size=1280,800', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const pending = new Map();
  let id = 0;
  let buffer = '';
  child.stdio[4].on('data', (data) => {
    buffer += data;
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const messageId = ++id;
      pending.set(messageId, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
      child.stdio[3].write(`${JSON.stringify({ id: messageId, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  return {
    send,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Its own way out first (its helper processes go with it), then for good.
      await Promise.race([send('Browser.close').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** The receiver of the probes' beacons; `next(kind)` resolves with the next report of that kind. */
async function startReceiver() {
  const waiting = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      response.setHeader('access-control-allow-origin', '*');
      response.end();
      const report = JSON.parse(body || '{}');
      const index = waiting.findIndex((entry) => entry.kind === report.kind);
      if (index >= 0) waiting.splice(index, 1)[0].resolve(report);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    next: (kind) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${kind}" report in 30 s`)), 30_000);
        waiting.push({ kind, resolve: (report) => (clearTimeout(timer), resolve(report)) });
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Measures the first opens of pages made by `page(probeScript)` (one per side), `runs` times each, interleaved:
 * for the widget a cold click, the pointer resting REST_MS before the click and keyboard focus (Tab) resting
 * before Enter; for the floor a cold click. Each open in a new browser context (an empty cache).
 */
export async function measureBareOpens({ executablePath, args, pages, runs, log }) {
  const receiver = await startReceiver();
  const browser = await startBrowser(executablePath, args);
  const results = { widget: { cold: [], hover: [], focus: [] }, reference: { cold: [] } };
  const key = (sessionId, type, code, keyCode, text) => browser.send('Input.dispatchKeyEvent', { type, key: code, code, windowsVirtualKeyCode: keyCode, ...(text ? { text } : {}) }, sessionId);
  const click = async (sessionId, { x, y }) => {
    await browser.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 }, sessionId);
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 }, sessionId);
  };
  try {
    for (let i = 0; i < runs; i++) {
      for (const [side, scenarios] of Object.entries(results)) {
        for (const scenario of Object.keys(scenarios)) {
          const { browserContextId } = await browser.send('Target.createBrowserContext');
          try {
            const launcher = receiver.next('launcher');
            const url = pages[side](probe(receiver.url, TARGETS[side]));
            const { targetId } = await browser.send('Target.createTarget', { url, browserContextId });
            const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
            const at = await launcher;
            const done = receiver.next('done');
            if (scenario === 'hover') {
              await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: at.x, y: at.y }, sessionId);
              await new Promise((resolve) => setTimeout(resolve, REST_MS));
              await click(sessionId, at);
            } else if (scenario === 'focus') {
              // The launcher is the page's only focusable element: one Tab reaches it.
              await key(sessionId, 'keyDown', 'Tab', 9);
              await key(sessionId, 'keyUp', 'Tab', 9);
              await new Promise((resolve) => setTimeout(resolve, REST_MS));
              await key(sessionId, 'keyDown', 'Enter', 13, '\r');
              await key(sessionId, 'keyUp', 'Enter', 13);
            } else {
              await click(sessionId, at);
            }
            const report = await done;
            if (scenario !== 'cold' && report.hint !== (scenario === 'hover' ? 'pointerenter' : 'focus')) throw new Error(`the ${scenario} did not reach the launcher`);
            scenarios[scenario].push(report);
          } finally {
            await browser.send('Target.disposeBrowserContext', { browserContextId });
          }
        }
      }
      log(`first open without a DevTools client ${i + 1}/${runs}`);
    }
  } finally {
    await browser.close();
    await receiver.close();
  }
  return results;
}

/** The rows of the opens without a DevTools client. */
export function renderBareOpens(results, { markdownTable, median, ms }) {
  const pick = (runs, key) => median(runs.map((run) => run[key]));
  const { widget, reference } = results;
  const rested = [...widget.hover, ...widget.focus];
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const rows = [
    ['click → ready, 1× CPU', ms(pick(widget.cold, 'ms')), ms(pick(reference.cold, 'ms')), ratio(pick(widget.cold, 'ms'), pick(reference.cold, 'ms')), '≤ 1.3× floor'],
    [`pointer rests ${REST_MS} ms, then click`, ms(pick(widget.hover, 'ms')), '—', '—', '≤ 50 ms'],
    [`keyboard focus (Tab) ${REST_MS} ms, then Enter`, ms(pick(widget.focus, 'ms')), '—', '—', '≤ 50 ms'],
    ['pointer rests → panel laid out (hidden); floor: cold click', ms(pick(widget.hover, 'prepared')), ms(pick(reference.cold, 'ms')), ratio(pick(widget.hover, 'prepared'), pick(reference.cold, 'ms')), `≤ ${REST_MS} ms`],
    ['longest task while resting (the slowest run)', ms(Math.max(...rested.map((run) => run.longest))), '—', '—', '≤ 50 ms'],
    ['runs with a task over 50 ms while resting', `${rested.filter((run) => run.longest > 50).length} of ${rested.length}`, '—', '—', 'none'],
  ];
  return markdownTable([`first open without a DevTools client (median of ${widget.cold.length})`, 'widget', 'same stack, one bundle', 'ratio', 'goal'], rows);
}
