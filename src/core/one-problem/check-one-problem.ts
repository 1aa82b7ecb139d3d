import { cleanPart } from './clean-part';
import { findList } from './list-items';
import { listPieces } from './split-list';
import { clausePieces, paragraphPieces } from './split-clauses';
import { connectivePieces } from './split-connectives';
import { questionPieces } from './split-questions';
import { sentencePieces } from './split-sentences';
import { splitPieces, type Piece } from './piece';

/** What the one-problem check found: the parts (one for one problem) and the markers that caused each split. */
export interface OneProblemCheck {
  parts: string[];
  /** One marker per split, as written in the text («Кроме того», «2)», «и»); empty for one problem. */
  markers: string[];
}

function prosePieces(text: string): Piece[] {
  let pieces = paragraphPieces(text);
  pieces = splitPieces(pieces, connectivePieces);
  pieces = splitPieces(pieces, questionPieces);
  // Lines of a list are steps, symptoms or data of what the list is about, not sentences of prose.
  return findList(text) === null ? splitPieces(splitPieces(pieces, sentencePieces), clausePieces) : splitPieces(pieces, clausePieces);
}

/**
 * The separate problems found in a ticket description, with the marker of every split. When unsure it
 * answers "one problem": a false alarm blocks every user, a missed split only costs support a little time.
 */
export function checkOneProblem(text: string): OneProblemCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { parts: [], markers: [] };
  const list = listPieces(trimmed);
  const pieces = list === null ? prosePieces(trimmed) : splitPieces(list, prosePieces);
  const kept = pieces.map((p) => ({ text: cleanPart(p.text), marker: p.marker })).filter((p) => p.text !== '');
  if (kept.length < 2) return { parts: [trimmed], markers: [] };
  return { parts: kept.map((p) => p.text), markers: kept.slice(1).map((p) => p.marker ?? '').filter((m) => m !== '') };
}
