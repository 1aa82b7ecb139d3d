import { describe, expect, it } from 'vitest';
import { splitProblems } from '../../../src/core/one-problem';
import { loadCorpus } from './labelled';
import { formatMetrics, formatShapes, measure } from './metrics';

const tuning = loadCorpus('tuning');
const holdout = loadCorpus('holdout');

describe('one-problem corpus', () => {
  it('is big enough, mixed like real tickets, with a third held out', () => {
    const all = [...tuning, ...holdout];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(holdout.length / all.length).toBeGreaterThanOrEqual(0.25);
    const multi = all.filter((c) => c.problems > 1).length / all.length;
    expect(multi).toBeGreaterThan(0.3);
    expect(multi).toBeLessThan(0.65);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  // A floor under the figures the check reaches on the tuning set: 0.98 / 0.88 with the trained models (in-sample;
  // 0.955 / 0.834 in cross-validation).
  it('keeps its figures on the tuning set', () => {
    const m = measure(tuning);
    console.log(formatMetrics('one-problem tuning set', tuning.length, m));
    for (const miss of m.misses) console.log(`  missed ${miss.id} (${miss.problems}): ${JSON.stringify(miss.text)}`);
    expect(m.precision).toBeGreaterThanOrEqual(0.97);
    expect(m.recall).toBeGreaterThanOrEqual(0.87);
  });

  // The held-out set is never used to change the rules: only its figures are printed, never its texts.
  const held = measure(holdout);

  // 2,539 texts: 0.95 / 0.80 (tp 1,008, fp 48) with the models trained on the 5,205 of the tuning set, their hashed
  // tables 8,192 (text) and 2,048 + 4,096 (boundary) buckets; 0.96 / 0.77 (tp 975, fp 42) with tables of 1,024 and
  // 512 + 1,024 trained on the first 5,005. The boundary
  // model weighing pairs of its features, reading which order, group or person each side names, what it asks
  // support to do and the shape of the right side's opening (the classes, stems and letter trigrams of its first
  // words), a connective's cut vetoed below a score of 0.5, and the models deciding, at a threshold of their own,
  // where the rules cut nothing at a connective. Without the trigrams: 0.96 / 0.72 (tp 874, fp 39). The 1,632
  // newest were written apart and measured once before joining (docs/one-problem.md).
  it('does not fall below its held-out figures (precision 0.95, recall 0.79)', () => {
    console.log([formatMetrics('one-problem held-out set', holdout.length, held), ...formatShapes(held)].join('\n'));
    expect(held.precision).toBeGreaterThanOrEqual(0.95);
    expect(held.recall).toBeGreaterThanOrEqual(0.79);
  });

  // The product's goal on texts the rules were not tuned on (precision ≥ 0.95, recall ≥ 0.9) is not reached
  // yet: the floor above keeps what is reached, and the README says what is missing. The trained models
  // (npm run train:one-problem) took it from the rules' 0.75 / 0.63 to 0.98 / 0.65 on this set (docs/one-problem.md).
  it.todo('reaches the goal on the held-out set: precision ≥ 0.95, recall ≥ 0.9');

  const exact = [
    'legacy-corpus-1', // "1. … 2. …" inline
    'legacy-corpus-4', // во-первых / во-вторых / в-третьих
    'legacy-corpus-13', // a numbered list, one item a line
    'legacy-corpus-6', // two unrelated questions
  ].map((id) => tuning.find((c) => c.id === id));

  it.each(exact)('finds the labelled number of problems in %#', (c) => {
    expect(c).toBeDefined();
    expect(splitProblems(c?.text ?? '')).toHaveLength(c?.problems ?? -1);
  });
});
