import { normalizeText, stem } from './stem';
import { GENERIC_STEMS, STOP_WORDS } from './vocabulary';

/** Stems of the words that carry the subject of a text (no function words, no generic LMS/failure words). */
export function contentStems(text: string): Set<string> {
  const words = normalizeText(text).match(/\p{L}[\p{L}\d]*/gu) ?? [];
  const stems = new Set<string>();
  for (const word of words) {
    // Two-letter words are mostly prepositions; the few meaningful ones (ГО, ЧС) are not worth the noise.
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const s = stem(word);
    if (!GENERIC_STEMS.has(s)) stems.add(s);
  }
  return stems;
}

/** True when two texts (or a text and already collected stems) share a subject stem: probably the same thing. */
export function sharesSubject(a: string | ReadonlySet<string>, b: string): boolean {
  // Callers scanning a long text pass the stems collected so far, which keeps them linear.
  const left = typeof a === 'string' ? contentStems(a) : a;
  for (const s of contentStems(b)) if (left.has(s)) return true;
  return false;
}
