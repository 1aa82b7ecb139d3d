/** What the form's fields tell before sending: the latest attempt date, a counter near the limit, a link of another kind. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, fillCommon, send } from './actions';
import { renderForm } from './render-form';

const COURSE = 'https://lms.example.ru/courses/abc-123';

describe('the attempt date', () => {
  it('offers no day after today in the user’s zone, and a later typed date is refused with its own message', async () => {
    const { user, api } = renderForm({ prefill: { category: 'test', courseTitle: 'Охрана труда', courseUrl: COURSE } });
    const date = screen.getByLabelText(/Когда проходили тест/);
    // 09:02 UTC is 14:02 in Yekaterinburg, the test's zone: still 12 March there.
    expect(date).toHaveAttribute('max', '2025-03-12');
    await fillCommon(user);
    await fill(user, 'Текст вопроса теста', 'Сколько будет 2 + 2?');
    await fill(user, /Когда проходили тест/, '2030-12-31');
    await send(user);
    const message = 'Дата попытки не может быть позже сегодняшнего дня';
    await waitFor(() => expect(date).toHaveAccessibleDescription(expect.stringContaining(message)));
    // The refused send takes the user to the list of what to correct (on a busy machine, after the field's message
    // shows: typing into the field before that would lose the focus to it).
    await waitFor(() => expect(screen.getByText('Исправьте 1 ошибку').closest('section')).toHaveFocus());
    expect(api.createTicket).not.toHaveBeenCalled();
    await fill(user, /Когда проходили тест/, '2025-03-12');
    await send(user);
    await waitFor(() => expect(api.createTicket).toHaveBeenCalledTimes(1));
    expect(api.createTicket.mock.calls[0]?.[0]).toMatchObject({ testAttemptDate: '2025-03-12' });
  });

  it('refuses a year before 1900 (a year typed short) before sending, as a date to pick again', async () => {
    const { user, api } = renderForm({ prefill: { category: 'test', courseTitle: 'Охрана труда', courseUrl: COURSE } });
    const date = screen.getByLabelText(/Когда проходили тест/);
    await fillCommon(user);
    await fill(user, 'Текст вопроса теста', 'Сколько будет 2 + 2?');
    await fill(user, /Когда проходили тест/, '1850-03-04');
    await send(user);
    await waitFor(() => expect(date).toHaveAccessibleDescription(expect.stringContaining('Укажите дату попытки в календаре, например 14.11.2026')));
    await waitFor(() => expect(screen.getByText('Исправьте 1 ошибку').closest('section')).toHaveFocus());
    expect(api.createTicket).not.toHaveBeenCalled();
    await fill(user, /Когда проходили тест/, '1900-01-01');
    await send(user);
    await waitFor(() => expect(api.createTicket).toHaveBeenCalledTimes(1));
  });
});

describe('the length counter', () => {
  it('shows from 80 % of the limit, says how much is over, keeps the whole text and names the limit in the error', async () => {
    const { user } = renderForm({ prefill: { category: 'other' } });
    const description = screen.getByLabelText('Опишите проблему');
    await fill(user, 'Опишите проблему', 'а'.repeat(3999));
    expect(description).not.toHaveAccessibleDescription(expect.stringContaining('из 5'));
    expect(screen.queryByText(/Осталось/)).not.toBeInTheDocument();

    await fill(user, 'Опишите проблему', 'а'.repeat(4000));
    expect(description).toHaveAccessibleDescription(expect.stringContaining('4\u00a0000 из 5\u00a0000.'));
    // Announced once at the step, politely, with how much is left then.
    const live = screen.getByText('Осталось 1 000 символов из 5 000');
    expect(live).toHaveAttribute('aria-live', 'polite');
    await user.type(description, 'бв');
    expect(live).toHaveTextContent('Осталось 1 000 символов из 5 000');
    expect(description).toHaveAccessibleDescription(expect.stringContaining('4\u00a0002 из 5\u00a0000.'));

    await fill(user, 'Опишите проблему', 'а'.repeat(5426));
    // No maxlength: the paste is whole.
    expect(description).not.toHaveAttribute('maxlength');
    expect((description as HTMLTextAreaElement).value).toHaveLength(5426);
    expect(description).toHaveAccessibleDescription(expect.stringContaining('5\u00a0426 из 5\u00a0000. На 426 символов больше, чем можно: сократите текст'));
    expect(live).toHaveTextContent('На 426 символов больше, чем можно: сократите текст');

    await fill(user, 'Тема обращения', 'Длинное описание');
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await send(user);
    await waitFor(() => expect(description).toHaveAccessibleDescription(expect.stringContaining('Слишком длинный текст: можно не больше 5\u00a0000 символов')));
    // That sentence does not name its field: the summary puts the field's label before it.
    const summary = screen.getByRole('region', { name: /^Исправьте/ });
    expect(within(summary).getByRole('button', { name: 'Опишите проблему: Слишком длинный текст: можно не больше 5\u00a0000 символов' })).toBeInTheDocument();
  });

  it('counts the other long texts sharing the field too (the steps of a technical error)', async () => {
    const { user } = renderForm({ prefill: { category: 'technical' } });
    await fill(user, 'Какие действия вызывают ошибку', 'ш'.repeat(2700));
    expect(screen.getByLabelText('Какие действия вызывают ошибку')).toHaveAccessibleDescription(expect.stringContaining('2\u00a0700 из 3\u00a0000.'));
  });
});

describe('a link of another kind', () => {
  const ORDER_WARNING = 'Это не похоже на ссылку на заявку';

  it('warns under the field once it is left, politely, and still sends', async () => {
    const { user, api } = renderForm({ prefill: { category: 'order' } });
    const order = screen.getByLabelText('Ссылка на заявку');
    await fill(user, 'Ссылка на заявку', 'https://lms.example.ru/search?q=заявка');
    // Not while it is typed.
    expect(screen.queryByText(new RegExp(ORDER_WARNING))).not.toBeInTheDocument();
    await user.tab();
    const warning = screen.getByText(`${ORDER_WARNING}: это другая страница СДО. Если ссылка верная, оставьте её.`);
    expect(warning).toHaveAttribute('aria-live', 'polite');
    expect(order).toHaveAccessibleDescription(expect.stringContaining(ORDER_WARNING));
    expect(order).not.toHaveAttribute('aria-invalid');

    await fill(user, 'Ссылка на заявку', COURSE);
    await user.tab();
    expect(warning).toHaveTextContent(`${ORDER_WARNING}: это страница курса.`);

    await fillCommon(user);
    await send(user);
    await waitFor(() => expect(api.createTicket).toHaveBeenCalledTimes(1));
  });

  it('says nothing of a link of the right kind, or of an unknown page on another domain', async () => {
    const { user } = renderForm({ prefill: { category: 'document' } });
    await fill(user, 'Ссылка на заявку', 'https://lms.other-vendor.ru/orders/o-77');
    await fill(user, 'Ссылка на документ', 'https://files.example.org/certificates/123.pdf');
    await user.tab();
    expect(screen.queryByText(/Это не похоже/)).not.toBeInTheDocument();
    await fill(user, 'Ссылка на заявку', 'https://lms.other-vendor.ru/reports/1');
    await user.tab();
    expect(screen.queryByText(/Это не похоже/)).not.toBeInTheDocument();
  });

  it('warns of a course page given as the document link', async () => {
    const { user } = renderForm({ prefill: { category: 'document' } });
    await fill(user, 'Ссылка на документ', COURSE);
    await user.tab();
    const field = screen.getByLabelText('Ссылка на документ').closest('.us-field') as HTMLElement;
    expect(within(field).getByText(/Это не похоже на ссылку на документ: это страница курса\./)).toBeInTheDocument();
  });
});
