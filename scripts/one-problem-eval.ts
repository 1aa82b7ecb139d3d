/**
 * Measures the one-problem check on the labelled corpus: precision, recall and the confusion of each shape,
 * for the tuning set and the held-out set. `--misses` also prints the tuning set's wrong decisions (never the
 * held-out set's: looking at them would turn it into a tuning set). `--tuning` leaves the held-out set out.
 */
import { loadCorpus } from '../tests/core/one-problem/labelled';
import { formatMetrics, formatShapes, measure } from '../tests/core/one-problem/metrics';

const showMisses = process.argv.includes('--misses');
// `--tuning` measures the tuning set only: while changing the rules, the held-out figure is not looked at.
const sets = process.argv.includes('--tuning') ? (['tuning'] as const) : (['tuning', 'holdout'] as const);

for (const set of sets) {
  const cases = loadCorpus(set);
  const m = measure(cases);
  console.log(formatMetrics(`${set} set`, cases.length, m));
  for (const line of formatShapes(m)) console.log(line);
  if (set === 'tuning' && showMisses) {
    for (const miss of m.misses) console.log(`  missed ${miss.id} (${miss.problems}, ${miss.shape}): ${JSON.stringify(miss.text)}`);
  }
}
