/** checkOneProblem: the parts of a description and the marker that caused every split. */
import { describe, expect, it } from 'vitest';
import { checkOneProblem, oneProblemVerdict, splitProblems } from '../../../src/core/one-problem';

describe('checkOneProblem names the marker of each split', () => {
  it.each([
    ['Здравствуйте.\n1) не открывается курс по охране труда\n2) счёт на оплату не пришёл', ['2)']],
    ['Прошу проверить: 1. не открывается тест по пожарной безопасности; 2. в удостоверении неверная дата.', ['2.']],
    ['У меня два вопроса. Первый — не открывается тест по первой помощи. Второй — как скачать счёт?', ['Второй']],
    ['Не открывается видео в курсе по охране труда. Кроме того, в отчёте по группе неверные даты.', ['Кроме того']],
    ['Не открывается видео в курсе по охране труда. Заодно спрошу, как выгрузить список слушателей?', ['Заодно спрошу']],
    ['Не открывается видео в курсе по охране труда. P.S. В отчёте по группе неверные даты.', ['P.S.']],
    ['не открывается тест по первой помощи и счёт на оплату так и не пришёл', ['и']],
    ['Не работает фильтр по подразделениям в отчёте. Предлагаем добавить выгрузку протоколов архивом.', ['Предлагаем']],
    ['у меня несколько вопросов: не открывается лекция 4; как распечатать удостоверение; и почему счёт на 1800', [';', ';']],
    // A bare request before a list: each item is a request of its own, infinitives included.
    ['Прошу:\n1. Продлить доступ к курсу по охране труда для группы 3.\n2. Выслать акт сверки за третий квартал.', ['2.']],
    // A list item telling a contrast with what was paid or expected is a problem too.
    ['Здравствуйте.\n1. Клиент оплатил два курса, а доступ открылся только к одному.\n2. Мне не начислено вознаграждение за октябрь.', ['2.']],
    // Two requests joined by «а также».
    ['Прошу исправить название организации в протоколах, а также подключить к кабинету новый филиал в Самаре.', ['а также']],
    // A wrong value («вместо») followed by an indirect question («будет ли») about something else.
    ['Удостоверение выдано на имя Ivanov вместо Иванов. Клиент спрашивает, будет ли скидка при обучении 50 человек.', ['Клиент спрашивает, будет']],
    // "Предлагаем добавить …" proposes; it is not a step to reproduce.
    ['1. В отчёте по слушателям пропала колонка «Должность».\n2. Предлагаем добавить электронную подпись на протоколы.', ['2.']],
    // A paragraph asking "когда будет …" is a question of its own, not the circumstance of the one before.
    ['тест по охране труда не открывается, ошибка 403\n\nкогда будет готово удостоверение по пожарной безопасности', ['когда будет готово']],
    // Ordinals after a count announcement list separate problems.
    ['Два момента. Во-первых, в уроке 4 не отображается таблица. Во-вторых, можно ли получить доступ к статистике прохождения?', ['Во-вторых']],
    // A greeting before «во-первых» has not stated a problem whose circumstances the ordinals could list.
    ['Уважаемая техподдержка!\nВо-первых, в выгрузке реестра не заполняется поле «Результат».\nВо-вторых, как добавить в шаблон удостоверения факсимиле председателя?', ['Во-вторых']],
    // A failure, then a wish for something new in the same sentence.
    ['Не прикрепляется к заданию файл больше 20 МБ и хотелось бы видеть в журнале дату последнего входа слушателя.', ['и']],
    // A failure, then another request in the same sentence.
    ['Видео во втором модуле не воспроизводится и подскажите, когда будет готово удостоверение по охране труда.', ['и']],
    // «почему-то»: something is off, a problem of its own.
    ['Как передать права менеджера организации другому сотруднику? Кстати, в последнем счёте почему-то указано 11 слушателей.', ['Кстати']],
  ])('%s', (text, markers) => {
    const check = checkOneProblem(text);
    expect(check.parts).toHaveLength(markers.length + 1);
    expect(check.markers).toEqual(markers);
    expect(splitProblems(text)).toEqual(check.parts);
  });

  it.each([
    // The circumstances of one problem, told with ordinals.
    'Не грузится видео в курсе. Во-первых, только в Яндекс Браузере, в Хроме работает. Во-вторых, только на работе, дома всё нормально.',
    // Steps to reproduce with the result.
    'Тест не отправляется.\n1) Отвечаю на все вопросы\n2) Нажимаю «Завершить тест»\n3) Меня возвращает на первый вопрос',
    // Expected and actual result.
    'После сдачи теста статус не меняется. Ожидаю «Пройден», а вижу «Не начат».',
    // A suggestion with its motivation.
    'Предлагаю добавить импорт вопросов из Excel. Сейчас нельзя загрузить вопросы файлом, переносим вручную.',
    // Politeness after the question.
    'Подскажите, пожалуйста, можно ли продлить доступ к курсу? Заранее благодарю за ответ, извините за беспокойство.',
    // What was tried and did not help.
    'Приложение вылетает при открытии урока по электробезопасности. Переустанавливала приложение на телефоне — не помогло.',
    // Ordinals telling where and when the same failure shows, after it is stated.
    'Видео не загружается в урок. Во-первых, только файлы больше 500 МБ. Во-вторых, загрузка доходит до 99% и зависает.',
    // Two infinitives under one request, joined by a bare «и».
    'Прошу исправить фамилию в удостоверении и выслать новое удостоверение на почту.',
    // «А ещё при попытке …»: what the same failure does when tried again.
    'Не загружаются картинки в уроки курса. А ещё при попытке загрузки появляется ошибка «Недопустимый тип файла».',
  ])('keeps one problem: %s', (text) => {
    expect(checkOneProblem(text)).toEqual({ parts: [text], markers: [] });
  });

  it('is empty for an empty text', () => {
    expect(checkOneProblem('  ')).toEqual({ parts: [], markers: [] });
  });
});

describe('oneProblemVerdict, the rule a server applies on create', () => {
  const two = 'Не открывается видео в курсе по охране труда. Кроме того, в отчёте по группе неверные даты.';
  it('refuses several problems without confirmation, with the parts', () => {
    expect(oneProblemVerdict(two, undefined)).toMatchObject({ kind: 'refuse', check: { markers: ['Кроме того'] } });
  });
  it('records what it found when the user confirmed one problem', () => {
    expect(oneProblemVerdict(two, true)).toEqual({ kind: 'record', parts: 2, markers: ['Кроме того'] });
    expect(oneProblemVerdict('Не открывается видео.', true)).toEqual({ kind: 'record', parts: 1, markers: [] });
  });
  it('accepts one problem', () => {
    expect(oneProblemVerdict('Не открывается видео.', undefined)).toEqual({ kind: 'accept' });
  });
});
