/** A piece of a text with its position in that text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

// A sentence ends after .!?… followed by a space, or at a line break. Not before a dash, and not after a
// closing quote followed by a lowercase word: «Какой огнетушитель?» — засчитывается … is one sentence.
// A match starts only where a run of .!?… starts: tried at every dot of «.....» not followed by a space, the
// run was read again from each one (a description of 5,000 dots took half a second, on the server too).
const BOUNDARY = /(?<![.!?…])[.!?…]+(?:[»"”')]+(?=\s+(?![—–-]|\p{Ll}))|(?=\s+(?![—–-])))|\n/gu;

/** Splits text into trimmed sentences (line breaks end a sentence too), keeping their offsets. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '') spans.push({ start: from + lead, end: from + lead + body.length, text: body });
    from = to;
  };
  for (const match of text.matchAll(BOUNDARY)) push(match.index + match[0].length);
  push(text.length);
  return spans;
}
