import { splitSentences } from './sentences';
import { normalizeText } from './stem';

// First-person actions of steps to reproduce and the infinitives of attempts ("очистить кэш").
const ACTION_WORDS = new Set([
  'захожу', 'вхожу', 'нажимаю', 'жму', 'открываю', 'выбираю', 'ввожу', 'перехожу', 'кликаю', 'загружаю',
  'заполняю', 'запускаю', 'обновляю', 'иду', 'заходим', 'нажимаем', 'открываем', 'выбираем', 'вводим',
  'переходим', 'загружаем', 'войти', 'зайти', 'перейти', 'перезайти', 'найти',
]);
// "Предлагаем добавить …" is a first-person verb too, but it proposes; it is not a step.
const PROPOSING = /^(?:предлага|жела|напомина|сообща)\p{L}*$/u;
const FIRST_PERSON = /^\p{L}{3,}(?:аю|яю|аем|яем)$/u;
const INFINITIVE = /^\p{L}{3,}(?:ть|ться)$/u;

// What a step ends with: the system's reaction, not a new problem.
const RESULT_WORDS = new Set([
  'появляется', 'выдает', 'пишет', 'вылетает', 'выскакивает', 'происходит', 'открывается', 'висит', 'крутится',
  'показывает', 'отображается', 'получаю', 'вижу', 'результат', 'итог', 'ошибка', 'затем', 'потом', 'далее',
]);

function firstWord(text: string): string {
  return normalizeText(text).match(/\p{L}+/u)?.[0] ?? '';
}

/** True when a list item starts with a user action ("Захожу в курс", "очистить кэш"): a step or an attempt. */
export function isActionStep(item: string): boolean {
  const word = firstWord(item);
  if (PROPOSING.test(word)) return false;
  return ACTION_WORDS.has(word) || FIRST_PERSON.test(word) || INFINITIVE.test(word);
}

/** True when a list item is a step to reproduce: a user action or the system's reaction to it. */
export function isStepItem(item: string): boolean {
  return isActionStep(item) || RESULT_WORDS.has(firstWord(item));
}

// Headings of the parts of one report: steps, attempts, data, expected/actual.
const DETAIL_HEADING =
  /(?:шаг|воспроизв|что\s+делаю|делаю\s+следующ|порядок\s+действ|действия|пробовал|что\s+(?:уже\s+)?сделал|данные|информаци|ожида|фактическ|результат|подробн|детали)/u;

function lastSentence(text: string): string {
  return splitSentences(text).at(-1)?.text ?? '';
}

/** True when the text before a list announces details of one problem ("Шаги:", "Пробовал:", "Данные:"). */
export function introducesDetails(intro: string): boolean {
  return DETAIL_HEADING.test(normalizeText(lastSentence(intro)));
}

const COUNTED = /(?:нескольк\p{L}*|пар[ау]|две|два|три|четыре|пять|ряд)\s+(?:\p{L}+\s+)?(?:проблем|вопрос|ошиб|замечан|вещ|момент|пункт|предложен|пожелан|просьб)/u;
const PLURAL = /(?:^|[\s,.!])(?:проблемы|вопросы|ошибки|замечания|предложения|пожелания|список\s+проблем|моменты)(?![\p{L}])/u;

/** True when a heading announces several problems ("Проблемы:", "накопилось несколько вопросов:"). */
export function isPluralHeading(text: string): boolean {
  const t = normalizeText(lastSentence(text));
  return COUNTED.test(t) || (PLURAL.test(t) && t.trimEnd().endsWith(':'));
}
