/** checkOneProblem: the parts of a description and the marker that caused every split (the rules, then the model). */
import { describe, expect, it } from 'vitest';
import { checkOneProblem, checkRules, oneProblemVerdict, openingWords } from '../../../src/core/one-problem';

/** The rules' parts: these cases test the rules; the trained model's word is tested below and by the corpus. */
const rulesSplit = (text: string) => checkRules(text).parts;

describe('the rules name the marker of each split', () => {
  it.each([
    ['Здравствуйте.\n1) не открывается курс по охране труда\n2) счёт на оплату не пришёл', ['2)']],
    ['Прошу проверить: 1. не открывается тест по пожарной безопасности; 2. в удостоверении неверная дата.', ['2.']],
    ['У меня два вопроса. Первый — не открывается тест по первой помощи. Второй — как скачать счёт?', ['Второй']],
    ['Не открывается видео в курсе по охране труда. Кроме того, в отчёте по группе неверные даты.', ['Кроме того']],
    ['Не открывается видео в курсе по охране труда. Заодно спрошу, как выгрузить список слушателей?', ['Заодно спрошу']],
    ['Не открывается видео в курсе по охране труда. P.S. В отчёте по группе неверные даты.', ['P.S.']],
    ['не открывается тест по первой помощи и счёт на оплату так и не пришёл', ['и счёт на оплату']],
    ['Не работает фильтр по подразделениям в отчёте. Предлагаем добавить выгрузку протоколов архивом.', ['Предлагаем']],
    ['у меня несколько вопросов: не открывается лекция 4; как распечатать удостоверение; и почему счёт на 1800', ['как распечатать удостоверение', 'почему счёт на 1800']],
    // A bare request before a list: each item is a request of its own, infinitives included.
    ['Прошу:\n1. Продлить доступ к курсу по охране труда для группы 3.\n2. Выслать акт сверки за третий квартал.', ['2.']],
    // A list item telling a contrast with what was paid or expected is a problem too.
    ['Здравствуйте.\n1. Клиент оплатил два курса, а доступ открылся только к одному.\n2. Мне не начислено вознаграждение за октябрь.', ['2.']],
    // Two requests joined by «а также».
    ['Прошу исправить название организации в протоколах, а также подключить к кабинету новый филиал в Самаре.', ['а также подключить к кабинету']],
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
    // A bare joining word inside a sentence is named with what follows it.
    ['Не приходит письмо с паролем, плюс в отчёте по группе нет двух слушателей.', ['плюс в отчёте по группе']],
    ['Не открывается тест по первой помощи, а также счёт на оплату так и не пришёл.', ['а также счёт на оплату']],
    // A failure, then a wish for something new in the same sentence.
    ['Не прикрепляется к заданию файл больше 20 МБ и хотелось бы видеть в журнале дату последнего входа слушателя.', ['и хотелось бы видеть']],
    // A failure, then another request in the same sentence.
    ['Видео во втором модуле не воспроизводится и подскажите, когда будет готово удостоверение по охране труда.', ['и подскажите, когда будет']],
    // «почему-то»: something is off, a problem of its own.
    ['Как передать права менеджера организации другому сотруднику? Кстати, в последнем счёте почему-то указано 11 слушателей.', ['Кстати']],
    // A label of another kind of request after a connective.
    ['Не сохраняется оценка за задание 3. И пожелание: сделайте, пожалуйста, тёмную тему.', ['И пожелание']],
    ['Как продлить доступ слушателю? А ещё жалоба: поддержка не отвечает по телефону.', ['А ещё жалоба']],
    ['Предлагаю добавить выгрузку в PDF. И по другому поводу: не открывается архив вебинаров.', ['И по другому поводу']],
    ['Хотелось бы видеть дату в списке курсов. И ещё нашла ошибку: фильтр по группе сбрасывается.', ['И ещё нашла ошибку']],
    ['Не могу скачать счёт за октябрь.\nПС и ещё в договоре перепутан ИНН.', ['ПС и ещё']],
    ['Не приходят уведомления о заданиях. Кроме того, сообщаю, что в профиле не меняется аватар.', ['Кроме того, сообщаю']],
    // A failure and a feature request joined by a connective, even about the same screen.
    ['В журнале не работает сортировка по фамилии. Кстати, предлагаю добавить в журнал поиск.', ['Кстати, предлагаю']],
    ['Предложение: добавить в журнал экспорт в Excel. Кстати, в журнале сейчас не работает поиск по фамилии.', ['Кстати']],
    // Labels of separate requests, numbered or of different kinds, with nothing told before them.
    ['Вопрос 1: где взять шаблон приказа?\nВопрос 2: как добавить второго администратора?', ['Вопрос 2:']],
    ['Предложение: добавить фильтр по агенту.\nОшибка: при печати счёта пропадает логотип.', ['Ошибка:']],
    ['Два вопроса. По оплате: можно ли платить частями? По документам: когда придёт акт за май?', ['По документам:']],
    // A paragraph with a problem after a request of its own.
    ['Нужен акт сверки за третий квартал.\n\nВ кабинете контрагента не отображается последний платёж.', ['В кабинете контрагента']],
    // A question of its own joined by «и».
    ['как поменять почту в профиле и почему в курсе не открывается итоговый тест', ['и почему в курсе']],
    // An aside announced with a colon or a dash, another point added to the letter.
    ['Не отправляется письмо с паролем слушателям на mail.ru. Заодно: у нас сменился директор, нужно поменять подписанта в договоре.', ['Заодно']],
    ['Предлагаем добавить в отчёт колонку с датой рождения. И одна проблема — при печати протокола обрезается таблица.', ['И одна проблема']],
    ['Отчёт по группе формируется по пять минут. Раз уж пишу — можно ли подключить вход через Госуслуги?', ['Раз уж пишу']],
    ['Не работает импорт слушателей из Excel, пишет «неверный формат». Ну и по мелочи: в шапке сайта опечатка в слове «обучение».', ['Ну и по мелочи']],
    // «И почему …?» about something else after a statement of a problem, not only after a question.
    ['В протоколе у Петрова указана чужая должность. И почему в реестре Минтруда нет нашей лицензии?', ['И почему']],
    // A missing part («без звука») or a part that works only in part («видят только первую страницу») is a failure.
    ['В курсе по электробезопасности лекция 3 без звука. Сертификат не приходит на почту.', ['Сертификат не приходит']],
    ['Слушатели с планшетов видят только первую страницу презентации. Сертификат не приходит на почту.', ['Сертификат не приходит']],
    // The writer counted the problems: each next sentence that raises something is one, even about one subject.
    ['По журналу два вопроса. Журнал не сохраняет оценки за практику. Журнал группы ОТ-5 не открывается на планшете.', ['Журнал группы ОТ-5']],
    // A sentence opened by «И» and an imperative: a request of its own.
    ['Нужен счёт на предоплату по заявке 4410. И подключите к кабинету второго бухгалтера.', ['И подключите']],
    // «группа» alone is not a shared subject: two groups, two problems.
    ['У группы «Сварщики» не открывается тест по охране труда. В группе «Водители» у всех пропали протоколы.', ['В группе «Водители»']],
    // A dash says nothing of where the next problem starts: the item's opening words do.
    ['Здравствуйте, у меня три вопроса:\n- не открывается курс по охране труда\n- счёт на оплату не пришёл\n- в удостоверении неверная дата', ['счёт на оплату', 'в удостоверении неверная']],
  ])('%s', (text, markers) => {
    const check = checkRules(text);
    expect(check.parts).toHaveLength(markers.length + 1);
    expect(check.markers).toEqual(markers);
    expect(rulesSplit(text)).toEqual(check.parts);
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
    // What the screen shows, quoted: the symptom of the failure told before it.
    'В видеолекции про СИЗ не загружается видео. Крутится значок загрузки, через минуту пишет „Ошибка воспроизведения“.',
    // What was tried and did not help.
    'Приложение вылетает при открытии урока по электробезопасности. Переустанавливала приложение на телефоне — не помогло.',
    // Ordinals telling where and when the same failure shows, after it is stated.
    'Видео не загружается в урок. Во-первых, только файлы больше 500 МБ. Во-вторых, загрузка доходит до 99% и зависает.',
    // Two infinitives under one request, joined by a bare «и».
    'Прошу исправить фамилию в удостоверении и выслать новое удостоверение на почту.',
    // «А ещё при попытке …»: what the same failure does when tried again.
    'Не загружаются картинки в уроки курса. А ещё при попытке загрузки появляется ошибка «Недопустимый тип файла».',
    // More of the same after the marker: another try, a pointer back, what was tried.
    'Не открывается тест по охране труда. И ещё: пробовала с телефона, там то же самое.',
    'Курс не открывается. ПС и ещё: на телефоне та же ошибка.',
    'Курс не открывается. P.S. Ещё раз проверила — так и не открылся.',
    'Сломалась загрузка файлов в задании, пишет «ошибка 413». И ещё заметила: файлы меньше 1 МБ грузятся.',
    // A suggestion argued by what it is about, not a failure of its own.
    'Предлагаю сделать кнопку «Сохранить» заметнее. Кстати, сейчас она иногда не нажимается с первого раза.',
    'Предлагаем добавить экспорт в Excel. Кстати, сейчас его нет и приходится копировать руками.',
    // Labels that tell one problem: two of a failure, or after the problem is told.
    'Проблема: не открывается тест. Ошибка: «500 Internal Server Error».',
    'Не приходят уведомления о новых заданиях. Вопрос: где их включить? Ошибка: в настройках переключатель серый.',
    'Ошибка: при входе в курс пишет «Доступ запрещён». Вопрос: что мне делать?',
    // A request after the failure asks to fix it.
    'Оплатили счёт № 512, а доступ к курсу так и не открылся.\n\nПрошу открыть доступ сегодня, обучение горит.',
    'При входе выдаёт ошибку 500.\n\nПрошу помочь восстановить доступ.',
    // «и» before a question about the same thing.
    'Курс не открывается на планшете и когда это исправят?',
    // Asking when the failure told will be fixed, after a label or a connective.
    'Ошибка: не грузится видео в уроке 2. Вопрос: когда исправите?',
    'Не грузится видео в уроке 2. Кстати, когда всё починят?',
    // Exasperation first raises nothing itself.
    'Сколько можно?! Каждый раз при входе просит заново ввести пароль, а потом пишет, что пароль неверный.',
    // A second question about what the first asked, named by a pronoun.
    'Сертификат пришёл в PDF. Его надо заверять? И примут ли его в инспекции без печати?',
    'Можно ли перевести сотрудников в другую группу? И увидят ли они свои результаты?',
    // An aside announced with a colon that points back at the failure told.
    'Не отправляется письмо с паролем слушателям на mail.ru. Заодно: на gmail.ru то же самое.',
    // An announcing phrase with nothing told before it.
    'Одна проблема — при печати протокола обрезается таблица.',
    'Раз уж пишу: отчёт по группе формируется по пять минут, помогите.',
    // «И почему так получилось?» asks about the problem told.
    'В протоколе у Петрова указана чужая должность. И почему так получилось?',
    // «без» and «только» that tell no failure.
    'Оплатили курс без скидки. Сертификат не приходит на почту.',
    'Презентация видна только администраторам, так задумано. Сертификат не приходит на почту.',
    // Without a count announced, two sentences about one journal tell one problem.
    'Журнал не сохраняет оценки за практику. Журнал группы ОТ-5 не открывается на планшете.',
    // «И» and an imperative pointing back, or asking to look into the failure told.
    'Нужен счёт на предоплату по заявке 4410. И пришлите его, пожалуйста, на почту бухгалтерии.',
    'Не отправляется письмо с паролем слушателям на mail.ru. И проверьте, пожалуйста, настройки рассылки.',
    // The same group named twice.
    'У группы «Сварщики» не открывается тест по охране труда. В группе «Сварщики» у всех пропали протоколы.',
  ])('keeps one problem: %s', (text) => {
    expect(checkRules(text)).toEqual({ parts: [text], markers: [] });
  });

  it('is empty for an empty text', () => {
    expect(checkRules('  ')).toEqual({ parts: [], markers: [] });
  });
});

describe('openingWords, the marker of a cut with no marker word', () => {
  it.each([
    ['В отчёте по группе нет данных', 'В отчёте по группе'],
    ['И ещё у меня не грузится видео', 'И ещё у меня'],
    ['Счёт так и не пришёл. Прошу помочь', 'Счёт так и не пришёл'],
    ['Тест висит. Прошу помочь', 'Тест висит'],
    ['звук пропал; тест висит', 'звук пропал'],
  ])('%s → %s', (text, opening) => {
    expect(openingWords(text)).toBe(opening);
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

describe('checkOneProblem: the rules, then the trained model', () => {
  it('keeps whole a text the rules split when the model is sure it holds one problem', () => {
    const text = 'Урок 3 в курсе «Первая помощь» отмечен как непройденный, хотя я его прошла дважды. Из-за этого не открывается итоговый тест. Прогресс висит на 92%.';
    expect(checkRules(text).parts.length).toBeGreaterThan(1);
    expect(checkOneProblem(text)).toEqual({ parts: [text], markers: [] });
  });

  it('keeps whole a text with connectives the rules cut when the models find one problem («А ещё» adding symptoms)', () => {
    const text = 'Видео в курсе не грузится, чёрный экран. А ещё звук при этом идёт, т.е. лектора слышно а картинки нет. А ещё на телефоне так же.';
    expect(checkRules(text).parts.length).toBeGreaterThan(1);
    expect(checkOneProblem(text)).toEqual({ parts: [text], markers: [] });
    // An unrelated problem after a connective still stands.
    const two = 'Не открывается видео в курсе по охране труда. Кроме того, в отчёте по группе неверные даты.';
    expect(checkOneProblem(two).markers).toEqual(['Кроме того']);
  });

  it('never overrules a list: its items are the writer’s own cuts', () => {
    const text = '1. Не открывается курс «Охрана труда». 2. Не приходит письмо с паролем.';
    expect(checkOneProblem(text)).toEqual(checkRules(text));
    expect(checkOneProblem(text).parts).toHaveLength(2);
  });
});
