/** A piece of a description cut at a split point, with the words that caused the cut. */
export interface Piece {
  text: string;
  /** The marker that opened this piece ("Кроме того", "2)", "И почему"); null for the first piece. */
  marker: string | null;
}

const EDGE_PUNCTUATION = /^[\s,.:;—–-]+|[\s,:;—–-]+$/gu;
const WORDS_OF_OPENING = 3;

/** A marker as the user wrote it: trimmed of spaces and surrounding punctuation ("Кроме того," → "Кроме того"). */
export function markerText(raw: string): string {
  return raw.replace(/\s+/gu, ' ').replace(EDGE_PUNCTUATION, '');
}

// Words that leave an opening unfinished when it ends on them («И ещё у», «В отчёте по»).
const DANGLING = /^(?:[\p{L}]{1,2}|без|для|под|над|про|при|через|после|перед|между|что|как|где|когда|чтобы|если|также|тоже|ещё|еще|этот|эта|это|эти|этом|этой|моей|моём|моем|нашем|нашей)$/iu;
const MOST_WORDS_OF_OPENING = 6;

/**
 * The first few words of a piece, as the marker of a split with no marker word (a new question or paragraph):
 * three, and more when the third leaves it unfinished («В отчёте по группе», not «В отчёте по»), at most six.
 */
export function openingWords(text: string): string {
  const all = text.trim().split(/\s+/u).slice(0, MOST_WORDS_OF_OPENING);
  // Never past the end of a sentence or a clause closed by «;».
  const end = all.findIndex((word) => /[.!?…;]$/u.test(word));
  const words = end === -1 ? all : all.slice(0, end + 1);
  let count = Math.min(WORDS_OF_OPENING, words.length);
  while (count < words.length && DANGLING.test((words[count - 1] ?? '').replace(/[«»"'(),:]/gu, ''))) count += 1;
  return markerText(words.slice(0, count).join(' ').replace(/[.!?…]+$/u, ''));
}

/**
 * The marker of a cut at a joining word inside a sentence: the word and the opening of what follows («и счёт на
 * оплату»), since «и» alone does not say where; a dash or a semicolon alone gives way to the opening.
 */
export function joinMarker(join: string, right: string): string {
  const word = markerText(join);
  const opening = openingWords(right);
  if (word === '') return opening;
  return opening === '' ? word : `${word} ${opening}`;
}

/** A list item's marker as the notice names it: a number or a letter as written, a bullet by the item's opening. */
export function itemMarker(marker: string, item: string): string {
  return /[\p{L}\p{N}]/u.test(marker) ? marker : openingWords(item) || marker;
}

/** Cuts `text` at `starts` (sorted, the first is 0), each later piece opened by its marker. */
export function cutAt(text: string, starts: ReadonlyArray<{ at: number; marker: string | null }>): Piece[] {
  return starts.map((s, i) => ({ text: text.slice(s.at, starts[i + 1]?.at ?? text.length), marker: s.marker }));
}

/** Splits each piece again; the first sub-piece keeps the marker of the piece it came from. */
export function splitPieces(pieces: readonly Piece[], split: (text: string) => Piece[]): Piece[] {
  return pieces.flatMap((piece) => split(piece.text).map((sub, i) => (i === 0 ? { ...sub, marker: piece.marker } : sub)));
}
