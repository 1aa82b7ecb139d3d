import { describe, expect, it } from 'vitest';
import {
  findList,
  introducesDetails,
  isActionStep,
  isPluralHeading,
  isStepItem,
  splitSentences,
} from '../../../src/core/one-problem';

describe('splitSentences', () => {
  it.each([
    ['Первое. Второе? Третье!', ['Первое.', 'Второе?', 'Третье!']],
    ['строка один\nстрока два', ['строка один', 'строка два']],
    ['Заявка №1543. Дата 12.03 и версия 1.2 — ок', ['Заявка №1543.', 'Дата 12.03 и версия 1.2 — ок']],
    ['Вопрос «Какой?» — неверно', ['Вопрос «Какой?» — неверно']],
    ['   ', []],
  ])('%s', (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Раз.  Два?';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('findList', () => {
  it.each([
    ['1. Раз\n2. Два', '', ['Раз', 'Два']],
    ['Шаги:\n- раз\n- два\nРезультат: ошибка', 'Шаги:', ['раз', 'два\nРезультат: ошибка']],
    ['• раз\n• два\n• три', '', ['раз', 'два', 'три']],
    ['Вступление. 1) раз 2) два 3) три', 'Вступление.', ['раз', 'два', 'три']],
    ['1. Захожу в курс 2. Нажимаю «Начать»', '', ['Захожу в курс', 'Нажимаю «Начать»']],
  ])('%s', (text, intro, items) => {
    expect(findList(text)).toMatchObject({ intro, items });
  });

  it.each([
    ['12.03 создали заявку, 14.03 оплатили'],
    ['Курс из 2 модулей, после 1 модуля не открывается 2 модуль'],
    ['Не формируется протокол по заявке №1543. Еще вопрос'],
    ['- только один пункт'],
    ['в уроке 3. Еще и в уроке 4. Тоже'],
  ])('finds no list in %s', (text) => {
    expect(findList(text)).toBeNull();
  });
});

describe('isActionStep / isStepItem', () => {
  it.each([
    ['Захожу в курс', true, true],
    ['жму загрузить', true, true],
    ['Нажимаем «Сохранить»', true, true],
    ['очистить кэш', true, true],
    ['Войти под администратором', true, true],
    ['Появляется ошибка «Доступ запрещен»', false, true],
    ['Выдает ошибку 500', false, true],
    ['Не открывается курс', false, false],
    ['другой браузер', false, false],
    ['слушатель не видит курс', false, false],
  ])('%s → action %s, step %s', (item, action, step) => {
    expect(isActionStep(item)).toBe(action);
    expect(isStepItem(item)).toBe(step);
  });
});

describe('introducesDetails', () => {
  it.each([
    ['Шаги:', true],
    ['Как воспроизвести:', true],
    ['Не воспроизводится видео. Пробовал:', true],
    ['Что уже сделали:', true],
    ['Не формируется договор. Данные:', true],
    ['Ожидаемый результат:', true],
    ['Проблемы:', false],
    ['Здравствуйте, накопилось несколько вопросов:', false],
    ['', false],
  ])('%s → %s', (intro, expected) => {
    expect(introducesDetails(intro)).toBe(expected);
  });
});

describe('isPluralHeading', () => {
  it.each([
    ['Проблемы:', true],
    ['Вопросы по СДО:', true],
    ['Здравствуйте, накопилось несколько вопросов:', true],
    ['У нас две проблемы.', true],
    ['По заявке 5521 вопрос:', false],
    ['Ошибки в отчете не исчезают', false],
    ['Шаги:', false],
  ])('%s → %s', (text, expected) => {
    expect(isPluralHeading(text)).toBe(expected);
  });
});
