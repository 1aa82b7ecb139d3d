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

/** The first few words of a piece, as the marker of a split with no marker word (a new question or paragraph). */
export function openingWords(text: string): string {
  const words = text.trim().split(/\s+/u).slice(0, WORDS_OF_OPENING).join(' ');
  return markerText(words.replace(/[.!?…]+$/u, ''));
}

/** Cuts `text` at `starts` (sorted, the first is 0), each later piece opened by its marker. */
export function cutAt(text: string, starts: ReadonlyArray<{ at: number; marker: string | null }>): Piece[] {
  return starts.map((s, i) => ({ text: text.slice(s.at, starts[i + 1]?.at ?? text.length), marker: s.marker }));
}

/** Splits each piece again; the first sub-piece keeps the marker of the piece it came from. */
export function splitPieces(pieces: readonly Piece[], split: (text: string) => Piece[]): Piece[] {
  return pieces.flatMap((piece) => split(piece.text).map((sub, i) => (i === 0 ? { ...sub, marker: piece.marker } : sub)));
}
