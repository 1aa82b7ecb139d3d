// The benchmark's report: the machine, then one markdown table of figures against their budgets.
import { bytes, markdownTable, mb, median, ms, quantile } from './stats.mjs';

/**
 * Budgets. The loader's size comes from scripts/size.mjs and the 1 s broadcast from the issue; the rest are
 * RAIL's: the loader may not cause a long task (50 ms) on the host page, a usable form within a second of the
 * click (three on a 4× slower CPU), a status change seen within a second.
 */
export const BUDGETS = {
  loaderGzip: 1024,
  loaderMainThreadMs: 50,
  clickToInteractiveMs: 1000,
  clickToInteractive4xMs: 3000,
  heapAddedBytes: 20 * 1024 * 1024,
  statusP95Ms: 1000,
  ticketsPerSecond: 50,
  createP99Ms: 1000,
  broadcastMs: 1000,
  // What the same scripted user spent on the form before it started with the category choice.
  effort: { clicks: 6, keystrokes: 113, scrolls: 4 },
};

const verdict = (ok) => (ok ? 'ok' : '**over**');
const range = (values, format) => `${format(Math.min(...values))}–${format(Math.max(...values))}`;

/** The report as markdown. */
export function renderReport(r) {
  const m = r.machine;
  const machine = `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM, ${m.os}; Node ${m.node}, Chromium ${m.chromium}; load average (1/5/15 min) ${m.load} at start, ${r.loadAtEnd} at end. ${r.date.slice(0, 10)}, ${r.plan.runs} cold runs per browser figure (median).`;
  const throughput = r.throughput;
  const perSecond = (throughput.created / throughput.elapsedMs) * 1000;
  const broadcasts = r.streams.broadcasts;
  const worstWithin = Math.min(...broadcasts.map((b) => b.withinOneSecond));
  const worstMax = Math.max(...broadcasts.map((b) => b.maxMs));
  const statusMedian = median(r.status);
  const statusP95 = quantile(r.status, 0.95);
  const rows = [
    ['loader.js size', `${bytes(r.loader.raw)} raw, ${bytes(r.loader.gzip)} gzip, ${bytes(r.loader.brotli)} brotli`, `≤ ${bytes(BUDGETS.loaderGzip)} gzip`, verdict(r.loader.gzip <= BUDGETS.loaderGzip)],
    ['main-thread time the loader adds at load', `${ms(r.load.taskMs)} (script ${ms(r.load.scriptMs)})`, `≤ ${ms(BUDGETS.loaderMainThreadMs)}`, verdict(r.load.taskMs <= BUDGETS.loaderMainThreadMs)],
    ['requests before first open', `${r.load.widgetRequests} (${r.load.requestPaths.join(', ')}), ${r.load.apiRequests} to the API`, '1 (loader.js), 0 to the API', verdict(r.load.widgetRequests === 1 && r.load.apiRequests === 0)],
    ['click → interactive form, 1× CPU', `${ms(median(r.open.x1))} (${range(r.open.x1, ms)}), ${r.open.chunks} chunks`, `≤ ${ms(BUDGETS.clickToInteractiveMs)}`, verdict(median(r.open.x1) <= BUDGETS.clickToInteractiveMs)],
    ['click → interactive form, 4× CPU slowdown', `${ms(median(r.open.x4))} (${range(r.open.x4, ms)})`, `≤ ${ms(BUDGETS.clickToInteractive4xMs)}`, verdict(median(r.open.x4) <= BUDGETS.clickToInteractive4xMs)],
    ['JS heap added by opening (after GC)', `${mb(median(r.open.heapAdded))} (${range(r.open.heapAdded, mb)})`, `≤ ${mb(BUDGETS.heapAddedBytes)}`, verdict(median(r.open.heapAdded) <= BUDGETS.heapAddedBytes)],
    [
      'a course ticket from a course page (scripted user, 1280×800)',
      `${r.effort.clicks} clicks, ${r.effort.keystrokes} keystrokes, ${r.effort.scrolls} scrolls`,
      `≤ ${BUDGETS.effort.clicks} clicks, ${BUDGETS.effort.keystrokes} keystrokes, ${BUDGETS.effort.scrolls} scrolls`,
      verdict(r.effort.clicks <= BUDGETS.effort.clicks && r.effort.keystrokes <= BUDGETS.effort.keystrokes && r.effort.scrolls <= BUDGETS.effort.scrolls),
    ],
    [`status change → visible in the open timeline (${r.status.length} changes)`, `median ${ms(statusMedian)}, p95 ${ms(statusP95)}, max ${ms(Math.max(...r.status))}`, `p95 ≤ ${ms(BUDGETS.statusP95Ms)}`, verdict(statusP95 <= BUDGETS.statusP95Ms)],
    [`tickets created, ${r.plan.reporters} concurrent reporters for ${Math.round(throughput.elapsedMs / 1000)} s`, `${perSecond.toFixed(1)} /s (${throughput.created} tickets), ${throughput.errors} errors`, `≥ ${BUDGETS.ticketsPerSecond} /s, 0 errors`, verdict(perSecond >= BUDGETS.ticketsPerSecond && throughput.errors === 0)],
    ['create latency under that load', `p50 ${ms(quantile(throughput.latencies, 0.5))}, p99 ${ms(quantile(throughput.latencies, 0.99))}`, `p99 ≤ ${ms(BUDGETS.createP99Ms)}`, verdict(quantile(throughput.latencies, 0.99) <= BUDGETS.createP99Ms)],
    [
      `${r.streams.count} event streams held ${Math.round(r.streams.heldMs / 1000)} s, ${broadcasts.length} broadcasts`,
      `${r.streams.stillOpen}/${r.streams.count} still open; worst broadcast: ${worstWithin}/${r.streams.count} within 1 s, slowest ${ms(worstMax)}`,
      `all within ${ms(BUDGETS.broadcastMs)}, none dropped`,
      verdict(r.streams.stillOpen === r.streams.count && worstWithin === r.streams.count),
    ],
  ];
  return `${machine}\n\n${markdownTable(['measure', 'result', 'budget', ''], rows)}\n`;
}
