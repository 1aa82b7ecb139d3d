/** The form of a follow-up: pre-filled from the closed ticket, its own draft, and `followUpOf` sent. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src/core';
import { fill, send } from './actions';
import { createFakeApi, failed, renderForm, ticketFor } from './render-form';

const KEY = 'uchi-support:ticket-draft:u-1';
const COURSE = { title: 'Охрана труда', url: 'https://lms.example.ru/courses/abc-123' };

function resolvedTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ...ticketFor(
      { category: 'test', subject: 'Неверный ответ в тесте', description: 'Ответ не засчитывается.', impact: 'minor', course: COURSE, testQuestion: 'Кто проводит инструктаж?', testAttemptDate: '2026-11-20', browser: {} as never },
      'UP-2026-000123',
      't-old',
    ),
    status: 'resolved',
    ...overrides,
  } as Ticket;
}

describe('the follow-up form', () => {
  it('starts from the old ticket and sends followUpOf with the draft', async () => {
    const { user, api, onSent } = renderForm({ followUp: resolvedTicket() });
    expect(screen.getByText('Продолжение обращения № UP-2026-000123')).toBeInTheDocument();
    // «Создать продолжение» hid the ticket it was on: the focus is on what the form continues, not the page.
    await waitFor(() => expect(screen.getByText('Продолжение обращения № UP-2026-000123').closest('.us-follow-up-form')).toHaveFocus());
    // The subject says what it continues, so the queue reads it without opening the old one.
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Продолжение обращения № UP-2026-000123: Неверный ответ в тесте');
    expect(screen.getByLabelText('Полное название курса')).toHaveValue(COURSE.title);
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue(COURSE.url);
    expect(screen.getByLabelText('Текст вопроса теста')).toHaveValue('Кто проводит инструктаж?');
    // What is new is the user's to say: the description, the impact and when the test was taken again start empty.
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('');
    expect(screen.getByLabelText(/Когда проходили тест/)).toHaveValue('');

    await fill(user, 'Опишите проблему', 'После обновления теста ответ снова не засчитывается.');
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    const [body] = api.createTicket.mock.calls[0] ?? [];
    expect(body).toMatchObject({ category: 'test', followUpOf: 't-old', course: COURSE, subject: 'Продолжение обращения № UP-2026-000123: Неверный ответ в тесте' });
  });

  it('cuts a long subject to the field\'s length, and keeps its characters as written', async () => {
    const long = `<b>${'Очень длинная тема '.repeat(12)}</b>`;
    renderForm({ followUp: resolvedTicket({ subject: long }) });
    const subject = (screen.getByLabelText('Тема обращения') as HTMLInputElement).value;
    expect(subject).toHaveLength(200);
    expect(subject.startsWith('Продолжение обращения № UP-2026-000123: <b>Очень длинная тема')).toBe(true);
  });

  it('keeps its draft apart from the ordinary one, and can be left for an ordinary ticket', async () => {
    const { user, store, onCancelFollowUp } = renderForm({ followUp: resolvedTicket() });
    store.setItem(KEY, 'ordinary draft, untouched');
    await fill(user, 'Опишите проблему', 'Снова не засчитывается.');
    await waitFor(() => expect(store.getItem(`${KEY}:follow-up:t-old`)).toContain('Снова не засчитывается.'));
    expect(store.getItem(KEY)).toBe('ordinary draft, untouched');
    await user.click(screen.getByRole('button', { name: 'Создать обычное обращение' }));
    expect(onCancelFollowUp).toHaveBeenCalled();
  });

  it('shows the server’s refusal (closed too long ago) and keeps the text', async () => {
    const api = createFakeApi();
    const message = 'Обращение № UP-2026-000123 закрыто больше 30 дней назад: создайте новое обращение.';
    api.createTicket.mockResolvedValueOnce(failed({ kind: 'http', status: 422, code: 'validation_failed', message, fields: { followUpOf: 'Продолжение можно создать в течение 30 дней после закрытия обращения' } }));
    const { user, onSent } = renderForm({ api, followUp: resolvedTicket() });
    await fill(user, 'Опишите проблему', 'Снова не засчитывается.');
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await send(user);
    expect(await screen.findByText(`Сервер не принял запрос: ${message}`)).toBeInTheDocument();
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('Снова не засчитывается.');
    expect(onSent).not.toHaveBeenCalled();
  });

  it('gives a guest their contact back from the old ticket', () => {
    const reporter = { fullName: 'Петров Пётр Петрович', role: 'listener' as const, organization: 'АНО «Школа»', lmsUrl: 'https://school.example.ru', phone: '+79123456789', email: 'petrov@example.ru', guest: true };
    renderForm({ host: null, followUp: resolvedTicket({ reporter }) });
    expect(screen.getByLabelText(/Ваше ФИО/)).toHaveValue(reporter.fullName);
    expect(screen.getByLabelText(/Название организации/)).toHaveValue(reporter.organization);
    expect(screen.getByLabelText(/E-mail/)).toHaveValue(reporter.email);
    expect(screen.getByLabelText(/Ваша роль в СДО/)).toHaveValue('listener');
  });

  it('sends no followUpOf from an ordinary form', async () => {
    const { user, api, onSent } = renderForm({ prefill: { category: 'other' } });
    expect(screen.queryByText(/Продолжение обращения/)).toBeNull();
    await fill(user, 'Тема обращения', 'Вопрос');
    await fill(user, 'Опишите проблему', 'Как добавить администратора?');
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0]).not.toHaveProperty('followUpOf');
  });
});
