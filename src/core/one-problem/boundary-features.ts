import { findConnectives } from './connectives';
import { contentStems } from './content-stems';
import { joinMarker, openingWords } from './piece';
import { hasProblemMarker, isQuestion, reportsFailure, suggestionIn } from './problem-markers';
import { opensWithPronoun, refersBack, leadingClause } from './refers-back';
import { splitSentences } from './sentences';
import { AND_REQUEST, continues, raisesSomething } from './split-sentences';
import { ordinalsAreDetails } from './split-connectives';
import { isPluralHeading } from './step-items';
import { normalizeText, stem } from './stem';
import { hash, squash, type SparseVector } from './model-features';

/**
 * What an LMS ticket is about, by the stems that name it. Two problems in one text are mostly about two of
 * these; the boundary model learns which pairs go apart and which (a test and its result) go together.
 */
const TOPICS: ReadonlyArray<readonly [string, RegExp]> = [
  ['login', /^(?:логин|парол|вход|войт|зайт|заход|авториз|учетн|выкид|разлогин|сесси|403|401|аккаунт|двухфактор|код\p{L}*\s*подтвержд)/u],
  ['money', /^(?:сч[её]т(?!чик)|счет[аеу]?$|оплат|оплач|деньг|денег|списа|плат[её]ж|платн|стоимост|руб|возврат|сумм|цен[аеуы]|прайс|скидк|тариф|квитанц|предоплат)/u],
  ['paper', /^(?:удостовер|протокол|сертифик|диплом|свидетельств|печат|подпис|справк|закрывающ|акт$|акта|акты|счет-фактур|выписк|бланк|корочк|документ)/u],
  ['video', /^(?:видео|ролик|звук|лекци|воспроизв|плеер|субтитр|вебинар|трансляц|запис)/u],
  ['test', /^(?:тест|экзамен|ответ|балл|попытк|ключ|пересда|билет|засчит|зач[её]т|вариант|проходн|итогов|аттестац)/u],
  ['progress', /^(?:прогресс|процент|пройден|завершен|отметк|галочк|прохожден|модул|урок)/u],
  ['mail', /^(?:письм|уведомлен|рассылк|почт|email|e-mail|смс|sms|спам|оповещ)/u],
  ['report', /^(?:отч[её]т|статистик|выгрузк|выгруз|excel|эксель|ведомост|журнал|успеваем|аналитик|csv)/u],
  ['profile', /^(?:профил|фото|фамили|должност|аватар|имя|отчеств|снилс|инн|паспорт|дат\p{L}*\s*рожд|персональн)/u],
  ['order', /^(?:заявк|договор|зачисл|назначен|назнач|добав|удал|списк|слушател|обучающ|контраг|реквизит)/u],
  ['editor', /^(?:редактор|импорт|scorm|материал|шаблон|конструктор|банк|слайд|презентац|контент|формул|таблиц)/u],
  ['rights', /^(?:прав[аоу]?$|роль|роли|администратор|админ|менеджер|полномоч|доступ)/u],
  ['schedule', /^(?:расписан|срок|дедлайн|продл|календар|дат[аеуы]$|перенес|перенос|часов|врем)/u],
  ['agent', /^(?:агент|комисс|вознагражд|промо|реферал|партн[её]р|куратор)/u],
];

// Which thing a side is about, beyond its topic: a number that names one order, group or invoice («№ 5051»,
// «ПБ-21», «заявке 6630») or a surname inside a sentence («у слушателя Ганиевой»). A number or a name not said
// before is another thing; the same one is the same thing. Bounded repeats: a long run of letters or digits is
// read in linear time.
const IDENTIFIER = /(?<![\p{L}\d])\p{L}{0,6}[-–]?\d[\d./-]{0,18}\d/gu;
const NAME = /(?<=[\p{L}\d,]\s)\p{Lu}\p{Ll}{3,}/gu;
// What a side asks support to do, or what changed by itself: «уберите», «прошу», «нужно»; «сбросился», «обрезается».
const IMPERATIVE = /(?<![\p{L}])(?!(?:сайте|здравствуйте|извините|простите)(?![\p{L}]))\p{L}{3,}(?:ите|йте|ьте)(?![\p{L}])/u;
const REQUESTING = /(?<![\p{L}])(?:прошу|просим|просьба|нужно|нужен|нужна|нужны|необходимо|надо|требуется)(?![\p{L}])/u;
const CHANGE = /(?<![\p{L}])(?:сброс|слет|переста|обрез|развал|поехал|съезжа|выкид|выбрасыва|обнул|сдвину|смести|поменял|изменил)/u;

const identifiersOf = (text: string): string[] => (text.match(IDENTIFIER) ?? []).map((s) => s.toLowerCase());
// Five letters stand for the name in any case («Никитин», «Никитина»).
const namesOf = (text: string): string[] => (text.match(NAME) ?? []).map((s) => s.toLowerCase().slice(0, 5));

/** The topics a text names (indices into TOPICS). */
function topicsOf(text: string): Set<number> {
  const found = new Set<number>();
  for (const word of normalizeText(text).match(/[\p{L}\d-]+/gu) ?? []) {
    TOPICS.forEach(([, re], i) => {
      if (re.test(word)) found.add(i);
    });
  }
  return found;
}

// Inside one sentence, where a second problem joins the first: «и», «а также», «а ещё», «плюс», a semicolon
// (not «так и не пришёл»).
const JOIN = /(?<!(?:^|[^\p{L}])так)(?:,\s*|\s+)(?:и|а\s+также|а\s+еще|а\s+ещё|а|плюс)\s+|,\s*(?:ещё|еще|также)\s+|;\s*|\s+[—–]\s+/gu;

// The shape of a side's opening whatever its words: a word's class by closed lists and its ending. «и сертификат
// не скачивается» opens noun, «не», verb — a subject of its own; «и выдаёт ошибку» opens with a verb and goes on
// with the subject before it.
const PREPOSITIONS = new Set('в во на с со по к ко у о об из за для при от до без через после про над под между'.split(' '));
const PRONOUNS = new Set('я мы он она они оно его её ее их мне нам ему ей им меня нас него неё нее них это этот эта эти этого этом этой там тут здесь теперь тоже также ещё еще всё все'.split(' '));
const CONJUNCTIONS = new Set('и а но или да плюс либо что чтобы как где когда почему хотя если'.split(' '));
const NEGATIONS = new Set(['не', 'нет', 'ни', 'нельзя']);
// Verb endings that nouns of a ticket seldom have: not «-ат» (сертификат, результат), «-ет» only after a vowel or
// «ж», «ш», «д» (работает, может, пишет, идёт; not отчёт, кабинет), «-ете» not of «в кабинете», «-ть» not of
// «-ость». The common nouns that still look like verbs are listed.
const VERB_ENDING = /(?:(?<![ое]с)ть|тся|ешь|ишь|[аяеиоужш]ете|ите|йте|ьте|[аяуюеиожшд]ет|ит|ут|ют|ят|[аие]л[аои]?|[аи]л(?:ся|ась|ось|ись))$/u;
const NOT_VERBS = new Set(['журнал', 'материал', 'портал', 'канал', 'сигнал', 'персонал', 'минут', 'бюджет', 'институт']);
const ADJECTIVE_ENDING = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|ую|юю|ых|их)$/u;

/** A word's class: D (a number), NEG, P (a preposition), PR (a pronoun), C (a conjunction), V, A (an adjective), N. */
export function wordClass(word: string): string {
  if (/^\d/u.test(word)) return 'D';
  if (NEGATIONS.has(word)) return 'NEG';
  if (PREPOSITIONS.has(word)) return 'P';
  if (PRONOUNS.has(word)) return 'PR';
  if (CONJUNCTIONS.has(word)) return 'C';
  if (word.length > 3 && VERB_ENDING.test(word) && !NOT_VERBS.has(word)) return 'V';
  if (word.length > 3 && ADJECTIVE_ENDING.test(word)) return 'A';
  return 'N';
}

const AND_QUESTION = /^(?:и|а)\s+(?:почему|как|где|когда|сколько|можно\s+ли|нужно\s+ли|есть\s+ли)(?![\p{L}])/u;

/** Names of the dense features of a boundary, in the order of their weights; hashed buckets follow them. */
export const BOUNDARY_FEATURES = [
  'bias',
  'kind-sentence',
  'kind-line',
  'kind-paragraph',
  'kind-join',
  'left-problem',
  'right-problem',
  'left-failure',
  'right-failure',
  'left-question',
  'right-question',
  'right-suggestion',
  'failure-then-suggestion',
  'said-before',
  'right-raises',
  'right-continues',
  'right-pronoun',
  'right-refers-back',
  'shares-left',
  'shares-before',
  'overlap-before',
  'right-stems',
  'left-stems',
  'right-topic',
  'before-topic',
  'topic-change',
  'new-topic',
  'left-right-topic',
  'announced',
  'ordinal-details',
  'connective-new',
  'connective-maybe',
  'and-question',
  'and-request',
  'first-boundary',
  'right-words',
  'boundaries',
  'nothing-said-yet',
  'new-subject-problem',
  'topic-change-problem',
  'paragraph-problem',
  'join-both-problems',
  'new-identifier',
  'new-identifier-after-one',
  'same-identifier',
  'new-name',
  'right-imperative',
  'left-imperative',
  'right-request',
  'right-change',
] as const;

/** Hashed buckets of the words around a boundary and of topic pairs. */
export const BOUNDARY_BUCKETS = 2048;
/** Length of a boundary's feature vector. */
const NAMED = BOUNDARY_FEATURES.length - 1;
/** Every pair of named features (the bias apart), so the model can weigh them together. */
const PAIRS = (NAMED * (NAMED - 1)) / 2;
/**
 * Hashed buckets of the right side's opening — the classes of its first two and three words, the stems of its
 * first one and two, the letter trigrams of its first three words — after the pairs.
 */
const SHAPE_BUCKETS = 4096;
export const SHAPES_FROM = BOUNDARY_FEATURES.length + BOUNDARY_BUCKETS + PAIRS;
export const BOUNDARY_FEATURE_COUNT = SHAPES_FROM + SHAPE_BUCKETS;
const pairIndex = (i: number, j: number): number => BOUNDARY_FEATURES.length + BOUNDARY_BUCKETS + ((i - 1) * (2 * NAMED - i)) / 2 + (j - i - 1);

/** A place where a description may split, the marker a split there would name, and its features. */
export interface Boundary {
  /** Where the left part ends. */
  at: number;
  /** Where the right part starts (after the joining word). */
  from: number;
  marker: string;
  /** Inside a sentence («и», «а также», «;»), where a cut leaves clauses rather than sentences. */
  join: boolean;
  /** Both sides of the boundary report a problem or ask: a cut here leaves two readable parts. */
  bothRaise: boolean;
  x: SparseVector;
}

const POLITE = /^(?:здравствуйте|добрый|доброе|доброго|привет|коллеги|уважаем|заранее|извините|спасибо)(?![\p{L}])/u;


/**
 * How much of each side of a boundary is read (the longest sentence of the tuning set has 274 characters), and
 * how many boundaries (it has 31 at most): a description of a thousand «и» is read in linear time, and past the
 * first MAX_BOUNDARIES places it is not cut.
 */
const SIDE = 280;
const MAX_BOUNDARIES = 64;

interface Cut {
  at: number;
  from: number;
  /** Where the left side starts: the sentence before, or this sentence (after the join before). */
  leftFrom: number;
  /** Where the right side ends: the end of its sentence. */
  rightTo: number;
  kind: 'sentence' | 'line' | 'paragraph' | 'join';
  join: string;
}

function cutsOf(text: string): Cut[] {
  const cuts: Cut[] = [];
  const sentences = splitSentences(text);
  sentences.forEach((s, i) => {
    if (i > 0) {
      const gap = text.slice(sentences[i - 1]?.end ?? 0, s.start);
      const kind = /\n\s*\n/.test(gap) ? 'paragraph' : gap.includes('\n') ? 'line' : 'sentence';
      cuts.push({ at: s.start, from: s.start, leftFrom: sentences[i - 1]?.start ?? 0, rightTo: s.end, kind, join: '' });
    }
    let leftFrom = s.start;
    for (const m of s.text.matchAll(JOIN)) {
      if (m.index === 0) continue;
      const from = s.start + m.index + m[0].length;
      cuts.push({ at: s.start + m.index, from, leftFrom, rightTo: s.end, kind: 'join', join: normalizeText(m[0].trim()) });
      leftFrom = from;
    }
  });
  return cuts.sort((a, b) => a.at - b.at);
}

/** The places where a description may split, each with the features the boundary model reads. */
export function boundariesOf(text: string): Boundary[] {
  const cuts = cutsOf(text).slice(0, MAX_BOUNDARIES);
  const connectives = findConnectives(text);
  const ordinalDetails = ordinalsAreDetails(text);
  const result: Boundary[] = [];
  let said = false;
  let announced = false;
  let failedBefore = false;
  const stemsBefore = new Set<string>();
  const idsBefore = new Set<string>();
  const namesBefore = new Set<string>();
  const topicsBefore = new Set<number>();
  let previousFrom = 0;
  cuts.forEach((cut, k) => {
    const left = text.slice(Math.max(cut.leftFrom, cut.at - SIDE), cut.at).trim();
    const right = text.slice(cut.from, Math.min(cut.rightTo, cut.from + SIDE)).trim();
    // What lies between the last boundary and this one is now "before".
    const passed = text.slice(previousFrom, cut.at);
    const leftNorm = normalizeText(left);
    said ||= raisesSomething(passed) && !isPluralHeading(passed) && !POLITE.test(normalizeText(passed.trim()));
    announced ||= isPluralHeading(passed);
    failedBefore ||= reportsFailure(passed);
    for (const s of contentStems(passed)) stemsBefore.add(s);
    for (const t of topicsOf(passed)) topicsBefore.add(t);
    for (const id of identifiersOf(passed)) idsBefore.add(id);
    for (const n of namesOf(passed)) namesBefore.add(n);
    const rightIds = identifiersOf(right);
    const newId = rightIds.some((id) => !idsBefore.has(id));
    const sameId = rightIds.some((id) => idsBefore.has(id));
    const rightNames = namesOf(right);
    const newName = rightNames.some((n) => !namesBefore.has(n));
    const rightNorm = normalizeText(right);
    const [leftStems, rightStems] = [contentStems(left), contentStems(right)];
    const [leftTopics, rightTopics] = [topicsOf(left), topicsOf(right)];
    let sharedBefore = 0;
    for (const s of rightStems) if (stemsBefore.has(s)) sharedBefore += 1;
    let sharedLeft = false;
    for (const s of rightStems) if (leftStems.has(s)) sharedLeft = true;
    const newTopic = [...rightTopics].some((t) => !topicsBefore.has(t));
    const anyCommon = [...rightTopics].some((t) => topicsBefore.has(t));
    const connective = connectives.find((c) => c.start >= cut.at - 1 && c.start <= cut.from + 2);
    const suggestion = suggestionIn(right) !== null;
    const raises = raisesSomething(right);
    const [leftProblem, rightProblem] = [hasProblemMarker(left), hasProblemMarker(right)];
    const [rightContinues, rightPronoun] = [continues(right), opensWithPronoun(right)];
    const goesOn = rightContinues || rightPronoun;
    // The right side as it opens, with the joining word («и почему …»).
    const opening = cut.kind === 'join' ? `${cut.join} ${rightNorm}` : rightNorm;
    const topicChange = rightTopics.size > 0 && topicsBefore.size > 0 && !anyCommon;
    const dense = [
      1,
      cut.kind === 'sentence' ? 1 : 0,
      cut.kind === 'line' ? 1 : 0,
      cut.kind === 'paragraph' ? 1 : 0,
      cut.kind === 'join' ? 1 : 0,
      leftProblem ? 1 : 0,
      rightProblem ? 1 : 0,
      reportsFailure(left) ? 1 : 0,
      reportsFailure(right) ? 1 : 0,
      isQuestion(left) ? 1 : 0,
      isQuestion(right) ? 1 : 0,
      suggestion ? 1 : 0,
      suggestion && failedBefore ? 1 : 0,
      said ? 1 : 0,
      raises ? 1 : 0,
      rightContinues ? 1 : 0,
      rightPronoun ? 1 : 0,
      refersBack(leadingClause(right)) ? 1 : 0,
      sharedLeft ? 1 : 0,
      sharedBefore > 0 ? 1 : 0,
      rightStems.size === 0 ? 0 : sharedBefore / rightStems.size,
      squash(rightStems.size, 6),
      squash(leftStems.size, 6),
      rightTopics.size > 0 ? 1 : 0,
      topicsBefore.size > 0 ? 1 : 0,
      topicChange ? 1 : 0,
      newTopic ? 1 : 0,
      [...rightTopics].some((t) => leftTopics.has(t)) ? 1 : 0,
      announced ? 1 : 0,
      ordinalDetails ? 1 : 0,
      connective?.kind === 'new' ? 1 : 0,
      connective?.kind === 'maybe' ? 1 : 0,
      AND_QUESTION.test(opening) ? 1 : 0,
      AND_REQUEST.test(opening) ? 1 : 0,
      k === 0 ? 1 : 0,
      squash(right.split(/\s+/u).length, 20),
      squash(cuts.length, 10),
      said ? 0 : 1,
      said && raises && !goesOn && sharedBefore === 0 && rightStems.size >= 2 ? 1 : 0,
      topicChange && rightProblem ? 1 : 0,
      cut.kind === 'paragraph' && said && raises ? 1 : 0,
      cut.kind === 'join' && leftProblem && rightProblem && !sharedLeft ? 1 : 0,
      newId ? 1 : 0,
      newId && idsBefore.size > 0 ? 1 : 0,
      sameId ? 1 : 0,
      newName ? 1 : 0,
      IMPERATIVE.test(rightNorm) ? 1 : 0,
      IMPERATIVE.test(leftNorm) ? 1 : 0,
      REQUESTING.test(rightNorm) ? 1 : 0,
      CHANGE.test(rightNorm) ? 1 : 0,
    ];
    const words = rightNorm.match(/[\p{L}\d]+/gu) ?? [];
    const lastLeft = leftNorm.match(/[\p{L}\d]+/gu)?.at(-1) ?? '';
    const keys = [
      `f:${words[0] ?? ''}`,
      `f2:${words[0] ?? ''} ${words[1] ?? ''}`,
      `j:${cut.kind}:${cut.join}`,
      `l:${lastLeft}`,
      ...[...rightTopics].map((t) => `rt:${t}`),
      ...[...rightTopics].flatMap((r) => [...topicsBefore].map((b) => `tp:${Math.min(r, b)}|${Math.max(r, b)}`)),
    ];
    const buckets = new Set(keys.map((key) => BOUNDARY_FEATURES.length + (hash(key) % BOUNDARY_BUCKETS)));
    const index: number[] = [];
    const value: number[] = [];
    dense.forEach((v, i) => {
      if (v !== 0) {
        index.push(i);
        value.push(v);
      }
    });
    const scale = buckets.size === 0 ? 0 : 1 / Math.sqrt(buckets.size);
    for (const b of [...buckets].sort((a, c) => a - c)) {
      index.push(b);
      value.push(scale);
    }
    for (let i = 1; i < dense.length; i += 1) {
      const a = dense[i] ?? 0;
      if (a === 0) continue;
      for (let j = i + 1; j < dense.length; j += 1) {
        const v = a * (dense[j] ?? 0);
        if (v !== 0) {
          index.push(pairIndex(i, j));
          value.push(v);
        }
      }
    }
    const shape = words.slice(0, 3).map(wordClass);
    const [first, second] = [stem(words[0] ?? ''), stem(words[1] ?? '')];
    const shapeKeys = [`r:${shape.join(' ')}`, `r2:${shape.slice(0, 2).join(' ')}`, `s:${first}`, `s2:${first} ${second}`];
    // The letters of the opening words, three at a time: what a word's ending says of it (a verb's «-ется», a
    // noun's «-ция») for words no list names.
    for (const word of words.slice(0, 3)) {
      const padded = ` ${word} `;
      for (let i = 0; i + 3 <= padded.length; i += 1) shapeKeys.push(`g:${padded.slice(i, i + 3)}`);
    }
    for (const b of new Set(shapeKeys.map((key) => SHAPES_FROM + (hash(key) % SHAPE_BUCKETS)))) {
      index.push(b);
      value.push(1);
    }
    const marker = cut.kind === 'join' ? joinMarker(text.slice(cut.at, cut.from), right) : openingWords(right);
    result.push({ at: cut.at, from: cut.from, marker, join: cut.kind === 'join', bothRaise: leftProblem && rightProblem, x: { index, value } });
    previousFrom = cut.from;
  });
  return result;
}
