import { describe, expect, it } from 'vitest';
import { checkOneProblem } from '../../../src/core/one-problem';
import { BOUNDARY_FEATURE_COUNT, BOUNDARY_FEATURES, boundariesOf, SHAPES_FROM, wordClass } from '../../../src/core/one-problem/boundary-features';
import { FEATURE_COUNT, hash, HASH_BUCKETS, modelFeatures } from '../../../src/core/one-problem/model-features';
import { modelCheck, severalProblemsProbability } from '../../../src/core/one-problem/one-problem-model';
import { BOUNDARY_WEIGHTS, TEXT_WEIGHTS } from '../../../src/core/one-problem/model-weights';

describe('one-problem models', () => {
  it('read the same features from the same text, within the weights they have', () => {
    const text = 'Не открывается тест по первой помощи. Кроме того, счёт на оплату так и не пришёл.';
    const x = modelFeatures(text);
    expect(modelFeatures(text)).toEqual(x);
    expect(Math.min(...x.index)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x.index)).toBeLessThan(FEATURE_COUNT);
    expect(x.index.some((i) => i >= HASH_BUCKETS)).toBe(true);
    expect(atob(TEXT_WEIGHTS)).toHaveLength(FEATURE_COUNT);

    const boundaries = boundariesOf(text);
    expect(boundariesOf(text)).toEqual(boundaries);
    for (const b of boundaries) {
      expect(Math.min(...b.x.index)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...b.x.index)).toBeLessThan(BOUNDARY_FEATURE_COUNT);
      expect(b.x.index.some((i) => i >= BOUNDARY_FEATURES.length)).toBe(true);
    }
    expect(atob(BOUNDARY_WEIGHTS)).toHaveLength(BOUNDARY_FEATURE_COUNT);
  });

  it('scores texts as a probability', () => {
    const p = severalProblemsProbability('Не приходит сертификат после курса, прошло уже две недели.');
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('finds the boundaries between sentences, paragraphs and joined clauses, not inside «так и не»', () => {
    const text = 'Видео не грузится и звук пропал; тест висит.\n\nСчёт так и не пришёл. Прошу помочь';
    const b = boundariesOf(text);
    expect(b.map((x) => x.marker)).toEqual(['и звук пропал', 'тест висит', 'Счёт так и не пришёл', 'Прошу помочь']);
    expect(b.map((x) => x.join)).toEqual([true, true, false, false]);
    expect(text.slice(b[0]?.from ?? 0, (b[0]?.from ?? 0) + 4)).toBe('звук');
  });

  it('reads which order, group or person each side names, and what it asks support to do', () => {
    const has = (text: string, k: number, name: (typeof BOUNDARY_FEATURES)[number]): boolean =>
      boundariesOf(text)[k]?.x.index.includes(BOUNDARY_FEATURES.indexOf(name)) ?? false;
    const orders = 'По заявке 5050 счёт выставлен с ошибкой в ИНН. По заявке 5051 нужно добавить ещё двух человек. Заявка 5050 оплачена.';
    expect(has(orders, 0, 'new-identifier-after-one')).toBe(true);
    expect(has(orders, 0, 'same-identifier')).toBe(false);
    expect(has(orders, 0, 'right-request')).toBe(true);
    expect(has(orders, 1, 'same-identifier')).toBe(true);
    expect(has(orders, 1, 'new-identifier')).toBe(false);
    // A surname in any case is one person; a new one is another person.
    const people = 'Прогресс сбросился у слушателя Никитина. Курс заново назначили слушателю Никитину. Сотрудник Ремизов уволился, уберите его из группы.';
    expect(has(people, 0, 'right-change')).toBe(false);
    expect(has(people, 0, 'new-name')).toBe(false);
    expect(has(people, 1, 'new-name')).toBe(true);
    expect(has(people, 1, 'right-imperative')).toBe(true);
    expect(has(people, 0, 'left-imperative')).toBe(false);
    expect(has('Видео не грузится. Прогресс сбросился на ноль.', 0, 'right-change')).toBe(true);
    expect(has('Видео не грузится на сайте. Прогресс на месте.', 0, 'left-imperative')).toBe(false);
  });

  it('reads the shape of what follows a boundary whatever its words: a subject of its own, or a verb going on', () => {
    const words = ['сертификат', 'не', 'скачивается', 'итоговый', 'в', 'пропал', 'оплатила', '2024', 'почему', 'его'];
    expect(words.map(wordClass)).toEqual(['N', 'NEG', 'V', 'A', 'P', 'V', 'V', 'D', 'C', 'PR']);
    // Nouns with a verb's ending stay nouns: «отчёт», «в кабинете», «возможность», «журнал».
    expect(['отчёт', 'кабинете', 'возможность', 'журнал', 'работает', 'может', 'уберите'].map((w) => wordClass(w.replace('ё', 'е')))).toEqual(['N', 'N', 'N', 'N', 'V', 'V', 'V']);
    const shapes = (text: string): number[] => boundariesOf(text)[0]?.x.index.filter((i) => i >= SHAPES_FROM) ?? [];
    const [certificate, video, error] = ['Тест висит, и сертификат не скачивается', 'Тест висит, и видео не грузится', 'Тест висит и выдаёт ошибку'].map(shapes);
    // «сертификат не скачивается» and «видео не грузится» open alike (noun, «не», verb); «выдаёт ошибку» does not.
    const bucket = (key: string): number => SHAPES_FROM + (hash(key) % (BOUNDARY_FEATURE_COUNT - SHAPES_FROM));
    expect(certificate).toContain(bucket('r:N NEG V'));
    expect(video).toContain(bucket('r:N NEG V'));
    expect(error).not.toContain(bucket('r:N NEG V'));
    expect(error).toContain(bucket('r:V N'));
  });

  it('reads the letters of the opening words: two verbs no list names share their ending «-тся»', () => {
    const shapes = (text: string): number[] => boundariesOf(text)[0]?.x.index.filter((i) => i >= SHAPES_FROM) ?? [];
    const ending = SHAPES_FROM + (hash('g:тся') % (BOUNDARY_FEATURE_COUNT - SHAPES_FROM));
    const [video, report, teacher] = ['Тест висит, и видео не воспроизводится', 'Тест висит, и отчёт не формируется', 'Тест висит, и преподаватель не отвечает'].map(shapes);
    expect(video).toContain(ending);
    expect(report).toContain(ending);
    expect(teacher).not.toContain(ending);
  });

  it('cuts two unrelated problems joined by «и» and names where', () => {
    const split = checkOneProblem('Не открывается тест по первой помощи и счёт на оплату так и не пришёл');
    expect(split.parts).toEqual(['Не открывается тест по первой помощи', 'Счёт на оплату так и не пришёл']);
    expect(split.markers).toEqual(['и счёт на оплату']);
  });

  it('cuts two unrelated problems in two sentences and names the second by its opening words', () => {
    const text = 'Видео в уроке 3 не воспроизводится, чёрный экран. В отчёте по группе не видно результатов итогового теста.';
    expect(modelCheck(text)).toEqual({
      parts: ['Видео в уроке 3 не воспроизводится, чёрный экран.', 'В отчёте по группе не видно результатов итогового теста.'],
      markers: ['В отчёте по группе'],
    });
  });

  it('keeps a greeting with the problem after it and a signature with the one before', () => {
    expect(checkOneProblem('Добрый день!\n\nВ удостоверениях неправильно указана дата окончания обучения.').parts).toHaveLength(1);
    const text = 'Добрый день!\n\nВидео в уроке 3 не воспроизводится, чёрный экран.\n\nВ отчёте по группе не видно результатов итогового теста.\n\nС уважением, Иванова';
    expect(modelCheck(text)).toEqual({
      parts: ['Видео в уроке 3 не воспроизводится, чёрный экран.', 'В отчёте по группе не видно результатов итогового теста.\n\nС уважением, Иванова'],
      markers: ['В отчёте по группе'],
    });
  });

  it.each([
    'Не открывается тест по первой помощи. Тест по первой помощи висит на загрузке.',
    'Видео в курсе по охране труда не запускается. Во-первых, это происходит только в Chrome. Во-вторых, на телефоне тоже чёрный экран.',
    'Не могу войти в личный кабинет, пишет «неверный пароль». Пароль восстанавливала дважды, письмо приходит, но с новым паролем то же самое.',
    'Тест по электробезопасности не засчитывается, хотя все ответы верные. Раньше такого не было, на прошлой неделе всё работало.',
  ])('keeps one problem told in several sentences whole: %s', (text) => {
    expect(checkOneProblem(text)).toEqual({ parts: [text], markers: [] });
  });

  it('keeps steps to reproduce with the expected and actual result whole', () => {
    const text =
      'Не сохраняется результат теста. Шаги: 1. Открыть тест. 2. Ответить на вопросы. 3. Нажать «Завершить». Ожидаемый результат: оценка в журнале. Фактический результат: журнал пустой.';
    expect(checkOneProblem(text).parts).toHaveLength(1);
  });
});
