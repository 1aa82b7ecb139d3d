import { findList } from './list-items';
import { hasProblemMarker } from './problem-markers';
import { refersBack } from './refers-back';
import { introducesDetails, isActionStep, isPluralHeading, isStepItem } from './step-items';
import { cleanPart } from './clean-part';

// Items of one group: a problem item plus the non-problem items around it (context, browser, data).
function groupItems(items: string[], eachIsProblem: boolean): string[][] {
  const groups: string[][] = [];
  let groupHasProblem = false;
  for (const item of items) {
    const problem = eachIsProblem || (hasProblemMarker(item) && !isStepItem(item));
    const last = groups.at(-1);
    if (last === undefined || (problem && groupHasProblem && !refersBack(item))) {
      groups.push([item]);
      groupHasProblem = problem;
    } else {
      last.push(item);
      groupHasProblem ||= problem;
    }
  }
  return groups;
}

/**
 * Splits a list of unrelated problems into one text per problem; null when the text has no list or the
 * list belongs to one problem (steps to reproduce, attempts, data, symptoms after "не работает X:").
 */
export function splitList(text: string): string[] | null {
  const list = findList(text);
  if (list === null) return null;
  const heading = isPluralHeading(list.intro);
  if (!heading) {
    if (introducesDetails(list.intro) || list.items.some(isActionStep)) return null;
    // "После обновления не работает курс:" followed by a list: the items are its symptoms.
    if (list.intro.trimEnd().endsWith(':') && hasProblemMarker(list.intro)) return null;
  }
  const groups = groupItems(list.items, heading);
  if (groups.length < 2) return null;
  // The intro is either an announcement (dropped) or a shared context ("В курсе «X»:"), kept with each part.
  const context = heading ? '' : cleanPart(list.intro);
  const shared = context !== '' && list.intro.trimEnd().endsWith(':');
  return groups.map((g, i) => {
    const body = g.join('\n');
    return context !== '' && (shared || i === 0) ? `${context}${shared ? ': ' : '\n'}${body}` : body;
  });
}
