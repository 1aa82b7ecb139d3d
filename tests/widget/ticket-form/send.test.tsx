/** Sending: failures keep everything, offer a retry with the same key and, when unreachable, e-mail. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseCategory, fill, fillCommon, send } from './actions';
import { createFakeApi, createSlot, failed, renderForm } from './render-form';

const KEY = 'uchi-support:ticket-draft:u-1';
const COURSE = 'https://lms.example.ru/courses/abc-123';

async function fillCourseTicket(user: Parameters<typeof fill>[0]): Promise<void> {
  await chooseCategory(user, 'Курс или учебный материал');
  await fill(user, 'Полное название курса', 'Охрана труда');
  await fill(user, 'Ссылка на курс', COURSE);
  await fillCommon(user);
}

function mailOf(link: HTMLElement): { to: string; subject: string; body: string } {
  const href = link.getAttribute('href') ?? '';
  const [to = '', query = ''] = href.replace(/^mailto:/, '').split('?');
  const params = new URLSearchParams(query.replace(/\+/g, '%2B'));
  return { to, subject: params.get('subject') ?? '', body: params.get('body') ?? '' };
}

/** The failure block around its title. */
function failureBlock(title: HTMLElement): HTMLElement {
  const block = title.closest<HTMLElement>('.us-notice');
  if (block === null) throw new Error('no failure block around its title');
  return block;
}

describe('sending', () => {
  it('a network failure keeps everything, retries with the same key and offers e-mail with the whole ticket', async () => {
    const api = createFakeApi();
    api.createTicket.mockResolvedValueOnce(failed({ kind: 'network', message: 'Failed to fetch' }));
    const slot = createSlot({ ids: ['att-00000001'], names: ['screen.png', 'log.pdf'], hasImage: true });
    const { user, store, onSent } = renderForm({ api, slot, pageUrl: 'https://lms.example.ru/dashboard' });
    await fillCourseTicket(user);
    await send(user);

    // Focus on the block's title, read with what went wrong and that nothing was lost.
    const title = await screen.findByText('Обращение не отправлено');
    const alert = failureBlock(title);
    expect(title).toHaveFocus();
    expect(title).toHaveAccessibleDescription(/^Не удалось связаться с сервером техподдержки.* Всё, что вы ввели, сохранено\.$/);
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Не открывается урок');
    expect(screen.getByLabelText('Полное название курса')).toHaveValue('Охрана труда');
    await waitFor(() => expect(store.getItem(KEY)).not.toBeNull());
    expect(slot.clear).not.toHaveBeenCalled();

    const mail = mailOf(within(alert).getByRole('link', { name: 'Отправить по e-mail' }));
    expect(mail.to).toBe('support@uchi.pro');
    expect(mail.subject).toBe('[Курс или учебный материал] Не открывается урок');
    for (const text of [
      'Категория: Курс или учебный материал',
      'Тема обращения: Не открывается урок',
      'При открытии урока появляется белый экран.',
      'Полное название курса: Охрана труда',
      `Ссылка на курс: ${COURSE}`,
      'Насколько мешает: Мешает работать мне',
      'Приоритет: Обычный',
      'Название организации (вендора): ООО «Учебный центр»',
      'Ваше ФИО: Иванова Мария Петровна',
      'Контактный телефон: +7 (912) 345-67-89',
      'Браузер: Chrome 131, Windows 11, 1920×1080',
      'Страница: https://lms.example.ru/dashboard',
      'screen.png, log.pdf',
    ]) {
      expect(mail.body).toContain(text);
    }
    expect(within(alert).getByText(/Файлы приложите к письму вручную: screen.png, log.pdf/)).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    const keys = api.createTicket.mock.calls.map((call) => call[1]);
    expect(keys).toEqual(['test-key-1', 'test-key-1']);
    expect(api.createTicket.mock.calls[1]?.[0]).toMatchObject({ attachmentIds: ['att-00000001'], pageUrl: 'https://lms.example.ru/dashboard' });
    expect(store.getItem(KEY)).toBeNull();
    expect(slot.clear).toHaveBeenCalled();
  });

  it('offers e-mail for a 5xx, not for a refusal', async () => {
    const api = createFakeApi();
    api.createTicket
      .mockResolvedValueOnce(failed({ kind: 'http', status: 503, code: 'unavailable', message: 'down' }))
      .mockResolvedValueOnce(failed({ kind: 'http', status: 403, code: 'forbidden', message: 'Ключ уже использован' }));
    const { user } = renderForm({ api });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await send(user);
    expect(await screen.findByText('Сервер техподдержки временно недоступен. Повторите через минуту.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Отправить по e-mail' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Сервер не принял запрос: Ключ уже использован')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Отправить по e-mail' })).not.toBeInTheDocument();
  });

  it('after a refused key (registered earlier, edited since) sends the edited text as a new ticket with a new key', async () => {
    const api = createFakeApi();
    api.createTicket.mockResolvedValueOnce(
      failed({ kind: 'http', status: 409, code: 'idempotency_conflict', message: 'Этот ключ идемпотентности уже использован для другого обращения.' }),
    );
    const { user, onSent } = renderForm({ api });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await send(user);
    const alert = failureBlock(await screen.findByText('Обращение не отправлено'));
    expect(within(alert).getByText(/уже зарегистрировано при прошлой попытке/)).toBeInTheDocument();
    expect(within(alert).queryByRole('button', { name: 'Повторить' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Отправить как новое обращение' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    const [first, second] = api.createTicket.mock.calls.map((call) => call[1]);
    expect(first).toBe('test-key-1');
    expect(second).not.toBe(first);
  });

  it('puts server field errors on their fields', async () => {
    const api = createFakeApi();
    api.createTicket.mockResolvedValueOnce(
      failed({ kind: 'http', status: 422, code: 'validation_failed', message: 'invalid', fields: { 'course.url': 'Курс по этой ссылке не найден', subject: 'Тема слишком общая' } }),
    );
    const { user } = renderForm({ api });
    await fillCourseTicket(user);
    await send(user);

    expect(await screen.findByLabelText('Ссылка на курс')).toHaveAccessibleDescription(expect.stringContaining('Курс по этой ссылке не найден'));
    expect(screen.getByLabelText('Тема обращения')).toHaveAccessibleDescription(expect.stringContaining('Тема слишком общая'));
    const summary = screen.getByRole('region', { name: 'Исправьте 2 ошибки' });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('button', { name: 'Ссылка на курс: Курс по этой ссылке не найден' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('waits while attachments upload or have failed', async () => {
    const busy = renderForm({ slot: createSlot({ busy: true }), prefill: { category: 'other' } });
    const submit = screen.getByRole('button', { name: 'Отправить обращение' });
    // Focusable, so its reason is read out; a press sends nothing.
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect(submit).toHaveAccessibleDescription('Дождитесь окончания загрузки файлов.');
    await fillCommon(busy.user);
    await send(busy.user);
    expect(busy.api.createTicket).not.toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: /^Исправьте/ })).not.toBeInTheDocument();
    busy.unmount();

    renderForm({ slot: createSlot({ failed: true }), prefill: { category: 'other' } });
    expect(screen.getByRole('button', { name: 'Отправить обращение' })).toHaveAccessibleDescription('Удалите или повторите загрузку файла.');
  });

  it('renders the attachments picker in place', () => {
    renderForm({ slot: createSlot({ node: <button type="button">Прикрепить файл</button> }), prefill: { category: 'other' } });
    expect(screen.getByRole('button', { name: 'Прикрепить файл' })).toBeInTheDocument();
  });
});

describe('the subject proposed from the description', () => {
  it('follows the description while left alone, and a subject the user writes stays theirs', async () => {
    const { user, api, onSent } = renderForm({});
    await chooseCategory(user, 'Другой вопрос');
    await fill(user, 'Опишите проблему', 'Видеолекция в уроке 5 не загружается. Крутится индикатор.');
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Видеолекция в уроке 5 не загружается');
    await fill(user, 'Опишите проблему', 'Не открывается итоговый тест. Пишет «Ошибка 500».');
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Не открывается итоговый тест');

    await fill(user, 'Тема обращения', 'Итоговый тест');
    await fill(user, 'Опишите проблему', 'Не открывается итоговый тест по охране труда.');
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Итоговый тест');
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0]).toMatchObject({ subject: 'Итоговый тест', description: 'Не открывается итоговый тест по охране труда.' });
  });

  it('is the first problem\'s when the check found several in one sentence', async () => {
    const { user } = renderForm({});
    await chooseCategory(user, 'Другой вопрос');
    await fill(user, 'Опишите проблему', 'Не открывается тест по первой помощи и счёт на оплату так и не пришёл.');
    await waitFor(() => expect(screen.getByLabelText('Тема обращения')).toHaveValue('Не открывается тест по первой помощи'));
  });

  it('skips a greeting, and still follows the description after the category is changed', async () => {
    const { user } = renderForm({});
    await chooseCategory(user, 'Другой вопрос');
    await fill(user, 'Опишите проблему', 'Добрый день!\nСлушатель Иванова А. И. не может войти. Пароль верный.');
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Слушатель Иванова А. И. не может войти');
    await user.click(screen.getByRole('button', { name: 'Изменить категорию «Другой вопрос»' }));
    await chooseCategory(user, 'Ошибка в работе СДО');
    await fill(user, 'Опишите проблему', 'Не открывается итоговый тест. Пишет «Ошибка 500».');
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Не открывается итоговый тест');
  });
});
