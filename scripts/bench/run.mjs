// `npm run bench`: the widget and the reference server under measurement (not part of `npm test`).
// Chromium (Playwright) against the built bundles and the server on 127.0.0.1, cold cache, median of N runs:
// loader size, main-thread time and requests at load; click → interactive form at 1× and 4× CPU; heap added by
// opening (against the same-stack floor, and at 1× against it built with the widget's react-dom transform too);
// the first open again without a DevTools client (bare-open.mjs); the first category choice after it
// (category-choice.mjs); agent status change → visible in the open timeline (50 changes); server throughput with
// 20 concurrent reporters; 200 event streams held open receiving broadcasts; create p99 with and without 2,000
// slow-loris sockets open (slow-loris.mjs); the one-problem check's cost on texts made to be slow (check-cost.mjs);
// then the scale-out rows of scale.mjs (1, 2, 4 processes on PostgreSQL and SQLite, cross-process event latency).
// Prints markdown tables with the budgets.
//   node scripts/bench/run.mjs [--quick] [--runs=N] [--json=path]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { measureLoad, measureStatusLatency } from './browser-metrics.mjs';
import { measureBareOpens, renderBareOpens } from './bare-open.mjs';
import { measureCheckCost, renderCheckCost } from './check-cost.mjs';
import { CHOICE_RESTS_MS, measureCategoryChoice, renderCategoryChoice } from './category-choice.mjs';
import { measureFirstOpen, referencePage, renderFirstOpen, TARGETS } from './first-open.mjs';
import { measureCourseTicketEffort } from './form-effort.mjs';
import { describeMachine } from './machine.mjs';
import { renderReport } from './report.mjs';
import { measureScale, renderScale } from './scale.mjs';
import { measureSlowLoris, renderSlowLoris } from './slow-loris.mjs';
import { AGENT_TOKEN, benchDraft, chromiumLaunchOptions, ensureBuilt, hostPage, ROOT, startBenchServers } from './setup.mjs';
import { buildReference } from './reference.mjs';
import { bytes, markdownTable, mb, median, ms } from './stats.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// --open: only the first-open comparison against the same-stack floor.
const openOnly = args.includes('--open');
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const plan = {
  runs: Number(option('runs') ?? (quick ? 2 : 7)),
  statusChanges: quick ? 10 : 50,
  reporters: 20,
  throughputMs: quick ? 3000 : 20_000,
  streams: 200,
  holdMs: quick ? 6000 : 60_000,
  broadcasts: quick ? 2 : 6,
};
const log = (line) => console.error(`[bench] ${line}`);

/** Runs a load job in a worker thread and resolves with its result. */
function inWorker(data) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    worker.once('message', (message) => (message.ok ? resolve(message.result) : reject(new Error(message.error))));
    worker.once('error', reject);
  });
}

/** `fn` run `times` times in a row, each result collected. */
async function repeat(times, label, fn) {
  const results = [];
  for (let i = 0; i < times; i++) {
    results.push(await fn(i));
    log(`${label} ${i + 1}/${times}`);
  }
  return results;
}

function loaderSizes() {
  const loader = readFileSync(join(ROOT, 'dist/widget/loader.js'));
  return {
    raw: loader.length,
    gzip: gzipSync(loader, { level: 9 }).length,
    brotli: brotliCompressSync(loader, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

async function main() {
  log(await ensureBuilt());
  const servers = await startBenchServers();
  const browser = await chromium.launch(await chromiumLaunchOptions());
  const results = { plan, machine: describeMachine(browser.version()), date: new Date().toISOString() };
  try {
    const token = await servers.token('bench-user');
    const widgetUrl = servers.host.serve('/bench', { body: hostPage(servers.loaderUrl, { apiUrl: servers.apiUrl, token }) });
    const bareUrl = servers.host.serve('/bench-bare', { body: hostPage(servers.loaderUrl, null) });
    const origin = servers.widgetOrigin;
    results.loader = loaderSizes();

    if (!openOnly) {
      const bare = await repeat(plan.runs, 'page without the widget', () => measureLoad(browser, bareUrl, { withWidget: false, widgetOrigin: origin }));
      const withWidget = await repeat(plan.runs, 'page with the loader', () => measureLoad(browser, widgetUrl, { withWidget: true, widgetOrigin: origin }));
      results.load = {
        taskMs: median(withWidget.map((r) => r.taskMs)) - median(bare.map((r) => r.taskMs)),
        scriptMs: median(withWidget.map((r) => r.scriptMs)) - median(bare.map((r) => r.scriptMs)),
        widgetRequests: Math.max(...withWidget.map((r) => r.widgetRequests)),
        apiRequests: Math.max(...withWidget.map((r) => r.apiRequests)),
        requestPaths: withWidget[0]?.requestPaths ?? [],
      };
    }

    log('building the same-stack reference bundle…');
    const referenceUrl = servers.host.serve('/reference.js', { body: await buildReference(), contentType: 'text/javascript; charset=utf-8' });
    const referencePageUrl = servers.host.serve('/bench-reference', { body: referencePage(referenceUrl) });
    // The floor built with the widget's transform of react-dom as well: the same build step on both sides.
    const alikeJs = await buildReference({ stacklessMarkers: true });
    const alikeUrl = servers.host.serve('/reference-alike.js', { body: alikeJs, contentType: 'text/javascript; charset=utf-8' });
    const alikePageUrl = servers.host.serve('/bench-reference-alike', { body: referencePage(alikeUrl) });
    const widgetJs = { target: TARGETS.widget, jsPrefix: `${origin}/widget/` };
    const referenceJs = { target: TARGETS.reference, jsPrefix: referenceUrl };
    // Interleaved run by run, so a noisy neighbour on the machine hits both sides alike.
    const scenarios = {
      widget: {
        cold1: { ...widgetJs, cpuRate: 1, heap: true },
        cold4: { ...widgetJs, cpuRate: 4 },
        hover1: { ...widgetJs, cpuRate: 1, hint: 'hover' },
        hover4: { ...widgetJs, cpuRate: 4, hint: 'hover' },
        focus1: { ...widgetJs, cpuRate: 1, hint: 'focus' },
      },
      reference: {
        cold1: { ...referenceJs, cpuRate: 1, heap: true },
        cold4: { ...referenceJs, cpuRate: 4 },
      },
      alike: {
        cold1: { target: TARGETS.reference, jsPrefix: alikeUrl, cpuRate: 1, heap: true },
      },
    };
    const pages = { widget: widgetUrl, reference: referencePageUrl, alike: alikePageUrl };
    const comparison = { widget: {}, reference: {}, alike: {}, format: { bytes, markdownTable, mb, median, ms } };
    for (let i = 0; i < plan.runs; i++) {
      for (const [side, list] of Object.entries(scenarios)) {
        for (const [name, options] of Object.entries(list)) {
          (comparison[side][name] ??= []).push(await measureFirstOpen(browser, pages[side], options));
        }
      }
      log(`first open ${i + 1}/${plan.runs}`);
    }
    results.firstOpen = { widget: comparison.widget, reference: comparison.reference, alike: comparison.alike };
    // The same opens without a DevTools client (bare-open.mjs): what users' browsers do.
    const { executablePath, args: chromiumArgs } = await chromiumLaunchOptions();
    const probed = (path, page) => (probe) => servers.host.serve(path, { body: page.replace('</body>', `${probe}</body>`) });
    results.bareOpen = await measureBareOpens({
      executablePath,
      args: chromiumArgs,
      runs: plan.runs,
      log,
      pages: {
        widget: probed('/bench-bare-open', hostPage(servers.loaderUrl, { apiUrl: servers.apiUrl, token })),
        reference: probed('/bench-bare-reference', referencePage(referenceUrl)),
      },
    });
    // The first category choice after a cold open, by how long the pointer rests on the category.
    results.choice = {};
    for (let i = 0; i < plan.runs; i++) {
      for (const rest of CHOICE_RESTS_MS) (results.choice[rest] ??= []).push(await measureCategoryChoice(browser, widgetUrl, rest));
      log(`category choice ${i + 1}/${plan.runs}`);
    }
    results.open = {
      x1: comparison.widget.cold1.map((r) => r.ms),
      x4: comparison.widget.cold4.map((r) => r.ms),
      heapAdded: comparison.widget.cold1.map((r) => r.heapAdded),
      chunks: comparison.widget.cold1[0]?.chunks ?? 0,
    };
    if (openOnly) {
      const m = results.machine;
      console.log(`Machine: ${m.cpu}, ${m.cores} cores, load ${m.load}; Chromium ${m.chromium}; ${plan.runs} cold runs per figure.\n`);
      console.log(renderFirstOpen(comparison));
      console.log(`\n${renderBareOpens(results.bareOpen, comparison.format)}`);
      console.log(`\n${renderCategoryChoice(results.choice, comparison.format)}`);
      return;
    }

    log('a course ticket from a course page, by a scripted user…');
    const effortToken = await servers.token('bench-effort');
    const coursePage = servers.host.serve('/courses/7f3c9a1e-5b2d-4c8e-9a61-2f0d3b4c5e6f', { body: hostPage(servers.loaderUrl, { apiUrl: servers.apiUrl, token: effortToken }) });
    results.effort = await measureCourseTicketEffort(browser, coursePage);

    const statusToken = await servers.token('bench-status');
    const created = await fetch(`${servers.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${statusToken}`, 'content-type': 'application/json', 'idempotency-key': `bench-status-${Date.now()}` },
      body: JSON.stringify(benchDraft('Статусы под замером')),
    }).then((response) => response.json());
    const statusUrl = servers.host.serve('/bench-status', { body: hostPage(servers.loaderUrl, { apiUrl: servers.apiUrl, token: statusToken }) });
    log(`status latency over ${plan.statusChanges} changes…`);
    results.status = await measureStatusLatency(browser, statusUrl, {
      apiUrl: servers.apiUrl,
      agentToken: AGENT_TOKEN,
      ticketId: created.ticket.id,
      changes: plan.statusChanges,
    });
    await browser.close();

    log(`throughput: ${plan.reporters} reporters for ${plan.throughputMs / 1000} s…`);
    const tokens = await Promise.all(Array.from({ length: plan.reporters }, (_, i) => servers.token(`bench-reporter-${i}`)));
    results.throughput = await inWorker({ job: 'throughput', apiUrl: servers.apiUrl, tokens, durationMs: plan.throughputMs, draft: benchDraft('') });

    log(`streams: ${plan.streams} held for ${plan.holdMs / 1000} s, ${plan.broadcasts} broadcasts…`);
    const streamToken = await servers.token('bench-streams');
    const streamTicket = await fetch(`${servers.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${streamToken}`, 'content-type': 'application/json', 'idempotency-key': `bench-streams-${Date.now()}` },
      body: JSON.stringify(benchDraft('Рассылка по потокам')),
    }).then((response) => response.json());
    results.streams = await inWorker({
      job: 'streams',
      apiUrl: servers.apiUrl,
      token: streamToken,
      agentToken: AGENT_TOKEN,
      ticketId: streamTicket.ticket.id,
      count: plan.streams,
      holdMs: plan.holdMs,
      broadcasts: plan.broadcasts,
    });
  } finally {
    if (browser.isConnected()) await browser.close();
    await servers.close();
  }
  results.slowLoris = await measureSlowLoris({ quick });
  log('the one-problem check on ordinary texts and on texts made to be slow…');
  results.checkCost = await measureCheckCost();
  log('scale-out: 1, 2 and 4 processes on PostgreSQL and SQLite…');
  results.scale = await measureScale({ quick });
  results.loadAtEnd = loadavg().map((value) => value.toFixed(2)).join(' ');
  const jsonPath = option('json');
  if (jsonPath !== undefined) writeFileSync(jsonPath, JSON.stringify(results, null, 2));
  console.log(renderReport(results));
  console.log(`\n${renderSlowLoris(results.slowLoris)}`);
  console.log(`\n${renderCheckCost(results.checkCost)}`);
  console.log(`\n${renderFirstOpen({ ...results.firstOpen, format: { bytes, markdownTable, mb, median, ms } })}`);
  console.log(`\n${renderBareOpens(results.bareOpen, { markdownTable, median, ms })}`);
  console.log(`\n${renderCategoryChoice(results.choice, { markdownTable, median, ms })}`);
  console.log(`\n${renderScale(results.scale)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
