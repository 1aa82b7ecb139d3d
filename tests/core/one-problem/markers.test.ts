import { describe, expect, it } from 'vitest';
import { hasProblemMarker, isQuestion, refersBack } from '../../../src/core/one-problem';

describe('hasProblemMarker', () => {
  it.each([
    ['Не открывается курс', true],
    ['не могу войти', true],
    ['в отчете неправильные даты', true],
    ['у менеджера пропал доступ', true],
    ['нет доступа к разделу', true],
    ['сайт выдает 502', true],
    ['Как сменить пароль', true],
    ['хотелось бы узнать про оплату', true],
    ['можно ли продлить доступ', true],
    ['Когда будет договор?', true],
    ['Захожу в курс', false],
    ['курс отмечен как пройденный', false],
    ['проверили папку спам', false],
    ['браузер Chrome 126', false],
    ['Также в SCORM 1.2 такой же пакет работает нормально.', false],
  ])('%s → %s', (text, expected) => {
    expect(hasProblemMarker(text)).toBe(expected);
  });
});

describe('isQuestion', () => {
  it.each([
    ['Как сменить пароль?', true],
    ['Почему так? ', true],
    ['Вы спросили «почему?»', true],
    ['Вопрос «Какой огнетушитель?» — засчитывается неверно.', false],
    ['как настроить рассылку', false],
  ])('%s → %s', (text, expected) => {
    expect(isQuestion(text)).toBe(expected);
  });
});

describe('refersBack', () => {
  it.each([
    ['Может быть, нужно заполнить данные в заявке?', true],
    ['Или нужно создавать новую заявку?', true],
    ['Это у всех слушателей или только у нас?', true],
    ['ссылка «Забыли пароль» тоже не работает', true],
    ['в его профиле курс не отображается', true],
    ['Как назначить ему итоговый тест?', true],
    ['пробовали — та же ошибка', true],
    ['не работает и в мобильном приложении', true],
    ['в консоли браузера видно ошибку CORS', true],
    ['не приходят уведомления о вебинарах', false],
    ['Почему в договоре не подставляются реквизиты?', false],
  ])('%s → %s', (text, expected) => {
    expect(refersBack(text)).toBe(expected);
  });
});
