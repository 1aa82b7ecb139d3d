/**
 * The trained one-problem models (scripts/one-problem-train.ts): a text model (logistic regression over hashed
 * n-grams and structure features of the whole description) and a boundary model (the same over each place
 * where the description may split). Their mixed score decides whether a description holds several problems,
 * and the boundaries that reach it are where it is cut, each named by its joining word or the opening words of
 * what follows (README, "One ticket — one problem").
 */
import { boundariesOf, BOUNDARY_FEATURE_COUNT, type Boundary } from './boundary-features';
import { cleanPart } from './clean-part';
import { findConnectives } from './connectives';
import { findList } from './list-items';
import { raisesSomething } from './split-sentences';
import { FEATURE_COUNT, modelFeatures, type SparseVector } from './model-features';
import { BOUNDARY_SCALE, BOUNDARY_WEIGHTS, MODEL_MIX, MODEL_THRESHOLD, TEXT_SCALE, TEXT_WEIGHTS } from './model-weights';
import type { OneProblemCheck } from './check-one-problem';

const decoded = new Map<string, Int8Array>();

function decode(base64: string, length: number): Int8Array {
  const cached = decoded.get(base64);
  if (cached !== undefined) return cached;
  const binary = atob(base64);
  const out = new Int8Array(length);
  for (let i = 0; i < out.length; i += 1) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  decoded.set(base64, out);
  return out;
}

function probability(weights: Int8Array, scale: number, x: SparseVector): number {
  let z = 0;
  x.index.forEach((i, k) => (z += (weights[i] ?? 0) * (x.value[k] ?? 0)));
  return 1 / (1 + Math.exp(-z * scale));
}

/** The text model's probability that a description holds several problems. */
export function severalProblemsProbability(text: string): number {
  return probability(decode(TEXT_WEIGHTS, FEATURE_COUNT), TEXT_SCALE, modelFeatures(text));
}

/**
 * The writer's own cuts: a list, or else a connective that may announce another point («Кроме того», «P.S.»,
 * «Во-вторых»); null for neither. Where the text has them, the rules read them (a connective's cut stands when
 * the models do not veto it: MODEL_VETO).
 */
export function writtenCut(text: string): 'list' | 'connective' | null {
  if (findList(text) !== null) return 'list';
  return findConnectives(text).length > 0 ? 'connective' : null;
}

/** Each boundary of a description with its mixed score: MODEL_MIX × its own probability + the rest × the text model's. */
function scoredBoundaries(text: string): Array<Boundary & { score: number }> {
  const boundaries = boundariesOf(text);
  if (boundaries.length === 0) return [];
  const textP = severalProblemsProbability(text);
  const weights = decode(BOUNDARY_WEIGHTS, BOUNDARY_FEATURE_COUNT);
  return boundaries.map((b) => ({ ...b, score: MODEL_MIX * probability(weights, BOUNDARY_SCALE, b.x) + (1 - MODEL_MIX) * textP }));
}

/** The models' mixed score of a whole description: that of its most likely boundary (the text model's share alone when it has none). */
export function severalProblemsScore(text: string): number {
  const scored = scoredBoundaries(text);
  return scored.length === 0 ? (1 - MODEL_MIX) * severalProblemsProbability(text) : Math.max(...scored.map((b) => b.score));
}

/** A few words that raise nothing: a greeting, a signature, thanks. */
function aside(piece: string): boolean {
  return piece.trim().split(/\s+/u).length <= ASIDE_WORDS && !raisesSomething(piece);
}
const ASIDE_WORDS = 5;

/**
 * The models' answer: the parts of a description and the marker of each cut. A text holds several problems
 * when a boundary's mixed score (MODEL_MIX × its own probability + the rest × the text model's) reaches
 * `threshold` (MODEL_THRESHOLD unless the caller has reason for another). It is cut at every such boundary, except inside a sentence where one side reports nothing of
 * its own (a cut there would leave a fragment); when that leaves no cut, at the highest-scoring one.
 */
export function modelCheck(text: string, threshold = MODEL_THRESHOLD): OneProblemCheck {
  const whole = { parts: [text], markers: [] };
  const passing = scoredBoundaries(text).filter((b) => b.score >= threshold);
  if (passing.length === 0) return whole;
  const readable = passing.filter((b) => !b.join || b.bothRaise);
  const cuts = readable.length > 0 ? readable : [passing.reduce((a, b) => (b.score > a.score ? b : a))];
  // Each piece starts where a cut ended and is named by that cut's marker. A greeting, a signature or «Спасибо»
  // is no problem of its own: it joins the piece after it, or the one before when it is last.
  type Span = { from: number; to: number; marker: string };
  const pieces: Span[] = [];
  let carry: Span | null = null;
  let from = 0;
  let marker = '';
  for (const cut of [...cuts, { at: text.length, from: text.length, marker: '' }]) {
    const piece: Span = carry === null ? { from, to: cut.at, marker } : { ...carry, to: cut.at };
    if (!aside(text.slice(from, cut.at))) {
      pieces.push(piece);
      carry = null;
    } else carry = piece;
    marker = cut.marker;
    from = cut.from;
  }
  const last = pieces.at(-1);
  if (carry !== null && last !== undefined) last.to = carry.to;
  const parts = pieces.map((piece) => cleanPart(text.slice(piece.from, piece.to)));
  if (parts.length < 2 || parts.includes('')) return whole;
  return { parts, markers: pieces.slice(1).map((piece) => piece.marker) };
}
