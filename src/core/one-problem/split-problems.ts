import { cleanPart } from './clean-part';
import { splitList } from './split-list';
import { splitOnConnectives } from './split-connectives';
import { splitQuestions } from './split-questions';

function splitProse(text: string): string[] {
  return splitOnConnectives(text).flatMap(splitQuestions);
}

/**
 * The separate problems found in a ticket description: one element (the trimmed text) for one problem,
 * several cleaned parts for several, none for an empty text. When unsure it answers "one problem":
 * a false alarm blocks every user, a missed split only costs support a little time.
 */
export function splitProblems(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const pieces = splitList(trimmed)?.flatMap(splitProse) ?? splitProse(trimmed);
  const parts = pieces.map(cleanPart).filter((p) => p !== '');
  return parts.length > 1 ? parts : [trimmed];
}
