import { normalizeText } from './stem';

// Openers of a clarification: "Может быть, …?", "Или нужно …?", "Это у всех …?".
const CLARIFYING_START =
  /^[\s,.;:—–-]*(?:(?:и|а)\s+)?(?:может|возможно|или|то\s+есть|т\.\s?е\.|это|этот|эта|эти|этого|там|тогда|при\s+этом|нужно\s+ли|надо\s+ли|есть\s+ли|в\s+том\s+числе|например)(?![\p{L}\d])/u;

// Words pointing back at something already said: "тоже", "та же ошибка", "в его профиле".
const ANAPHORA =
  /(?<![\p{L}\d])(?:тоже|то\s+же|та\s+же|тот\s+же|те\s+же|так\s+же|так(?:ой|ая|ое|ие)\s+же|эт(?:от|а|о|ом|ой|ого)\s+же|том\s+же|той\s+же|его|ее|их|ему|ей|им|ним|ней|нем|них|нему|этому|этой|этом|этого|этих|эту|оно)(?![\p{L}\d])/u;

// "… и в мобильном приложении", "… и на телефоне": the same failure seen somewhere else as well.
const AS_WELL = /(?<![\p{L}\d])и\s+(?:в|во|на|при|под|с|со|у)\s/u;

// Where a developer looks for evidence (console, logs, network tab): a diagnostic detail, not a new subject.
const DIAGNOSTIC = /(?<![\p{L}\d])(?:консол|лог(?:и|ах|ов)?(?![\p{L}])|devtools|network|инструмент\p{L}*\s+разработчик)/u;

/**
 * True when the text clarifies, points back at what was said before or only adds a detail to it
 * (the same failure elsewhere, a console message), so it cannot open a new problem.
 */
export function refersBack(text: string): boolean {
  const t = normalizeText(text);
  return CLARIFYING_START.test(t) || ANAPHORA.test(t) || AS_WELL.test(t) || DIAGNOSTIC.test(t);
}

// What was tried and did not help, or asking what to do about it: the same problem, told further.
const FOLLOW_UP =
  /(?<![\p{L}])(?:не\s+помог\p{L}*|вс[её]\s+равно|то\s+же\s+самое|(?:что|как)\s+(?:мне\s+|нам\s+)?(?:делать|сделать|быть|сказать|поступить)|когда\s+(?:это\s+|вс[её]\s+)?(?:исправ\p{L}*|почин\p{L}*|заработает|решит\p{L}*|будет\s+исправлен\p{L}*))(?![\p{L}])/u;

/** True when the text tells what was tried and did not help, or asks what to do about it. */
export function followsUp(text: string): boolean {
  return FOLLOW_UP.test(normalizeText(text));
}

// «И вернутся ли они …?», «Кстати, сейчас она не нажимается»: a personal pronoun naming what was already said.
const PRONOUN = /(?<![\p{L}\d])(?:он|она|оно|они|него|нее|них|нему|ней|ним)(?![\p{L}\d])/u;

/**
 * The text's first clause, up to a comma, a dash or the sentence's end: where a pointer back would be. (The
 * sentence rule's own `firstClause` also skips an opener and takes three words at least.)
 */
export function leadingClause(text: string): string {
  return text.replace(/^[\s,.:;—–-]+/u, '').split(/[,;:—–(]|[.!?](?:\s|$)/u)[0] ?? '';
}

/** True when the text's first clause has a personal pronoun («И вернутся ли они …?»). */
export function opensWithPronoun(text: string): boolean {
  return PRONOUN.test(normalizeText(leadingClause(text)));
}
