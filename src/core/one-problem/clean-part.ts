import { capitalizeFirst } from '../capitalize';
import { findConnectives } from './connectives';
import { splitSentences } from './sentences';
import { normalizeText } from './stem';
import { isPluralHeading } from './step-items';

const LIST_MARKER = /^(?:\d{1,2}\s?[.)]|[-–—•*●▪·])\s*/u;
const GREETING = /^(?:здравствуйте|здраствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|привет|коллеги)(?![\p{L}])[\s,!.]*/u;
const FIRST = /^(?:во-?\s?первых|перв(?:ая|ый|ое)(?:\s+(?:проблема|вопрос))?(?=\s*[:,—–-]))/u;
// "… в том, что …" / "…, что …" left after a connective ("вторая проблема в том что в заявке …").
const THAT = /^[\s,:—–-]*(?:(?:в\s+том|заключается\s+в\s+том),?\s+)?что\s+/u;
// Leading "и" / "а" / "но" / "плюс" of a clause cut out of the middle of a text.
const CONJUNCTION = /^(?:и|а|но|плюс)\s+/u;
const PUNCTUATION_START = /^[\s,.:;—–-]+/u;
const PUNCTUATION_END = /[\s,;:—–-]+$/u;
const MAX_ROUNDS = 8;

// Matching runs on the normalized text; its length equals the original's, so the cut is the same.
function cut(text: string, re: RegExp): string {
  const match = re.exec(normalizeText(text));
  return match === null ? text : text.slice(match[0].length);
}

function cutHeading(text: string): string {
  const first = splitSentences(text)[0];
  // "У нас две проблемы." announces the split; it is noise in each part.
  if (first === undefined || first.end >= text.trim().length || !isPluralHeading(first.text)) return text;
  return text.slice(first.end);
}

function cutConnective(text: string): string {
  const first = findConnectives(text)[0];
  if (first === undefined || first.start !== 0) return text;
  return cut(text.slice(first.end), THAT);
}

function cutOnce(text: string): string {
  let t = cut(text.trim(), LIST_MARKER);
  t = cut(t, GREETING).replace(PUNCTUATION_START, '');
  t = cutHeading(t).replace(PUNCTUATION_START, '');
  t = cut(t, FIRST).replace(PUNCTUATION_START, '');
  t = cutConnective(t).replace(PUNCTUATION_START, '');
  return cut(t, CONJUNCTION).trim();
}

/**
 * Makes one split part read as its own ticket: drops the list marker, greeting, "у нас две проблемы",
 * "во-первых" and the introducing connective, and capitalises the first letter. Never returns less than
 * the original when cleaning would leave nothing.
 */
export function cleanPart(part: string): string {
  let t = part.trim();
  // A part opens with a few of these at most («1) Здравствуйте, во-первых, …»); the bound keeps a text of nothing
  // but «и и и …» from costing a pass per word.
  for (let previous = '', round = 0; previous !== t && round < MAX_ROUNDS; round += 1) {
    previous = t;
    t = cutOnce(t);
  }
  t = t.replace(PUNCTUATION_END, '');
  if (t === '') return part.trim();
  return capitalizeFirst(t);
}
