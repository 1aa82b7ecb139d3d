import { withoutInvisible } from '../invisible';
import { cleanPart } from './clean-part';
import { findList } from './list-items';
import { listPieces } from './split-list';
import { clausePieces, paragraphPieces } from './split-clauses';
import { connectivePieces } from './split-connectives';
import { questionPieces } from './split-questions';
import { sentencePieces } from './split-sentences';
import { splitPieces, type Piece } from './piece';
import { MODEL_CONNECTIVE_THRESHOLD, MODEL_VETO } from './model-weights';
import { modelCheck, severalProblemsScore, writtenCut } from './one-problem-model';

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
 * A list or a connective is the writer's own cut and the rules read it: a list's cuts stand, a connective's
 * stand unless the trained models' score of the text is below MODEL_VETO («также» adding a detail of the same
 * fault). Elsewhere, and where the rules cut nothing at the writer's list or connective, the models
 * (scripts/one-problem-train.ts) decide, and cut where a boundary reaches their threshold.
 */
export function checkOneProblem(text: string): OneProblemCheck {
  const trimmed = withoutInvisible(text).trim();
  if (trimmed === '') return { parts: [], markers: [] };
  const written = writtenCut(trimmed);
  if (written === null) return modelCheck(trimmed);
  const rules = checkRules(trimmed);
  // A connective the rules read as going on with the same subject («а также не открывается …») leaves the
  // decision to the models, with a threshold of their own for such texts.
  if (rules.parts.length < 2) return modelCheck(trimmed, MODEL_CONNECTIVE_THRESHOLD);
  if (written === 'list' || severalProblemsScore(trimmed) >= MODEL_VETO) return rules;
  return { parts: [trimmed], markers: [] };
}

/** What the rules alone find: the parts and their markers (checkOneProblem adds the model's word). */
export function checkRules(text: string): OneProblemCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { parts: [], markers: [] };
  const list = listPieces(trimmed);
  const pieces = list === null ? prosePieces(trimmed) : splitPieces(list, prosePieces);
  const kept = pieces.map((p) => ({ text: cleanPart(p.text), marker: p.marker })).filter((p) => p.text !== '');
  if (kept.length < 2) return { parts: [trimmed], markers: [] };
  return { parts: kept.map((p) => p.text), markers: kept.slice(1).map((p) => p.marker ?? '').filter((m) => m !== '') };
}
