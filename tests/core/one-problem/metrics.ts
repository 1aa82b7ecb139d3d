import { splitProblems } from '../../../src/core/one-problem';

/** What scoring needs of a labelled case: its text, its true number of problems, optionally its shape. */
export interface ScoredCase {
  text: string;
  problems: number;
  shape?: string;
}

/** Confusion counts of the binary decision "several problems". */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Confusion counts, scores and the wrongly decided cases over a labelled set. */
export interface Metrics<C extends ScoredCase = ScoredCase> extends Confusion {
  precision: number;
  recall: number;
  misses: C[];
  /** Confusion counts per shape of text. */
  byShape: Map<string, Confusion>;
}

const empty = (): Confusion => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function count(into: Confusion, predicted: boolean, actual: boolean): void {
  if (predicted && actual) into.tp += 1;
  else if (predicted) into.fp += 1;
  else if (actual) into.fn += 1;
  else into.tn += 1;
}

/** Scores "the detector finds several problems" against the labels (splitProblems by default). */
export function measure<C extends ScoredCase>(cases: readonly C[], several = (text: string) => splitProblems(text).length > 1): Metrics<C> {
  const m: Metrics<C> = { ...empty(), precision: 0, recall: 0, misses: [], byShape: new Map() };
  for (const c of cases) {
    const predicted = several(c.text);
    const actual = c.problems > 1;
    count(m, predicted, actual);
    const shape = c.shape ?? 'unlabelled';
    const perShape = m.byShape.get(shape) ?? empty();
    count(perShape, predicted, actual);
    m.byShape.set(shape, perShape);
    if (predicted !== actual) m.misses.push(c);
  }
  // No positive prediction means no false alarm: precision is perfect by definition, recall tells the rest.
  m.precision = m.tp + m.fp === 0 ? 1 : m.tp / (m.tp + m.fp);
  m.recall = m.tp + m.fn === 0 ? 1 : m.tp / (m.tp + m.fn);
  return m;
}

/** One readable line: "<name>: 92 texts, precision 1.00, recall 0.95 (tp=.. fp=.. fn=.. tn=..)". */
export function formatMetrics(name: string, size: number, m: Confusion & { precision: number; recall: number }): string {
  return (
    `${name}: ${size} texts, precision ${m.precision.toFixed(2)}, recall ${m.recall.toFixed(2)} ` +
    `(tp=${m.tp} fp=${m.fp} fn=${m.fn} tn=${m.tn})`
  );
}

/** The per-shape confusion as aligned lines, worst shapes (most errors) first. */
export function formatShapes(m: Metrics): string[] {
  const rows = [...m.byShape.entries()].sort(([, a], [, b]) => b.fn + b.fp - (a.fn + a.fp));
  const width = Math.max(5, ...rows.map(([shape]) => shape.length));
  return rows.map(([shape, c]) => `  ${shape.padEnd(width)}  tp=${c.tp} fp=${c.fp} fn=${c.fn} tn=${c.tn}`);
}
