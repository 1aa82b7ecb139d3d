import { findConnectives } from './connectives';
import { sharesSubject } from './content-stems';
import { findList } from './list-items';
import { hasProblemMarker, isQuestion, reportsFailure } from './problem-markers';
import { splitSentences } from './sentences';
import { normalizeText } from './stem';

/** Hashed buckets of character and word n-grams; the rule features follow them. */
export const HASH_BUCKETS = 8192;

/**
 * Names of the features computed from the structure of the text, in the order of their weights. The rules'
 * own decision is not among them: the rules were written against the tuning set, so on it they look better
 * than they are, and a model trained there would learn to trust them blindly.
 */
export const RULE_FEATURES = [
  'bias',
  'list',
  'list-items',
  'sentences',
  'lines',
  'paragraphs',
  'connectives-new',
  'connectives-maybe',
  'questions',
  'problem-sentences',
  'failure-sentences',
  'unrelated-neighbours',
  'and-clauses',
  'ordinal-words',
  'length',
] as const;

/** Length of a feature vector: the hashed buckets, then the rule features. */
export const FEATURE_COUNT = HASH_BUCKETS + RULE_FEATURES.length;

/** A sparse feature vector: indices and their values, same length. */
export interface SparseVector {
  index: number[];
  value: number[];
}

// FNV-1a, 32 bits: the same bucket on every platform, so weights trained in Node work in the browser.
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ORDINAL = /(?<![\p{L}\d])(?:во-первых|во-вторых|в-третьих|перв(?:ый|ое|ая)|втор(?:ой|ое|ая)|трет(?:ий|ье|ья))(?![\p{L}\d])/gu;
const AND = /(?<![\p{L}\d])(?:и|а также|а еще)\s/gu;

/** A count as a feature in [0, 1]: saturated at `scale`. */
export const squash = (n: number, scale: number): number => Math.min(n, scale) / scale;

/** The rule and structure features of a text, each in [0, 1], aligned with RULE_FEATURES. */
function ruleFeatures(text: string, norm: string): number[] {
  const list = findList(text);
  const sentences = splitSentences(text).map((s) => s.text);
  const connectives = findConnectives(text);
  let unrelated = 0;
  for (let i = 1; i < sentences.length; i += 1) {
    const [a, b] = [sentences[i - 1] ?? '', sentences[i] ?? ''];
    if (hasProblemMarker(a) && hasProblemMarker(b) && !sharesSubject(a, b)) unrelated += 1;
  }
  return [
    1,
    list === null ? 0 : 1,
    squash(list?.items.length ?? 0, 5),
    squash(sentences.length, 8),
    squash(text.split(/\n/).length - 1, 6),
    squash(text.split(/\n\s*\n/).length - 1, 3),
    squash(connectives.filter((c) => c.kind === 'new').length, 2),
    squash(connectives.filter((c) => c.kind === 'maybe').length, 2),
    squash(sentences.filter(isQuestion).length, 3),
    squash(sentences.filter(hasProblemMarker).length, 4),
    squash(sentences.filter(reportsFailure).length, 4),
    squash(unrelated, 3),
    squash(norm.match(AND)?.length ?? 0, 4),
    squash(norm.match(ORDINAL)?.length ?? 0, 3),
    squash(text.length, 800),
  ];
}

/**
 * The features the one-problem model reads: hashed character 2–5-grams and word 1–2-grams (present or not,
 * scaled to unit length), then the rule features. Digits fold to "0", so numbers do not become topics.
 */
export function modelFeatures(text: string): SparseVector {
  const norm = normalizeText(text).replace(/\d/g, '0');
  const buckets = new Set<number>();
  const padded = ` ${norm.replace(/\s+/g, ' ')} `;
  for (let n = 2; n <= 5; n += 1) {
    for (let i = 0; i + n <= padded.length; i += 1) buckets.add(hash(`c${padded.slice(i, i + n)}`) % HASH_BUCKETS);
  }
  const words = norm.match(/[\p{L}0]+|[?:;—–\n]/gu) ?? [];
  for (let i = 0; i < words.length; i += 1) {
    buckets.add(hash(`w${words[i] ?? ''}`) % HASH_BUCKETS);
    if (i > 0) buckets.add(hash(`b${words[i - 1] ?? ''} ${words[i] ?? ''}`) % HASH_BUCKETS);
  }
  const scale = buckets.size === 0 ? 0 : 1 / Math.sqrt(buckets.size);
  const index = [...buckets].sort((a, b) => a - b);
  const value = index.map(() => scale);
  ruleFeatures(text, norm).forEach((v, i) => {
    if (v !== 0) {
      index.push(HASH_BUCKETS + i);
      value.push(v);
    }
  });
  return { index, value };
}
