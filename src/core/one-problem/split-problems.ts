import { checkOneProblem } from './check-one-problem';

/**
 * The separate problems found in a ticket description: one element (the trimmed text) for one problem,
 * several cleaned parts for several, none for an empty text.
 */
export function splitProblems(text: string): string[] {
  return checkOneProblem(text).parts;
}
