/** Turning a multi-problem description into one draft per problem. */
import { capitalizeFirst, DRAFT_LIMITS } from '../../core';
import type { TicketDraft, TicketFieldName } from '../../core';
import type { SplitItem } from './stored-draft';

/** Longest derived subject: long enough to tell the parts apart, short enough for a list. */
const SUBJECT_LENGTH = 80;

// A greeting alone says nothing of the problem («Добрый день!», «Уважаемая техподдержка,»).
const GREETING =
  /^(?:(?:здравствуйте|добр\S+ (?:день|вечер|утро|дня|времени суток)|привет\S*|коллеги|друзья|уважаем\S+(?: \S+)?)[\s,!.]*)+$/iu;
// What opens a sentence without saying anything of the problem («Во-первых,», «Итак,»).
const OPENER = /^(?:во-первых|в-первых|итак|кстати|короче|в общем)[\s,:—–-]+/iu;
// A label, a link, or a label and a link, and nothing else: «Ссылка:», «Ссылка на курс — https://…», «lms.uchi.pro/c/1».
const LABEL_OR_LINK = /^(?:[\p{L} ]{1,40}[:—–-])?\s*(?:(?:https?:\/\/|www\.)\S+|[\w.-]+\.\p{L}{2,}\/\S*)?$/iu;

/** Whether a sentence says something of the problem: not a greeting, a label or a bare link. */
function saysSomething(sentence: string): boolean {
  const text = sentence.trim();
  return !GREETING.test(text) && !LABEL_OR_LINK.test(text);
}

/**
 * A subject for one part: its first sentence or line that is more than a greeting, a label or a bare link, without a
 * list's number or dash, cut at a word boundary. A sentence does not end at an initial or a short abbreviation («Иванова А. И.»,
 * «т. е.»).
 */
export function subjectFromPart(part: string, max = SUBJECT_LENGTH): string {
  // The opening is enough (this runs at every keystroke in the description).
  const sentences = part
    .slice(0, 1000)
    .split('\n')
    .flatMap((line) => line.replace(/^\s*(?:\d\d?[.)]|[-—–•*])\s+/u, '').split(/(?<=[!?…]|(?<![\s.]\p{L}|^\p{L})\.)\s+/u))
    .filter((sentence) => /\p{L}/u.test(sentence));
  const sentence = sentences.find(saysSomething) ?? sentences[0] ?? '';
  const bare = sentence.replace(/[.!…]+$/u, '').trim().replace(OPENER, '');
  // A list item written in lower case still makes a subject (a link or «iPhone» stays as written).
  const text = capitalizeFirst(bare);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Cut at a word, without the comma or the dash before it; a quotation the cut leaves open is closed after it.
  const short = `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, '')}…`;
  return short.split('«').length > short.split('»').length ? `${short}»` : short;
}

/** One draft per part, each with its own idempotency key. */
export function splitIntoDrafts(parts: readonly string[], newKey: () => string): SplitItem[] {
  return parts.map((part) => ({
    subject: subjectFromPart(part).slice(0, DRAFT_LIMITS.subject),
    description: part.slice(0, DRAFT_LIMITS.description),
    idempotencyKey: newKey(),
  }));
}

/** The draft of one split part, or the message codes of what is wrong with it. */
export type SplitItemDraft =
  | { ok: true; draft: TicketDraft }
  | { ok: false; errors: Partial<Record<TicketFieldName | 'impact' | 'other', string>> };
