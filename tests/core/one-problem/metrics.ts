import { splitProblems } from '../../../src/core/one-problem';
import type { CorpusCase } from './corpus';

/** Confusion counts and scores of the binary decision "several problems" over a labelled set. */
export interface Metrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  misses: CorpusCase[];
}

/** Runs splitProblems over the cases and scores "splitProblems(text).length > 1" against the labels. */
export function measure(cases: readonly CorpusCase[]): Metrics {
  const m: Metrics = { tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, misses: [] };
  for (const c of cases) {
    const predicted = splitProblems(c.text).length > 1;
    const actual = c.problems > 1;
    if (predicted && actual) m.tp += 1;
    else if (predicted) m.fp += 1;
    else if (actual) m.fn += 1;
    else m.tn += 1;
    if (predicted !== actual) m.misses.push(c);
  }
  // No positive prediction means no false alarm: precision is perfect by definition, recall tells the rest.
  m.precision = m.tp + m.fp === 0 ? 1 : m.tp / (m.tp + m.fp);
  m.recall = m.tp + m.fn === 0 ? 1 : m.tp / (m.tp + m.fn);
  return m;
}

/** One readable line: "<name>: 92 texts, precision 1.00, recall 0.95 (tp=.. fp=.. fn=.. tn=..)". */
export function formatMetrics(name: string, size: number, m: Metrics): string {
  return (
    `${name}: ${size} texts, precision ${m.precision.toFixed(2)}, recall ${m.recall.toFixed(2)} ` +
    `(tp=${m.tp} fp=${m.fp} fn=${m.fn} tn=${m.tn})`
  );
}
