import { findConnectives } from './connectives';
import { cutAt, joinMarker, markerText, type Piece } from './piece';
import { contentStems, sharesSubject } from './content-stems';
import { hasProblemMarker, reportsFailure, suggestionIn } from './problem-markers';
import { followsUp, leadingClause, opensWithPronoun, refersBack } from './refers-back';
import { normalizeText } from './stem';
import { isPluralHeading } from './step-items';
import { verbThenPlace } from './split-clauses';

/** True when a piece of text says enough to be a problem on its own (not just a greeting). */
export function hasSubstance(text: string): boolean {
  return hasProblemMarker(text) || contentStems(text).size >= 2;
}

// A request of its own after the connective ("Кроме того, хотим отключить …", "плюс нужно выставить счёт").
const REQUEST = /^(?:(?:мне|нам)\s+)?(?:нуж(?:ен|на|но|ны)|прошу|просим|хоч(?:у|ем)|хотим|пришлите|вышлите|добавьте)(?![\p{L}])/u;
const LEAD = /^[\s,.:;—–-]+/u;
const MAX_CONNECTIVES = 100;
// "А ещё при попытке загрузки …", "Кроме того, при этом …": what the same failure does when tried again.
const CIRCUMSTANCE = /^при\s+(?:попытк\p{L}*|этом)(?![\p{L}])/u;

/**
 * True when text after "также / кроме того / а ещё" is a new subject: it reports a problem of its own,
 * does not point back, and shares no subject word with what came before.
 */
export function opensNewSubject(body: string, before: string | ReadonlySet<string>): boolean {
  const opening = normalizeText(body).replace(LEAD, '');
  const raises = hasProblemMarker(opening) || REQUEST.test(opening);
  const pointsBack = refersBack(body) || followsUp(body) || opensWithPronoun(body) || CIRCUMSTANCE.test(opening);
  return raises && !pointsBack && contentStems(body).size > 0 && !sharesSubject(before, body);
}

/** Splits prose at connectives that introduce another problem; the connective stays at the start of its part. */
export function splitOnConnectives(text: string): string[] {
  return connectivePieces(text).map((p) => p.text);
}

// A postscript, or "И ещё:" / "Заодно:" announcing the next point, may announce only more of the same.
const POSTSCRIPT = /^(?:p|р|п|пс|ps|и\s+еще|а\s+еще)(?![\p{L}])|^(?:(?:и|а|ну\s+и)\s+)?(?:заодно|кстати|попутно)$/u;
const ORDINAL = /^(?:во|в)-?\s?(?:вторых|третьих|четвертых|пятых)/u;
const FIRST = /(?<![\p{L}])во-?\s?первых/u;

/**
 * «Во-первых… во-вторых…» after a statement of the problem ("Не грузится видео. Во-первых, только в
 * Яндекс браузере…") or before "Суть:" lists the circumstances of one problem, not several problems.
 */
export function ordinalsAreDetails(text: string): boolean {
  const t = normalizeText(text);
  const first = FIRST.exec(t);
  if (/(?<![\p{L}])суть(?![\p{L}])/u.test(t)) return true;
  if (first === null) return false;
  const before = text.slice(0, first.index);
  return hasSubstance(before) && !isPluralHeading(before);
}

/**
 * True when the connective joins a failure and a feature request, either way round («… не работает фильтр.
 * Кстати, предлагаю добавить …», «Предложение: … Кстати, сейчас не работает …»): two requests of different
 * kinds, even about the same screen, unless the second points back at the first.
 */
function switchesKind(before: string, body: string): boolean {
  if (refersBack(body) || opensWithPronoun(body)) return false;
  const wishBefore = suggestionIn(before) !== null;
  const wishAfter = suggestionIn(body) !== null;
  return (wishBefore && !wishAfter && reportsFailure(body) && !reportsFailure(before)) || (!wishBefore && wishAfter && reportsFailure(before));
}

/** {@link splitOnConnectives} with the connective that opened each piece. */
export function connectivePieces(text: string): Piece[] {
  const details = ordinalsAreDetails(text);
  // Prose has a few connectives; past a hundred it is not prose, and the rest are left where they are.
  const connectives = findConnectives(text)
    .filter((c) => !details || !ORDINAL.test(normalizeText(text.slice(c.start, c.end))))
    .slice(0, MAX_CONNECTIVES);
  const starts: Array<{ at: number; marker: string | null }> = [{ at: 0, marker: null }];
  // Subject stems of everything before the current connective, collected piece by piece.
  const before = new Set<string>();
  let seen = 0;
  // A part that has said something keeps having said it: remembered, so long texts stay linear.
  let substantial = false;
  connectives.forEach((c, i) => {
    for (const s of contentStems(text.slice(seen, c.start))) before.add(s);
    seen = c.start;
    // The current part up to the connective. "Ещё вопрос: …" right after a greeting has nothing before it to
    // split from.
    const piece = text.slice(starts.at(-1)?.at ?? 0, c.start);
    substantial ||= hasSubstance(piece);
    if (!substantial) return;
    const body = text.slice(c.end, connectives[i + 1]?.start ?? text.length);
    const phrase = text.slice(c.start, c.end);
    // A postscript gives way to a body that points back or tells what was tried («И ещё: там то же самое»).
    const postscript = POSTSCRIPT.test(normalizeText(phrase));
    const announced = c.kind === 'new' && !(postscript && (refersBack(leadingClause(body)) || followsUp(body)));
    // The connective stands inside a sentence: no sentence end or line break before it.
    const inSentence = !/[.!?…\n]\s*$/u.test(piece);
    // There, a clause opening with its verb and then where or how it fails shares the subject before it
    // («Удостоверение не скачивается, а также не открывается для просмотра»).
    const sameSubject = inSentence && verbThenPlace(normalizeText(body).trim());
    if (announced || (!sameSubject && (opensNewSubject(body, before) || switchesKind(piece, body)))) {
      // There too, a bare joining word («а также», «плюс») after a clause does not say where: it is named with
      // what follows, as a cut at «и» is. An announcing phrase («Кроме того», «ещё одна проблема») says it alone.
      const bare = c.kind === 'maybe' && inSentence && !/[:;]\s*$/u.test(piece);
      starts.push({ at: c.start, marker: bare ? joinMarker(phrase, body) : markerText(phrase) });
      substantial = false;
    }
  });
  return cutAt(text, starts);
}
