/**
 * Turns the schemas' message codes ('required', 'url', …) into sentences for `fields` of a 422, in Russian and in
 * English (the answer says the one the caller prefers). The schemas stay language-free so the widget can translate
 * the same codes with i18next.
 */
import {
  CONTACT_FIELD_MESSAGES_EN,
  CONTACT_FIELD_MESSAGES_RU,
  DRAFT_LIMITS,
  FIELD_ERRORS,
  fieldAtWirePath,
  FORM_FIELD_MESSAGES_EN,
  FORM_FIELD_MESSAGES_RU,
  TICKET_FIELD_MESSAGES_EN,
  TICKET_FIELD_MESSAGES_RU,
} from '../core';
import type { Sentence } from './errors';
import type { Locale } from './locale';

/** The subset of a zod issue we read. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  /** What the limit of a too_big / too_small issue applies to: 'string', 'number', 'array'… */
  origin?: unknown;
  /** The names an unrecognized_keys issue found that the object does not take. */
  keys?: readonly unknown[];
}

// Server-only wording; the form's fields take theirs from the shared sentences (the widget shows the same).
const BY_FIELD_RU: Readonly<Record<string, Sentences>> = {
  course: { required: 'Укажите курс: полное название и ссылку' },
  browser: { required: 'Не переданы сведения о браузере', invalid: 'Сведения о браузере переданы неверно' },
  attachmentIds: { too_many: `Можно приложить не больше ${DRAFT_LIMITS.attachments} файлов` },
  pageErrors: { too_many: `Можно приложить не больше ${DRAFT_LIMITS.pageErrors} ошибок страницы` },
  contact: { required: 'Укажите контактные данные' },
  consent: { required: 'Подтвердите согласие на обработку персональных данных: без него обращение гостя не принимается' },
  text: { required: 'Напишите сообщение' },
  status: { required: 'Укажите новый статус', invalid: 'Неизвестный статус' },
  agent: { required: 'Укажите специалиста (имя, «me» — себе) или null, чтобы снять исполнителя', invalid: 'Укажите имя специалиста строкой или null' },
  from: { invalid: 'Укажите имя специалиста, которого вы видели исполнителем, строкой, или null' },
  followUpOf: { required: 'Укажите обращение, которое продолжает это', invalid: 'Укажите номер или идентификатор обращения' },
};
const BY_FIELD_EN: Readonly<Record<string, Sentences>> = {
  course: { required: 'Give the course: its full title and link' },
  browser: { required: 'The browser details are missing', invalid: 'The browser details are malformed' },
  attachmentIds: { too_many: `${DRAFT_LIMITS.attachments} files at most can be attached` },
  pageErrors: { too_many: `${DRAFT_LIMITS.pageErrors} page errors at most can be attached` },
  contact: { required: 'Give your contact details' },
  consent: { required: 'Confirm the consent to the processing of personal data: a guest\'s ticket is not taken without it' },
  text: { required: 'Write a message' },
  status: { required: 'Give the new status', invalid: 'Unknown status' },
  agent: { required: 'Give the specialist (a name, «me» for yourself) or null to release the ticket', invalid: 'Give the specialist\'s name as a string, or null' },
  from: { invalid: 'Give the name of the specialist you saw handling it as a string, or null' },
  followUpOf: { required: 'Give the ticket this one continues', invalid: 'Give the ticket\'s number or id' },
};

type Sentences = Partial<Record<string, string>>;

/** Each language's tables: the shared ones of the form's fields, the server's own and the generic sentences. */
const TABLES = {
  ru: {
    ticket: TICKET_FIELD_MESSAGES_RU,
    contact: CONTACT_FIELD_MESSAGES_RU,
    form: FORM_FIELD_MESSAGES_RU,
    byField: BY_FIELD_RU,
    generic: {
      required: 'Заполните это поле',
      too_many: 'Слишком много элементов',
      url: 'Укажите ссылку, начинающуюся с http:// или https://',
      phone: 'Укажите российский номер телефона, например +7 912 345-67-89',
      email: 'Проверьте адрес электронной почты',
      future: 'Дата не может быть позже сегодняшнего дня',
      invalid: 'Неверное значение',
      wrongType: 'Неверный тип значения',
    } as Readonly<Record<string, string>>,
    tooBig: (max: number) => `Слишком большое значение: не больше ${max}`,
    tooSmall: (min: number) => `Слишком маленькое значение: не меньше ${min}`,
    tooLong: (max: number | null) => (max === null ? 'Слишком длинное значение' : `Слишком длинный текст: не больше ${max} символов`),
  },
  en: {
    ticket: TICKET_FIELD_MESSAGES_EN,
    contact: CONTACT_FIELD_MESSAGES_EN,
    form: FORM_FIELD_MESSAGES_EN,
    byField: BY_FIELD_EN,
    generic: {
      required: 'Fill in this field',
      too_many: 'Too many items',
      url: 'Enter a link starting with http:// or https://',
      phone: 'Enter a Russian phone number, e.g. +7 912 345-67-89',
      email: 'Check the e-mail address',
      future: 'The date cannot be later than today',
      invalid: 'Wrong value',
      wrongType: 'Wrong type of value',
    } as Readonly<Record<string, string>>,
    tooBig: (max: number) => `The value is too large: ${max} at most`,
    tooSmall: (min: number) => `The value is too small: ${min} at least`,
    tooLong: (max: number | null) => (max === null ? 'The value is too long' : `The text is too long: ${max} characters at most`),
  },
} as const;

/** The shared sentences of a form field at a wire path (`course.url`, `contact.phone`, `category`). */
function formSentences(path: string, locale: Locale): Sentences | undefined {
  const tables = TABLES[locale];
  const field = fieldAtWirePath(path);
  if (field !== null) return tables.ticket[field];
  const [head, tail] = path.split('.');
  if (head === 'contact' && tail !== undefined) return Object.hasOwn(tables.contact, tail) ? tables.contact[tail as keyof typeof tables.contact] : undefined;
  if (head === 'category' || head === 'impact') return tail === undefined ? tables.form[head] : undefined;
  return Object.hasOwn(tables.byField, path) ? tables.byField[path] : undefined;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(FIELD_ERRORS);

// zod's origins of a numeric limit: a number's own range (`number`), an integer's safe range (`int`, from
// `z.int()`, before the schema's own limits), a bigint's.
const NUMERIC_ORIGINS: ReadonlySet<unknown> = new Set(['number', 'int', 'bigint']);

/** Whether `issue` is a number out of a range (rather than a text or a list too long or short). */
function isNumberRange(issue: IssueLike): boolean {
  return (issue.code === 'too_big' || issue.code === 'too_small') && NUMERIC_ORIGINS.has(issue.origin);
}

/** Whether `issue` is only `z.int()`'s safe range, which the schema's own limit on the same path words better. */
function isSafeIntegerRange(issue: IssueLike): boolean {
  return issue.origin === 'int' && isNumberRange(issue);
}

/** The dotted path of an issue, as `fields` keys it: `course.url`, `attachmentIds.0`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

/**
 * The sentence for one issue in `locale`. `given` tells whether the request had a value at the issue's path: zod
 * leaves the input out of a type issue, and a value of the wrong type is not a missing one.
 */
function sentenceIn(locale: Locale, issue: IssueLike, given: boolean): string {
  const tables = TABLES[locale];
  const invalid = tables.generic.invalid ?? '';
  const path = issuePath(issue.path);
  // A number out of range is not a text too long («score»: 6, or 1e308 past an integer's safe range).
  if (isNumberRange(issue) && issue.code === 'too_big') return typeof issue.maximum === 'number' ? tables.tooBig(issue.maximum) : invalid;
  if (isNumberRange(issue) && issue.code === 'too_small') return typeof issue.minimum === 'number' ? tables.tooSmall(issue.minimum) : invalid;
  const code = issue.code === 'invalid_type' && given && !KNOWN_CODES.has(issue.message) ? 'wrong_type' : messageCode(issue);
  if (code === 'wrong_type') return formSentences(path, locale)?.['invalid'] ?? tables.generic.wrongType ?? invalid;
  const specific = formSentences(path, locale)?.[code] ?? formSentences(path.replace(/\.\d+(?=\.|$)/g, ''), locale)?.[code];
  if (specific !== undefined) return specific;
  if (code === 'too_long') return tables.tooLong(typeof issue.maximum === 'number' ? issue.maximum : null);
  return tables.generic[code] ?? invalid;
}

/** The sentences for one issue, in both languages; `given` as in {@link fieldMessages}. */
export function fieldMessage(issue: IssueLike, given = false): Sentence {
  return { ru: sentenceIn('ru', issue, given), en: sentenceIn('en', issue, given) };
}

/** Whether `input` has a value (null included) at `path`. */
function hasValueAt(input: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = input;
  for (const part of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return false;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at !== undefined;
}

/**
 * All issues as `{ path: sentence }`, the first issue of each path winning; `input` is what was parsed. An
 * integer's safe range gives way to the schema's own range on the same path («score»: 1e308 is "not more than
 * 5", not "not more than 9007199254740991").
 */
export function fieldMessages(issues: readonly IssueLike[], prefix = '', input?: unknown): Record<string, Sentence> {
  const fields: Record<string, Sentence> = {};
  const safeRangeOnly = new Set<string>();
  for (const issue of issues) {
    // A field the body may not have is named itself, not its object (an empty name for the body's own).
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys) && issue.keys.length > 0) {
      for (const name of issue.keys) fields[prefix + issuePath([...issue.path, String(name)])] ??= { ru: 'Такого поля нет.', en: 'There is no such field.' };
      continue;
    }
    const key = prefix + issuePath(issue.path);
    // Object.hasOwn, not `in`: a path like "constructor" must not match Object.prototype.
    if (Object.hasOwn(fields, key) && !(safeRangeOnly.has(key) && isNumberRange(issue))) continue;
    fields[key] = fieldMessage(issue, hasValueAt(input, issue.path));
    if (isSafeIntegerRange(issue)) safeRangeOnly.add(key);
    else safeRangeOnly.delete(key);
  }
  return fields;
}

/** The schema's own code when it set one; otherwise derived from zod's issue (our schemas leave some unset). */
function messageCode(issue: IssueLike): string {
  if (KNOWN_CODES.has(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'category') return 'invalid';
  if (issue.code === 'too_big') return 'too_long';
  return 'invalid';
}

