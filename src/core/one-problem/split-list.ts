import { findList } from './list-items';
import { hasProblemMarker } from './problem-markers';
import { followsUp, refersBack } from './refers-back';
import { introducesDetails, isActionStep, isPluralHeading, isStepItem } from './step-items';
import { cleanPart } from './clean-part';
import { itemMarker, type Piece } from './piece';
import { normalizeText } from './stem';

// A request or a wish of its own ("Нужен акт за квартал", "Предлагаем добавить …", "Было бы удобно …",
// "Поменяйте …"): an item support acts on.
const REQUEST =
  /^(?:нуж[ена]\p{L}*|прошу|просим|предлага\p{L}*|добав\p{L}*|хотим|хочу|сделайте|подскажите|хотелось\s+бы|было\s+бы\s+(?:удобно|хорошо|здорово|неплохо)|пожелание|возможность|\p{L}{3,}(?:йте|ите))(?![\p{L}])/u;

function isRequest(item: string): boolean {
  return REQUEST.test(normalizeText(item.trim()));
}

// "Клиент оплатил два курса, а доступ открылся только к одному": a contrast with what was expected.
const CONTRAST = /,\s+(?:но|а|однако)\s+(?!также)/u;

// A bare request before the list ("Прошу:", "Просим:", "Нужна помощь:"): each item is a request of its own.
const REQUEST_HEADING = /(?:^|[.!?,]\s*)(?:прошу|просим|нужна\s+помощь|подскажите|помогите)\s*:$/u;

interface Group {
  items: string[];
  marker: string;
}

// Items of one group: a problem item plus the non-problem items around it (context, browser, data).
function groupItems(items: string[], markers: string[], eachIsProblem: boolean): Group[] {
  const groups: Group[] = [];
  let groupHasProblem = false;
  items.forEach((item, i) => {
    const problem = eachIsProblem || ((hasProblemMarker(item) || isRequest(item) || CONTRAST.test(normalizeText(item))) && !isStepItem(item));
    const last = groups.at(-1);
    if (last === undefined || (problem && groupHasProblem && !refersBack(item) && !followsUp(item))) {
      groups.push({ items: [item], marker: markers[i] ?? '' });
      groupHasProblem = problem;
    } else {
      last.items.push(item);
      groupHasProblem ||= problem;
    }
  });
  return groups;
}

/**
 * Splits a list of unrelated problems into one text per problem; null when the text has no list or the
 * list belongs to one problem (steps to reproduce, attempts, data, symptoms after "не работает X:").
 */
export function splitList(text: string): string[] | null {
  return listPieces(text)?.map((p) => p.text) ?? null;
}

/** {@link splitList} with the list marker that opened each part ("2)", "-"). */
export function listPieces(text: string): Piece[] | null {
  const list = findList(text);
  if (list === null) return null;
  // "а) … б) … в) …": letters enumerate separate points; steps and symptoms are numbered or dashed.
  const lettered = list.markers.every((marker) => /^[а-иa-h]\)$/u.test(marker));
  const plural = isPluralHeading(list.intro);
  // Labels after a problem is told ("Не приходят письма. Вопрос: … Ошибка: …") tell more of it.
  if (list.labelled === true && !plural && hasProblemMarker(list.intro)) return null;
  const heading = lettered || list.labelled === true || plural || REQUEST_HEADING.test(normalizeText(list.intro.trim()));
  if (!heading) {
    if (introducesDetails(list.intro) || list.items.some(isActionStep)) return null;
    // "После обновления не работает курс:" followed by a list: the items are its symptoms.
    if (list.intro.trimEnd().endsWith(':') && hasProblemMarker(list.intro)) return null;
  }
  const groups = groupItems(list.items, list.markers, heading);
  if (groups.length < 2) return null;
  // The intro is either an announcement (dropped) or a shared context ("В курсе «X»:"), kept with each part.
  const context = heading ? '' : cleanPart(list.intro);
  const shared = context !== '' && list.intro.trimEnd().endsWith(':');
  return groups.map((g, i) => {
    const body = g.items.join('\n');
    const text = context !== '' && (shared || i === 0) ? `${context}${shared ? ': ' : '\n'}${body}` : body;
    return { text, marker: i === 0 ? null : itemMarker(g.marker, body) };
  });
}
