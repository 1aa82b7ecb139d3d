import { normalizeText } from './stem';

// JavaScript's \b knows only ASCII; these mark word edges for Cyrillic too.
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

// "не" + a word ("не открывается", "не могу", "не видно"), except the adverbs that do not negate an action.
const NEGATED = new RegExp(`${B}не\\s+(?!(?:только|так|всегда|совсем|очень|всё|все|раньше)${E})\\p{L}{3,}`, 'u');

const FAILURE = new RegExp(
  `${B}(?:ошиб|неправил|неверн|некоррект|пропал|пропад|исчез|недоступ|неактивн|зависа|завис|висит|виснет|` +
    `вылета|тормоз|глюч|слома|съех|налеза|сбо[йие]|пуст|бит(?:ая|ые|ый|ую)|выда[её]т|обнуля|дублир|нельзя|невозможно|` +
    // a wrong value, a doubled or mixed-up item, something closed or lost: «Ivanov вместо Иванов», «задвоилась»
    `вместо|задво|перепута|опечат|сбит[аоы]?(?![\\p{L}])|сбил\\p{L}*|теря(?:ет|ют|ется|ются)|потерял\\p{L}*|чуж(?:ие|ой|ая|ое|их|ую)|закрыл(?:ся|ась|ось|ись)|закрыт[аоы]?(?![\\p{L}])|` +
    // «…, хотя …»: what happened is not what should have
    `хотя|почему-то)|` +
    // a missing part of what was delivered: «видео без звука», «удостоверение без печати»
    `${B}без\\s+(?:звука|изображения|картин\\p{L}*|печати|подписи|фото|вариантов|ответов|оценки|доступа)${E}|` +
    // working only in part: «видят только первую страницу», «ищет только по первому слову»
    `${B}(?:вид(?:ят|ит|но)|показыва\\p{L}*|отобража\\p{L}*|загружа\\p{L}*|открыва\\p{L}*|ищет|работает|сохраня\\p{L}*)\\s+только${E}|` +
    `${B}(?:нет|нету)${E}|${B}не\\s+(?:тот|та|те|то|ту)${E}`,
  'u',
);

const ASKING = new RegExp(
  `\\?|${B}(?:вопрос|подскаж|подсказать|можно ли|нужно ли|есть ли|\\p{L}{3,}\\s+ли${E}|хотел\\p{L}*\\s+бы\\s+(?:узнать|уточнить|спросить)|` +
    `прошу\\s+(?:подсказать|сообщить|пояснить|разъяснить))|` +
    // A question word opens a question only at the start of a clause ("как …", but not "отмечен как пройденный").
    `(?:^|[.!?:;,—–\\n]\\s*|${B}и\\s+)(?:как|почему|где|куда|когда|зачем|сколько|каким\\s+образом)${E}`,
  'u',
);

// A feature request: a wish for something new, not a request to fix what is broken.
const SUGGESTION =
  /(?<![\p{L}\d])(?:хотелось\s+бы,?\s+(?:чтобы|иметь|видеть)|было\s+бы\s+(?:\p{L}+\s+)?(?:здорово|удобно|хорошо|неплохо|полезно)|хорошо\s+бы|предлага(?:ю|ем)|предложение|сделайте,?\s+пожалуйста|добавьте|нужна\s+возможность|хотим\s+предложить)(?![\p{L}\d])/u;
const FIXING = /(?<![\p{L}\d])(?:исправ|почин|устран|разобрат|вернуть|восстанов)/u;

/** The feature-request phrase of a sentence («Предлагаем», «было бы удобно»), or null. */
export function suggestionIn(sentence: string): string | null {
  const t = normalizeText(sentence);
  const match = SUGGESTION.exec(t);
  if (match === null || FIXING.test(t)) return null;
  return sentence.slice(match.index, match.index + match[0].length);
}

/** True when the text reports a failure or asks something: the things a ticket is opened for. */
export function hasProblemMarker(text: string): boolean {
  const t = normalizeText(text);
  return NEGATED.test(t) || FAILURE.test(t) || ASKING.test(t);
}

/** True when the text reports a failure (not only asks): "не открывается", "ошибка", "пропал". */
export function reportsFailure(text: string): boolean {
  const t = normalizeText(text);
  return NEGATED.test(t) || FAILURE.test(t);
}

/** True when the sentence is a question (ends with "?", possibly before closing quotes). */
export function isQuestion(sentence: string): boolean {
  return /\?[\s»"”')]*$/u.test(sentence.trim());
}
