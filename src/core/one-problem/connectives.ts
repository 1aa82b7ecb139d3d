import { normalizeText } from './stem';

/** "new" always opens another problem; "maybe" opens one only when what follows is about something else. */
export type ConnectiveKind = 'new' | 'maybe';

/** A connective phrase found in a description, with its position. */
export interface Connective {
  start: number;
  end: number;
  kind: ConnectiveKind;
}

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const pattern = (source: string): RegExp => new RegExp(`${B}(?:${source})${E}`, 'gu');

const NEW_PATTERNS = [
  // "ещё одна проблема", "и ещё вопрос", "еще один вопрос"
  '(?:(?:и|а)\\s+)?еще\\s+(?:(?:один|одна)\\s+)?(?:вопрос|проблема)',
  // "другая проблема", "второй вопрос", "отдельный вопрос"
  '(?:(?:и|а)\\s+)?(?:друг(?:ая|ой)|втор(?:ая|ой)|трет(?:ья|ий)|четверт(?:ая|ый)|следующ(?:ая|ий)|отдельн(?:ая|ый))\\s+(?:проблема|вопрос)',
  // "Второй — …", "Третья: …" after "Первый — …" or "у меня два вопроса"
  '(?:втор|трет)(?:ая|ой|ое|ье|ий)(?=\\s*[:—–])',
  'плюс\\s+к\\s+(?:этому|тому)',
  'плюс\\s+ко\\s+всему',
  // "И ещё:", "Отдельно:" — announcing the next point.
  '(?:и|а)\\s+еще(?=\\s*[:—–])',
  'отдельно(?=\\s*[:—–])',
  // "Заодно:", "Кстати —", "Попутно:": an aside announced as a point of its own.
  '(?:(?:и|а|ну\\s+и)\\s+)?(?:заодно|кстати|попутно)(?=\\s*[:—–])',
  // "И одна проблема —", "Ну и по мелочи:", "раз уж пишу": another point added to the letter.
  '(?:и|а|ну\\s+и)\\s+(?:еще\\s+)?(?:одна|один)\\s+(?:проблема|вопрос|момент|просьба)',
  '(?:и|а|ну\\s+и)\\s+по\\s+мелочи',
  'по\\s+мелочи(?=\\s*[:—–])',
  '(?:(?:и|а|ну\\s+и)\\s+)?раз\\s+уж\\s+(?:пишу|написал\\p{L}*|обратил\\p{L}*|обращаюсь)',
  // "Заодно спрошу", "Параллельно хотела спросить", "Ещё подскажите", "Отдельно прошу поправить", "Кстати, предлагаю".
  '(?:заодно|отдельно|параллельно|кстати|еще|вдобавок|кроме\\s+того|помимо\\s+(?:этого|того)),?\\s+(?:спрошу|уточню|пожалуюсь|подскажите|прошу|предлагаю|предлагаем|предложу|сообщаю|сообщаем|хотел\\p{L}*\\s+спросить|хочу\\s+спросить)',
  // A label of another kind of request: "И пожелание:", "А ещё жалоба —", "И ещё заметила баг:".
  '(?:и|а)\\s+(?:еще\\s+)?(?:пожелание|предложение|жалоба|просьба|вопрос)(?=\\s*[:—–])',
  '(?:и|а)\\s+еще\\s+(?:заметил\\p{L}*|наш(?:ел|ла|ли)|обнаружил\\p{L}*)\\s+(?:баг|ошибку|проблему|глюк)',
  // "И по другому поводу: …", "По другому вопросу — …".
  '(?:(?:и|а)\\s+)?по\\s+(?:другому|другой|иному|отдельному)\\s+(?:поводу|вопросу|теме)',
  '(?:и|а)\\s+на\\s+другую\\s+тему',
  // "P.S. Ещё …", "ПС и ещё …": a postscript that adds, not one that tells another attempt.
  '(?:(?:p|р)\\.\\s?(?:s|с)\\.?|п\\.\\s?с\\.?|пс|ps)\\s*(?:и\\s+)?еще(?!\\s+(?:раз|(?:по)?пробовал\\p{L}*|перезагружал\\p{L}*|обновлял\\p{L}*))',
  // "также хочу спросить", "кроме того, хотелось бы узнать", "ещё прошу подсказать"
  '(?:(?:и|а)\\s+)?(?:также|еще|тоже|кроме\\s+того|помимо\\s+(?:этого|того)|отдельно),?\\s+' +
    '(?:хочу|хотим|хотел\\p{L}*|хотелось|прошу)\\s+(?:бы\\s+)?(?:спросить|сообщить|узнать|уточнить|подсказать|задать\\s+вопрос)',
].map(pattern);

const MAYBE_PATTERNS = [
  '(?:(?:и|а)\\s+)?также',
  'кроме\\s+того',
  'помимо\\s+(?:этого|того)',
  'а\\s+еще',
  'к\\s+тому\\s+же',
  // "Во-вторых" lists another problem, or another circumstance of the same one (where, on which devices).
  '(?:во|в)-?\\s?(?:вторых|третьих|четвертых|пятых)',
  'вдобавок',
  'кстати',
  'параллельно',
  '(?:и\\s+)?последнее',
  'и\\s+вообще',
  '(?<=,\\s*)плюс(?=\\s)',
  'заодно',
  '(?:p|р)\\.\\s?(?:s|с)\\.?|п\\.\\s?с\\.?|пс|ps',
  // "Отдельно …" only opening a sentence: inside one ("оплатить каждый отдельно") it adds nothing new.
  '(?<=(?:^|[.!?]\\s+|\\n\\s*))отдельно',
  // a sentence opened by "Ещё …" ("Ещё не работает поиск")
  '(?<=(?:^|[.!?]\\s+|\\n\\s*))еще',
].map(pattern);

function collect(text: string, patterns: RegExp[], kind: ConnectiveKind): Connective[] {
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind })));
}

/** Finds the connectives that may introduce another problem, in order, without overlaps. */
export function findConnectives(text: string): Connective[] {
  const t = normalizeText(text);
  const all = [...collect(t, NEW_PATTERNS, 'new'), ...collect(t, MAYBE_PATTERNS, 'maybe')];
  // Earliest first; at the same place the longer phrase wins ("также хочу спросить" over "также").
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Connective[] = [];
  for (const c of all) {
    const last = result.at(-1);
    if (last === undefined || c.start >= last.end) result.push(c);
  }
  return result;
}
