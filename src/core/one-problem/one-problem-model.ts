/**
 * The trained one-problem model (scripts/one-problem-train.ts): logistic regression over hashed n-grams and
 * structure features. checkOneProblem asks it how it joins the rules (MODEL_COMBINE, chosen by cross-validation
 * on the tuning set): as a veto on the rules' splits from the content, it keeps whole the texts it is sure hold
 * one problem (README, "One ticket — one problem").
 */
import { findConnectives } from './connectives';
import { sharesSubject } from './content-stems';
import { findList } from './list-items';
import { FEATURE_COUNT, modelFeatures } from './model-features';
import { MODEL_SCALE, MODEL_WEIGHTS } from './model-weights';
import { markerText, openingWords } from './piece';
import { hasProblemMarker } from './problem-markers';
import { splitSentences } from './sentences';
import type { OneProblemCheck } from './check-one-problem';

let weights: Int8Array | null = null;

function decode(): Int8Array {
  if (weights !== null) return weights;
  const binary = atob(MODEL_WEIGHTS);
  const out = new Int8Array(FEATURE_COUNT);
  for (let i = 0; i < out.length; i += 1) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  weights = out;
  return out;
}

/** The model's probability that a description holds several problems (scripts/one-problem-train.ts). */
export function severalProblemsProbability(text: string): number {
  const w = decode();
  const x = modelFeatures(text);
  let z = 0;
  x.index.forEach((i, k) => (z += (w[i] ?? 0) * (x.value[k] ?? 0)));
  return 1 / (1 + Math.exp(-z * MODEL_SCALE));
}

/**
 * The writer's own cuts: a list, or a connective that may announce another point («Кроме того», «P.S.»,
 * «Во-вторых»). The model does not overrule them; it only weighs the rules' guesses from the content (a new
 * subject in the next sentence, paragraph or «и»-clause, a second question).
 */
export function writtenCuts(text: string): boolean {
  return findList(text) !== null || findConnectives(text).length > 0;
}

// "… и …", "…, а также …" inside one sentence: where a second problem joins the first without a full stop.
const JOIN = /(?:,\s*)?(?<![\p{L}\d])(?:и|а\s+также|а\s+еще|а\s+ещё|плюс)\s+/gu;

/**
 * Where to cut a text the model finds several problems in and the rules kept whole: the first sentence
 * boundary (or, in one sentence, the first «и» / «а также») whose two sides both report a problem and share no
 * subject. The marker is the joining word, or the opening words of the next sentence. Null when no such place exists: then the
 * text stays one problem, the model alone never blocks a user without showing where.
 */
export function modelSplit(text: string): OneProblemCheck | null {
  const cuts = splitSentences(text).slice(1).map((s) => ({ at: s.start, from: s.start, marker: null as string | null }));
  if (cuts.length === 0) {
    for (const m of text.matchAll(JOIN)) cuts.push({ at: m.index, from: m.index + m[0].length, marker: markerText(m[0]) });
  }
  for (const cut of cuts) {
    const [before, after] = [text.slice(0, cut.at).trim(), text.slice(cut.from).trim()];
    if (!hasProblemMarker(before) || !hasProblemMarker(after) || sharesSubject(before, after)) continue;
    return { parts: [before, after], markers: [cut.marker ?? openingWords(after)] };
  }
  return null;
}
