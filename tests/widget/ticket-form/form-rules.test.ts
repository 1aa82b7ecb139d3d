/** Small rules of the form: stored drafts, split subjects, the one-problem confirmation, duplicates, the pre-fill. */
import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../../src/core';
import { findOpenDuplicate } from '../../../src/widget/ticket-form/duplicates';
import { formMessages } from '../../../src/widget/ticket-form/messages';
import { formFieldsMessages } from '../../../src/widget/ticket-form/fields-messages';
import { formMessagesEn } from '../../../src/widget/ticket-form/messages.en';
import { chosenImpact, emptyValues, firstFieldToType } from '../../../src/widget/ticket-form/form-values';
import { prefilledValues, restoredValues } from '../../../src/widget/ticket-form/initial-values';
import { parseStoredDraft, serializeDraft } from '../../../src/widget/ticket-form/stored-draft';
import { changedSubstantially, isOneProblemConfirmed } from '../../../src/widget/ticket-form/one-problem-confirmation';
import { splitIntoDrafts, subjectFromPart } from '../../../src/widget/ticket-form/split-drafts';
import { formRussian, sharedTexts } from './form-texts';

describe('subjectFromPart', () => {
  it.each([
    ['Не открывается курс «Охрана труда». Крутится загрузка.', 'Не открывается курс «Охрана труда»'],
    ['Как сменить пароль?', 'Как сменить пароль?'],
    ['Первая строка\nвторая строка', 'Первая строка'],
    ['слово '.repeat(30), `С${'слово '.repeat(13).trim().slice(1)}…`],
    // A greeting alone is no subject; neither is a list's number; an initial does not end the sentence.
    ['Добрый день!\nНе приходит письмо с паролем. Проверили спам.', 'Не приходит письмо с паролем'],
    ['Здравствуйте. Не открывается тест по ПБ.', 'Не открывается тест по ПБ'],
    ['Уважаемая техподдержка,\n\n1. Не работает импорт слушателей.\n2. Нет счёта.', 'Не работает импорт слушателей'],
    ['1) не грузится видео\n2) нет звука', 'Не грузится видео'],
    ['Добрый день, коллеги!\nУ нас не формируется протокол.', 'У нас не формируется протокол'],
    ['Доброго времени суток! Во-первых, не открывается курс.', 'Не открывается курс'],
    [`Итоговый тест не засчитан у слушателей: ${'Сидоров, '.repeat(10)}`, 'Итоговый тест не засчитан у слушателей: Сидоров, Сидоров, Сидоров, Сидоров…'],
    ['Слушатель Иванова А. И. не может войти в ЛК. Пароль верный.', 'Слушатель Иванова А. И. не может войти в ЛК'],
    ['Курс не засчитан, т.е. прогресс 90%. Помогите.', 'Курс не засчитан, т.е. прогресс 90%'],
    ['Добрый день!', 'Добрый день'],
    // A link, an address or «iPhone» opening the text stays as written.
    ['https://lms.example.ru/courses/123 не открывается', 'https://lms.example.ru/courses/123 не открывается'],
    ['lms.example.ru не открывается с телефона', 'lms.example.ru не открывается с телефона'],
    ['iPhone не показывает видео', 'iPhone не показывает видео'],
    // A link with a word beside it says nothing of the problem: the next sentence does.
    ['Ссылка: https://lms.example.ru/courses/7f3c\nНе открывается итоговый тест.', 'Не открывается итоговый тест'],
    ['Курс — www.example.ru/c/1. Не засчитан урок 3.', 'Не засчитан урок 3'],
    ['Ссылка на курс: https://lms.example.ru/courses/7f3c\nНе открывается итоговый тест.', 'Не открывается итоговый тест'],
    ['Ссылка на урок — https://lms.example.ru/l/7\nНет звука в видео.', 'Нет звука в видео'],
    ['Ссылка: lms.uchi.pro/courses/7f3c\nНе открывается итоговый тест.', 'Не открывается итоговый тест'],
    ['Ссылка:\nhttps://lms.example.ru/courses/7f3c\nНе открывается итоговый тест.', 'Не открывается итоговый тест'],
    ['Курс: Охрана труда. Не открывается тест.', 'Курс: Охрана труда'],
    ['https://lms.example.ru/courses/123 не открывается. Пишет ошибку 500.', 'https://lms.example.ru/courses/123 не открывается'],
    // A quotation the cut leaves open is closed after it.
    [
      'В вопросе 3 итогового теста ответ «Специалист по охране труда или руководитель структурного подразделения» не засчитывается.',
      'В вопросе 3 итогового теста ответ «Специалист по охране труда или руководитель…»',
    ],
  ])('%j → %j', (part, subject) => {
    expect(subjectFromPart(part)).toBe(subject);
  });

  it('gives each draft its own key', () => {
    let n = 0;
    const drafts = splitIntoDrafts(['Раз.', 'Два.'], () => `key-${++n}`);
    expect(drafts).toEqual([
      { subject: 'Раз', description: 'Раз.', idempotencyKey: 'key-1' },
      { subject: 'Два', description: 'Два.', idempotencyKey: 'key-2' },
    ]);
  });
});

describe('firstFieldToType', () => {
  it('is the description while it is empty, whatever else is filled', () => {
    expect(firstFieldToType('course', emptyValues())).toBe('description');
    expect(firstFieldToType('course', { ...emptyValues(), subject: 'Тема', courseTitle: 'Охрана труда' })).toBe('description');
  });

  it('is the first empty field the category requires once the description is written', () => {
    const described = { ...emptyValues(), description: 'Не открывается урок.', subject: 'Не открывается урок' };
    expect(firstFieldToType('course', described)).toBe('courseTitle');
    expect(firstFieldToType('course', { ...described, courseTitle: 'Охрана труда' })).toBe('courseUrl');
    expect(firstFieldToType('order', { ...described, subject: '' })).toBe('subject');
    expect(firstFieldToType('other', described)).toBe('description');
  });
});

describe('one-problem confirmation', () => {
  const text = 'Не открывается курс «Охрана труда». Также не приходит письмо с паролем.';
  it('survives whitespace and typo fixes, not new content', () => {
    expect(changedSubstantially(text, `${text}  `)).toBe(false);
    expect(changedSubstantially(text, text.replace('Охрана', 'Охраны'))).toBe(false);
    expect(changedSubstantially(text, `${text} И ещё: не выгружается отчёт по группе.`)).toBe(true);
    expect(changedSubstantially(text, 'Совсем другой текст')).toBe(true);
  });
  it('needs a confirmation to exist', () => {
    expect(isOneProblemConfirmed({ confirmedOneProblem: '', description: text })).toBe(false);
    expect(isOneProblemConfirmed({ confirmedOneProblem: text, description: text })).toBe(true);
  });
});

describe('findOpenDuplicate', () => {
  const ticket = (o: Partial<TicketSummary>): TicketSummary => ({
    id: 't',
    number: '1',
    category: 'order',
    subject: 's',
    status: 'registered',
    priority: 'normal',
    createdAt: '2025-03-12T09:00:00Z',
    updatedAt: '2025-03-12T09:00:00Z',
    lastEventId: 1,
    ...o,
  });
  const values = { ...emptyValues(), category: 'order' as const, orderUrl: 'https://LMS.example.ru/orders/1/?tab=2' };

  it('matches the same order, newest first, ignoring final tickets', () => {
    const tickets = [
      ticket({ id: 'old', orderUrl: 'https://lms.example.ru/orders/1', updatedAt: '2025-03-10T09:00:00Z' }),
      ticket({ id: 'new', orderUrl: 'https://lms.example.ru/orders/1', updatedAt: '2025-03-11T09:00:00Z' }),
      ticket({ id: 'done', orderUrl: 'https://lms.example.ru/orders/1', status: 'resolved', updatedAt: '2025-03-12T09:00:00Z' }),
    ];
    expect(findOpenDuplicate(tickets, values)?.id).toBe('new');
  });
  it('does not match another order or category', () => {
    expect(findOpenDuplicate([ticket({ orderUrl: 'https://lms.example.ru/orders/2' })], values)).toBeNull();
    expect(findOpenDuplicate([ticket({ category: 'document', orderUrl: 'https://lms.example.ru/orders/1' })], values)).toBeNull();
    expect(findOpenDuplicate([ticket({})], emptyValues())).toBeNull();
  });
  it('without a link on both sides, or in a category without one, matches by the words of the subject', () => {
    const open = ticket({ id: 'video', category: 'technical', subject: 'Не загружается видео в уроке 3' });
    const technical = (description: string) => ({ ...emptyValues(), category: 'technical' as const, description });
    // The same category alone is not the same problem.
    expect(findOpenDuplicate([open], technical(''))).toBeNull();
    expect(findOpenDuplicate([open], technical('Не приходит счёт на оплату, ошибка при оплате картой.'))).toBeNull();
    expect(findOpenDuplicate([open], technical('Видео в уроке 3 опять не загружаются, крутится колесо.'))?.id).toBe('video');
    // Common words («не», «ошибка», «проблема») do not make two texts alike.
    const error = ticket({ id: 'error', category: 'technical', subject: 'Ошибка: не открывается страница' });
    expect(findOpenDuplicate([error], technical('Проблема: ошибка, не работает кнопка «Далее».'))).toBeNull();
    // An order ticket without its link: the words decide.
    const noLink = ticket({ id: 'no-link', subject: 'Не пришёл счёт на оплату заявки' });
    expect(findOpenDuplicate([noLink], values)).toBeNull();
    expect(findOpenDuplicate([noLink], { ...values, description: 'Счёт на оплату так и не пришел.' })?.id).toBe('no-link');
  });
});

describe('initial values', () => {
  it('page link, then host pre-fill, then the restored draft (its empty fields keep the pre-fill)', () => {
    const base = prefilledValues('https://lms.example.ru/orders/ord-1', { subject: 'Из open()' });
    // The page only suggests its category: the user chooses it on the first screen.
    expect(base).toMatchObject({ category: '', orderUrl: 'https://lms.example.ru/orders/ord-1', subject: 'Из open()' });
    const restored = restoredValues(base, { ...emptyValues(), category: 'document', documentUrl: 'https://lms.example.ru/d/1' });
    expect(restored).toMatchObject({ category: 'document', orderUrl: 'https://lms.example.ru/orders/ord-1', documentUrl: 'https://lms.example.ru/d/1', subject: 'Из open()' });
  });
  it('ignores pages that are not LMS pages', () => {
    expect(prefilledValues('https://example.ru/help', undefined)).toEqual(emptyValues());
    expect(prefilledValues('javascript:alert(1)', undefined)).toEqual(emptyValues());
  });
});

const at = new Date('2025-03-12T09:02:00Z');

describe('stored drafts', () => {
  it('round-trips a draft with its key and split parts', () => {
    const values = { ...emptyValues(), category: 'order' as const, orderUrl: 'https://lms.example.ru/orders/1' };
    const split = [
      { subject: 'Первая', description: 'Первая проблема.', idempotencyKey: 'split-key-1' },
      { subject: 'Вторая', description: 'Вторая проблема.', idempotencyKey: 'split-key-2', category: 'document' as const, fields: { documentUrl: 'https://lms.example.ru/documents/9' } },
    ];
    expect(parseStoredDraft(serializeDraft({ values, idempotencyKey: 'draft-key-1', split }, at))).toEqual({
      version: 1,
      savedAt: '2025-03-12T09:02:00.000Z',
      values,
      idempotencyKey: 'draft-key-1',
      split,
    });
  });

  it.each([
    ['nothing', null],
    ['empty', ''],
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ version: 2, savedAt: at.toISOString(), idempotencyKey: 'draft-key-1', values: {} })],
    ['a bad key', JSON.stringify({ version: 1, savedAt: at.toISOString(), idempotencyKey: 'x', values: {} })],
    ['no date', JSON.stringify({ version: 1, idempotencyKey: 'draft-key-1', values: {} })],
    ['an array', '[]'],
  ])('ignores %s', (_name, raw) => {
    expect(parseStoredDraft(raw)).toBeNull();
  });

  it('drops wrong fields one by one and keeps the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      savedAt: at.toISOString(),
      idempotencyKey: 'draft-key-1',
      values: { subject: 'Тема', category: 'evil', impact: 1, contact: { role: 'root', fullName: 'Иванов' }, attachPageErrors: 'yes' },
      split: [{ subject: 'only one' }],
    });
    const draft = parseStoredDraft(raw);
    expect(draft?.values).toEqual({ ...emptyValues(), subject: 'Тема', contact: { ...emptyValues().contact, fullName: 'Иванов' } });
    expect(draft).not.toHaveProperty('split');
  });

  it('drops a split part\'s unknown category or fields and keeps the part', () => {
    const part = (extra: object) => ({ subject: 'Тема', description: 'Текст.', idempotencyKey: `split-key-${Object.keys(extra).length}`, ...extra });
    const raw = JSON.stringify({
      version: 1,
      savedAt: at.toISOString(),
      idempotencyKey: 'draft-key-1',
      values: {},
      split: [part({ category: 'evil' }), part({ category: 'order', fields: 'x' })],
    });
    const split = parseStoredDraft(raw)?.split;
    expect(split?.map((item) => [item.category, item.fields])).toEqual([
      [undefined, undefined],
      ['order', undefined],
    ]);
  });
});

describe('messages', () => {
  const keys = (messages: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`.replace(/_(one|few|many|other)$/, '')],
    );

  it('has every Russian string in English too, and Russian plurals in all forms', () => {
    // The first screen's texts and those the fields' part adds share the namespace (and `error`), not a text.
    expect(sharedTexts(formMessages.ru, formFieldsMessages.ru)).toEqual([]);
    const russian = formRussian();
    expect(new Set(keys(formMessagesEn))).toEqual(new Set(keys(russian)));
    const plurals = keys(russian).filter((key, index, all) => all.indexOf(key) !== index);
    const flat = JSON.stringify(russian);
    for (const key of new Set(plurals)) {
      const leaf = key.split('.').at(-1);
      for (const form of ['one', 'few', 'many', 'other']) expect(flat).toContain(`"${leaf}_${form}"`);
    }
  });
});

describe('chosenImpact', () => {
  // A radio group with nothing checked can read back from the page as null: it is "not chosen", not a value.
  it.each([
    ['blocks_me', 'blocks_me'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ] as const)('%j → %j', (value, chosen) => {
    expect(chosenImpact(value)).toBe(chosen);
  });
});
