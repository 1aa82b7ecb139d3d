import { describe, expect, it } from 'vitest';
import { contentStems, normalizeText, sharesSubject, stem } from '../../../src/core/one-problem';

describe('normalizeText', () => {
  it.each([
    ['Ещё ОДНА Проблема', 'еще одна проблема'],
    ['SCORM-пакет', 'scorm-пакет'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps the length, so offsets map back to the original', () => {
    const text = 'Ёлка İstanbul «Курс»';
    expect(normalizeText(text)).toHaveLength(text.length);
  });
});

describe('stem', () => {
  it.each([
    ['курс', 'курс'],
    ['курса', 'курс'],
    ['курсов', 'курс'],
    ['слушателям', 'слуша'],
    ['слушатель', 'слуша'],
    ['Пароль', 'парол'],
    ['пароля', 'парол'],
    ['удостоверения', 'удост'],
    ['вебинару', 'вебин'],
    ['тестом', 'тест'],
    ['её', 'ее'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('contentStems', () => {
  it.each([
    // "курс" is in nearly every ticket: the course's name carries the subject.
    ['Не открывается курс «Охрана труда»', ['охран', 'труд']],
    ['Также ошибка появляется в Firefox', []],
    ['Слушатель не может войти в СДО с телефона', ['войт']],
    ['Здравствуйте! Подскажите, пожалуйста', []],
  ])('%s', (text, expected) => {
    expect([...contentStems(text)].sort()).toEqual([...expected].sort());
  });
});

describe('sharesSubject', () => {
  it.each([
    ['Не приходят письма с доступом', 'Также не приходят и письма восстановления пароля', true],
    ['Как поменять пароль?', 'Где можно изменить пароль?', true],
    ['Не приходит письмо для восстановления пароля', 'в каталоге курсов пропали курсы', false],
    // Everyone is a "слушатель": sharing it says nothing about the subject.
    ['Почему слушатель не видит курс?', 'Как выгрузить список слушателей?', false],
    // Nor a group, a year or «вместо»: the subject is which group.
    ['У группы «Сварщики» не открывается тест', 'В группе «Водители» пропали протоколы', false],
    ['У группы «Сварщики» не открывается тест', 'В группе «Сварщики» пропали протоколы', true],
    ['В группе ОТ-5 указан 2023 год вместо 2024', 'Группа ПБ-2 в прошлом году не получила протоколы', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(sharesSubject(a, b)).toBe(expected);
  });
});
