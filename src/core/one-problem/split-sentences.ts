import { contentStems, sharesSubject } from './content-stems';
import { cutAt, markerText, openingWords, type Piece } from './piece';
import { hasProblemMarker, isQuestion, reportsFailure, suggestionIn } from './problem-markers';
import { followsUp, opensWithPronoun, refersBack } from './refers-back';
import { splitSentences } from './sentences';
import { normalizeText } from './stem';
import { isPluralHeading } from './step-items';
import { ordinalsAreDetails } from './split-connectives';

// A request support acts on ("Пришлите прайс", "Нужно добавить администратора", "Хочу поменять подпись").
const REQUEST = /^(?:(?:мне|нам)\s+)?(?:пришлите|вышлите|нуж(?:ен|на|но|ны)|прошу|просим|хоч(?:у|ем)|хотим|уточните)(?![\p{L}])/u;
const FIXING_REQUEST = /(?<![\p{L}\d])(?:помо(?:ч|г)|разобрат|решить|исправ|ответ|перезвон|связат)/u;

/** True when a sentence reports a problem, asks, or requests something of its own. */
export function raisesSomething(sentence: string): boolean {
  const t = normalizeText(sentence);
  return hasProblemMarker(sentence) || (REQUEST.test(withoutOpener(t)) && !FIXING_REQUEST.test(t));
}

// "И почему …?", "И можно ли …?" after a question: a second question, even about the same course.
const AND_QUESTION = /^и\s+(?:почему|как|где|когда|сколько|можно\s+ли|нужно\s+ли|есть\s+ли|в\s+\p{L}+|на\s+\p{L}+)(?![\p{L}])/u;

// "И добавьте …", "А пришлите …": a sentence opened by «и» / «а» and an imperative.
export const AND_REQUEST = /^(?:и|а)\s+(?:\p{L}{3,}(?:йте|ите))(?![\p{L}])/u;

// A connective or ordinal opening a sentence ("Кроме того, …", "Во-вторых, …"): not what the sentence is about.
const OPENER = /^(?:(?:во-?\s?\p{L}+х|в-\p{L}+х|кроме\s+того|также|еще|а|и|но|плюс)(?![\p{L}])[\s,:—–-]*)+/u;

function withoutOpener(normalized: string): string {
  return normalized.replace(OPENER, '');
}

const ORDINAL = /^(?:во|в)-?\s?(?:вторых|третьих|четвертых|пятых)(?![\p{L}])/u;

const THIS = /(?<![\p{L}])это(?![\p{L}])/u;

/** The sentence's first clause (of three words at least, after an opener): where a pointer back would be. */
function firstClause(sentence: string): string {
  const clauses = withoutOpener(normalizeText(sentence)).split(/[,;:—–(]/u);
  let clause = '';
  for (const next of clauses) {
    clause = clause === '' ? next : `${clause},${next}`;
    if (clause.trim().split(/\s+/u).length >= 3) break;
  }
  return clause;
}

// What the screen shows, quoted («…пишет „Ошибка воспроизведения“»): the symptom of the failure just told.
const QUOTED_SYMPTOM = /(?<![\p{L}])(?:пишет|выда\p{L}*|показыва\p{L}*|появля\p{L}*|высвечива\p{L}*|вылеза\p{L}*)\s*[:—–-]?\s*["«„“]/u;

/** True when the sentence, past its opener, points back or only details what was said. */
export function continues(sentence: string): boolean {
  const clause = firstClause(sentence);
  return refersBack(clause) || THIS.test(clause) || DETAIL_START.test(clause.trim()) || followsUp(sentence) || QUOTED_SYMPTOM.test(normalizeText(sentence));
}

// Politeness or exasperation around a problem ("Заранее извиняюсь, если вопрос глупый", "Сколько можно?!"): it
// raises nothing itself.
const POLITE = /^(?:заранее|извините|извиняюсь|простите|прошу\s+прощения|сколько\s+можно|безобразие)(?![\p{L}])/u;

// A sentence telling when, where or how the failure shows, or what was tried: a detail of the one before.
const DETAIL_START =
  /^(?:после|при|когда|если|сначала|потом|затем|пробовал\p{L}*|шаги|ожида\p{L}*|фактическ\p{L}*|в\s+результате|в\s+итоге|пишет|выда\p{L}*|появляется|ошибка|суть|причем|причём|хотя|похоже|видимо|кажется|наверное|судя|но|однако|раньше|до\s+этого|сейчас|уже|только|даже|например|всё|все|вс[её]\s+равно|проблема|это|такая|такое|такие|он|она|они|оно|из-за|началось|началась|начались|касается|воспроизводится|заранее|извините|спасибо|благодар\p{L}*|будем|буду)(?![\p{L}])/u;

/**
 * Splits between sentences: before a feature request that follows a failure («Не работает фильтр.
 * Предложение: …»), and before a sentence that reports a problem of its own about a subject nothing before
 * it mentioned, when it neither points back nor only details the failure.
 */
export function sentencePieces(text: string): Piece[] {
  const starts: Array<{ at: number; marker: string | null }> = [{ at: 0, marker: null }];
  const before = new Set<string>();
  let failed = false;
  let said = false;
  let asked = false;
  // "У меня две проблемы." announced several: each next sentence that raises something is one of them.
  let announced = false;
  // A suggestion ticket explains its motivation ("Сейчас нельзя …"): nothing after it is split off.
  let suggested = false;
  // «Во-первых… во-вторых…» after the problem is stated tell its circumstances.
  const ordinalDetails = ordinalsAreDetails(text);
  for (const sentence of splitSentences(text)) {
    const s = sentence.text;
    const stems = contentStems(s);
    const suggestion = suggestionIn(s);
    if (suggested) {
      // nothing: the rest argues for the same suggestion
    } else if (failed && suggestion !== null) {
      starts.push({ at: sentence.start, marker: markerText(suggestion) });
    } else if ((asked || (said && stems.size >= 2 && !sharesSubject(before, s))) && AND_QUESTION.test(normalizeText(s)) && hasProblemMarker(s) && !continues(s) && !opensWithPronoun(s)) {
      starts.push({ at: sentence.start, marker: markerText(s.split(/\s+/u).slice(0, 2).join(' ')) });
    } else if (ordinalDetails && ORDINAL.test(normalizeText(s))) {
      // nothing: another circumstance of the same problem
    } else if (said && AND_REQUEST.test(normalizeText(s)) && !FIXING_REQUEST.test(normalizeText(s)) && !continues(s) && !opensWithPronoun(s) && stems.size >= 2) {
      // "… И добавьте в заявку ещё трёх человек": a request of its own opened by «и», even about the same order.
      starts.push({ at: sentence.start, marker: markerText(s.split(/\s+/u).slice(0, 2).join(' ')) });
    } else if (announced && said && raisesSomething(s) && !continues(s) && !opensWithPronoun(s)) {
      // "У меня две проблемы с отчётами. …. И отчёт по группе …": the writer counted them, even about one subject.
      starts.push({ at: sentence.start, marker: openingWords(s) });
    } else if (said && raisesSomething(s) && !continues(s) && !(isQuestion(s) && opensWithPronoun(s)) && stems.size >= 2 && !sharesSubject(before, s)) {
      starts.push({ at: sentence.start, marker: openingWords(s) });
    }
    asked = isQuestion(s);
    suggested ||= suggestion !== null && !failed;
    failed ||= reportsFailure(s);
    announced ||= isPluralHeading(s);
    // "У меня два вопроса." announces what follows; it raises nothing itself.
    said ||= raisesSomething(s) && !isPluralHeading(s) && !POLITE.test(normalizeText(s));
    for (const stem of stems) before.add(stem);
  }
  return cutAt(text, starts);
}
