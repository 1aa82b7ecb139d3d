// The widget measured in Chromium on a cold cache (a new context per run, the HTTP cache cleared):
// main-thread time and requests at load, and live status latency (the first open is measured in first-open.mjs).

const VIEWPORT = { width: 1280, height: 800 };

/** A fresh context and page with a CDP session, its cache cleared and the CPU slowed `cpuRate` times. */
async function coldPage(browser, cpuRate = 1) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A new context has an empty HTTP cache of its own; clearing it says so explicitly.
  await cdp.send('Network.clearBrowserCache');
  if (cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  return { context, page, cdp };
}

/** The launcher's button (in the loader's own shadow root). */
const launcher = (page) => page.locator('uchi-support-launcher').getByRole('button');

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/**
 * Loads `url` and lets it settle: main-thread task and script time of the whole page (CDP Performance
 * metrics), and every request made, by origin, until then — the launcher is never hovered or clicked.
 */
export async function measureLoad(browser, url, { withWidget, widgetOrigin }) {
  const { context, page, cdp } = await coldPage(browser);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    // Only a wall-clock wait before reading the metrics: a Playwright locator would run its own script in the
    // page and be counted as the page's main-thread time.
    await page.waitForTimeout(1000);
    const m = await metrics(cdp);
    if (withWidget) await launcher(page).waitFor({ state: 'visible', timeout: 15_000 });
    const widget = requests.filter((request) => request.startsWith(widgetOrigin));
    return {
      taskMs: m.TaskDuration * 1000,
      scriptMs: m.ScriptDuration * 1000,
      widgetRequests: widget.length,
      apiRequests: widget.filter((request) => new URL(request).pathname.startsWith('/api/')).length,
      requestPaths: widget.map((request) => new URL(request).pathname),
    };
  } finally {
    await context.close();
  }
}

/**
 * Opens the ticket's timeline in the widget, then `changes` times: the page itself posts an agent status change
 * (carrying a unique marker text) and waits for the marker to appear in the widget's shadow root, then for the
 * next frame. Both instants are read from the page's clock. Returns the latencies in ms.
 */
export async function measureStatusLatency(browser, url, { apiUrl, agentToken, ticketId, changes }) {
  const { context, page } = await coldPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await launcher(page).click();
    const panel = page.getByRole('dialog', { name: 'Техподдержка Uchi.Pro' });
    await panel.getByRole('button', { name: /Мои обращения/ }).click();
    await panel.locator(`[data-ticket-id="${ticketId}"]`).click();
    await panel.getByText('Ход обращения').first().waitFor({ timeout: 15_000 });
    // Let the live stream connect before the first change.
    await page.waitForTimeout(1000);
    const latencies = [];
    for (let i = 0; i < changes; i++) {
      const status = i % 2 === 0 ? 'in_progress' : 'clarification_requested';
      const marker = `Изменение №${i + 1} [bench ${Date.now().toString(36)}]`;
      latencies.push(
        await page.evaluate(
          async ({ apiUrl: api, agentToken: agent, ticketId: id, status: next, marker: text }) => {
            const root = document.querySelector('uchi-support-panel')?.shadowRoot;
            if (!root) throw new Error('no panel');
            const started = performance.now();
            const shown = new Promise((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error(`not shown: ${text}`)), 15_000);
              const observer = new MutationObserver(() => {
                if (!root.textContent.includes(text)) return;
                observer.disconnect();
                clearTimeout(timer);
                requestAnimationFrame(() => resolve(performance.now()));
              });
              observer.observe(root, { subtree: true, childList: true, characterData: true });
            });
            const response = await fetch(`${api}/agent/tickets/${id}/status`, {
              method: 'POST',
              headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
              body: JSON.stringify({ status: next, text }),
            });
            if (!response.ok) throw new Error(`agent status ${response.status}`);
            return (await shown) - started;
          },
          { apiUrl, agentToken, ticketId, status, marker },
        ),
      );
    }
    return latencies;
  } finally {
    await context.close();
  }
}
