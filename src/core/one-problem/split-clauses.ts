import { contentStems, sharesSubject } from './content-stems';
import { cutAt, joinMarker, openingWords, type Piece } from './piece';
import { hasProblemMarker, reportsFailure } from './problem-markers';
import { refersBack } from './refers-back';
import { normalizeText } from './stem';

// A paragraph telling when or how the failure shows ("После нажатия …", "При входе …") details the one before;
// "когда будет …" asks a question of its own.
const CIRCUMSTANCE = /^(?:после|при|когда(?!\s+(?:будет|будут|придет|придут|появится|откроется|вернут))|если|сначала|потом|затем|пробовал\p{L}*|шаги|ожида\p{L}*|фактическ\p{L}*|в\s+результате|в\s+итоге)(?![\p{L}])/u;

// A paragraph that asks support to do something ("Нужен акт сверки …", "Прошу выдать права …").
const REQUEST_START = /^(?:(?:мне|нам)\s+)?(?:нуж(?:ен|на|но|ны)|прошу|просим|пришлите|вышлите)(?![\p{L}])/u;

// "Прошу помочь восстановить доступ": asking to fix what the paragraphs before told, not a request of its own.
const FIXING = /^(?:прошу|просим)\s+(?:вас\s+)?(?:срочно\s+)?(?:помо(?:ч|г)|разобрат|решить|исправ|восстанов|ответ|перезвон|связат|посмотр|провер)/u;

/** True when a paragraph reports a problem, asks, or opens with a request of its own. */
function raises(paragraph: string): boolean {
  return hasProblemMarker(paragraph) || normalizeText(paragraph).split(/\n/u).some((line) => REQUEST_START.test(line.trim()) && !FIXING.test(line.trim()));
}

const MAX_PARAGRAPHS = 100;

// An empty line between two paragraphs.
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/gu;

/**
 * Splits at a paragraph break when the new paragraph reports a problem of its own: it does not point back
 * and shares no subject word with everything before it (which must itself have said something).
 */
export function paragraphPieces(text: string): Piece[] {
  const starts: Array<{ at: number; marker: string | null }> = [{ at: 0, marker: null }];
  // Past a hundred paragraphs it is not prose: the rest stay with the last one.
  const breaks = [...text.matchAll(PARAGRAPH_BREAK)].map((m) => m.index + m[0].length).slice(0, MAX_PARAGRAPHS);
  // Subject stems of everything before the current paragraph, collected paragraph by paragraph (linear).
  const seen = new Set<string>();
  let collected = 0;
  breaks.forEach((at, i) => {
    for (const s of contentStems(text.slice(collected, at))) seen.add(s);
    collected = at;
    const before = text.slice(starts.at(-1)?.at ?? 0, at);
    const paragraph = text.slice(at, breaks[i + 1] ?? text.length);
    // A request after a failure is mostly what to do about it ("Прошу открыть доступ"); before one, its own.
    const opens = raises(before) && hasProblemMarker(paragraph) && !refersBack(paragraph) && !CIRCUMSTANCE.test(normalizeText(paragraph));
    if (opens && contentStems(paragraph).size > 0 && !sharesSubject(seen, paragraph)) {
      starts.push({ at, marker: openingWords(paragraph) });
    }
  });
  return cutAt(text, starts);
}

// "… и …" / "…, а также …" between two clauses of one sentence.
const AND = /(?<=[\p{L}\d»")])(?:\s*,)?\s+(?:и|а\s+также)\s+(?=[\p{L}«"])/gu;
// A clause that starts with its verb ("и не сохраняется прогресс") continues the subject before it.
const VERB_FIRST = /^(?:не\s|\p{L}{3,}(?:ет|ит|ут|ют|ат|ят|ется|ится|утся|ются|атся|ятся|ал|ил|ел|ла|ло|ли|лся|лась|лось|лись)(?![\p{L}]))/u;
// …and so does a verb followed by where or how it fails («, а также не открывается для просмотра в кабинете»).
const VERB_THEN_PLACE = /^(?:не\s+)?\p{L}+\s+(?:для|в|во|на|по|при|из|у|к|от|до|через|после|без|с|со)\s/u;

/** A clause (normalized) opening with its verb and then where or how it fails: it has no subject of its own. */
export function verbThenPlace(clause: string): boolean {
  return VERB_FIRST.test(clause) && VERB_THEN_PLACE.test(clause);
}
const MIN_STEMS = 2;
const CLAUSE_WINDOW = 600;
const MAX_JOINS = 200;
// A request ("Прошу продлить доступ …") and, after «а также», another infinitive ("… выслать оригиналы");
// after a bare «и» two infinitives are usually one chain of actions ("исправить и выслать новое").
const REQUESTING = /(?<![\p{L}])(?:прошу|просим|просьба|нужно|необходимо|помогите)(?![\p{L}])/u;
const INFINITIVE_FIRST = /^\p{L}{3,}(?:ть|ти)(?:ся)?(?![\p{L}])/u;
// A wish for something new after a failure («… не сохраняются даты и хотелось бы выгружать их в Excel»).
const WISH_FIRST = /^(?:хотелось\s+бы|было\s+бы\s+(?:\p{L}+\s+)?(?:здорово|удобно|хорошо|неплохо|полезно)|хорошо\s+бы|предлага(?:ю|ем))(?![\p{L}])/u;
// A request of its own opening the second clause («… пропал звук и подскажите, когда будет удостоверение»).
const ASK_FIRST = /^(?:подскажите|пришлите|вышлите|объясните|сообщите|уточните)(?![\p{L}])/u;

const QUESTION_FIRST = /^(?:почему|зачем|где|куда|когда|сколько|можно\s+ли|нужно\s+ли|надо\s+ли|есть\s+ли|как\s+(?:мне|нам|можно|сделать|поменять|изменить|получить|узнать|добавить|убрать))(?![\p{L}])/u;

/**
 * Splits one sentence joined by «и» / «а также» when each side reports its own failure about a different
 * subject, and the second names its subject first: «не открывается тест по первой помощи и счёт так и не
 * пришёл». Symptoms of one failure («не открывается и выдаёт ошибку») stay together.
 */
export function clausePieces(text: string): Piece[] {
  const starts: Array<{ at: number; marker: string | null }> = [{ at: 0, marker: null }];
  // Prose joins a few dozen clauses at most; past that it is not prose, and the rest is left joined.
  const matches = [...text.matchAll(AND)].slice(0, MAX_JOINS);
  for (const m of matches) {
    // Each side within a window of the join: a clause is far shorter, and a text of nothing but «и и и …» does
    // not cost the whole text per join.
    const from = Math.max(starts.at(-1)?.at ?? 0, m.index - CLAUSE_WINDOW);
    const left = lastSentence(text.slice(from, m.index));
    const bodyStart = m.index + m[0].length;
    const right = firstSentence(text.slice(bodyStart, bodyStart + CLAUSE_WINDOW));
    // A clause starting with its verb shares the subject before it, unless it names a subject of its own.
    const rightNorm = normalizeText(right);
    if ((VERB_FIRST.test(rightNorm) && contentStems(right).size < 3) || verbThenPlace(rightNorm) || refersBack(right)) continue;
    // Two failures, or two requests («Прошу исправить название …, а также подключить филиал»), or a failure
    // and then a wish or a request of another kind.
    const r = rightNorm.trim();
    const requests = /также/u.test(m[0]) && REQUESTING.test(normalizeText(left)) && INFINITIVE_FIRST.test(rightNorm);
    const wish = reportsFailure(left) && WISH_FIRST.test(r);
    const ask = (reportsFailure(left) || /^(?:пришлите|вышлите|прошу|просим)(?![\p{L}])/u.test(normalizeText(left).trim())) && ASK_FIRST.test(r);
    // A question of its own after a problem or a question («как поменять почту и почему не открывается тест»).
    const question = hasProblemMarker(left) && QUESTION_FIRST.test(r);
    if (!requests && !wish && !ask && !question && (!reportsFailure(left) || !reportsFailure(right))) continue;
    if (contentStems(left).size < MIN_STEMS || contentStems(right).size < MIN_STEMS || sharesSubject(left, right)) continue;
    starts.push({ at: m.index, marker: joinMarker(m[0], right) });
  }
  return cutAt(text, starts);
}

function lastSentence(text: string): string {
  return text.split(/[.!?]\s+/u).at(-1) ?? text;
}

function firstSentence(text: string): string {
  return text.split(/[.!?](?:\s|$)/u)[0] ?? text;
}
