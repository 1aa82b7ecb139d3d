// The one-problem check's cost on the server's event loop (it runs on every create): ordinary descriptions of the
// labelled corpus against texts made to be slow — a unit repeated to the description's limit of 5,000 characters,
// alone and after two problems — and how that cost grows with the length (×4 from 1,250 to 5,000 characters is
// linear; ×16 would be quadratic: a sentence end once read a run of dots again from each dot, 1 s for 5,000 of them). Best of five timings per text, so a busy machine's pauses do not count.
//   node scripts/bench/check-cost.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { markdownTable, median, ms, quantile } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIMIT = 5000;
const UNITS = ['.', '…', '!', '?', '. ', '? ', '.\n', 'и ', 'а также ', 'ещё ', 'Кроме того, ', '1. ', '1) ', '— ', ';', ', ', 'не ', 'тест, и ', 'P.S. ', 'а'];
const PREFIXES = ['', 'Не открывается тест по охране труда. Кроме того, не пришёл счёт на оплату за октябрь. '];

/** Budgets: a text made to be slow costs at most this much, and grows at most this much from 1,250 to 5,000 characters. */
export const CHECK_BUDGETS = { worstMs: 250, growth: 8 };

/** The check's timings: ordinary texts, texts made to be slow, and the growth with length. */
export async function measureCheckCost() {
  const { checkOneProblem } = await tsImport(join(ROOT, 'src/core/index.ts'), import.meta.url);
  const best = (text) => {
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      checkOneProblem(text);
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  const corpus = JSON.parse(readFileSync(join(ROOT, 'tests/core/one-problem/corpus/tuning.json'), 'utf8'));
  const texts = corpus.slice(0, 300).map((entry) => entry.text);
  const ordinary = texts.map(best);
  const slow = [];
  for (const prefix of PREFIXES) {
    for (const unit of UNITS) {
      const made = (length) => (prefix + unit.repeat(Math.ceil(length / unit.length))).slice(0, length);
      best(made(500));
      const full = best(made(LIMIT));
      const quarter = best(made(LIMIT / 4));
      slow.push({ unit, prefixed: prefix !== '', ms: full, growth: full / Math.max(quarter, 0.05) });
    }
  }
  return { ordinary, slow };
}

/** The check's figures as markdown. */
export function renderCheckCost({ ordinary, slow }) {
  const worst = slow.reduce((a, b) => (b.ms > a.ms ? b : a));
  const steepest = slow.filter((row) => row.ms >= 20).reduce((a, b) => (b.growth > a.growth ? b : a), { growth: 0, unit: '—', ms: 0 });
  const name = (row) => `${JSON.stringify(row.unit)}${row.prefixed ? ' after two problems' : ''}`;
  const rows = [
    [`ordinary descriptions (${ordinary.length} of the tuning set)`, `median ${ms(median(ordinary))}, p99 ${ms(quantile(ordinary, 0.99))}, max ${ms(Math.max(...ordinary))}`, '—', ''],
    [`texts made to be slow, ${LIMIT} characters (${slow.length})`, `median ${ms(median(slow.map((row) => row.ms)))}, worst ${ms(worst.ms)} (${name(worst)})`, `≤ ${ms(CHECK_BUDGETS.worstMs)}`, worst.ms <= CHECK_BUDGETS.worstMs ? 'ok' : '**over**'],
    ['growth from 1,250 to 5,000 characters (4× is linear)', `steepest ×${steepest.growth.toFixed(1)} (${name(steepest)}, of those over 20 ms)`, `≤ ×${CHECK_BUDGETS.growth}`, steepest.growth <= CHECK_BUDGETS.growth ? 'ok' : '**over**'],
  ];
  return `One-problem check on the event loop (best of 5 per text):\n\n${markdownTable(['measure', 'result', 'budget', ''], rows)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureCheckCost().then((result) => console.log(renderCheckCost(result)));
}
