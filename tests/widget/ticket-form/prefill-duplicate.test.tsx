/** What the form knows before the user types: the host page, open({…}), and the user's open tickets. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../../src/core';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { chooseCategory, fill } from './actions';
import { createFakeApi, createSlot, NOW, renderForm } from './render-form';

describe('pre-fill', () => {
  it('on a course page suggests the course first and fills its link once chosen', async () => {
    const { user } = renderForm({ pageUrl: 'https://lms.example.ru/courses/abc-123?tab=program' });
    const first = screen.getAllByRole('button')[0] as HTMLElement;
    expect(first).toHaveAccessibleName('Курс или учебный материал');
    expect(first).toHaveAccessibleDescription(expect.stringContaining('Похоже, вопрос о курсе на этой странице'));
    await user.click(first);
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue('https://lms.example.ru/courses/abc-123');
  });

  it('on a lesson page links the lesson; on an order page fills the order link', async () => {
    const lesson = renderForm({ pageUrl: 'https://lms.example.ru/lms/courses/abc-123/lessons/7' });
    await chooseCategory(lesson.user, 'Тест');
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue('https://lms.example.ru/lms/courses/abc-123/lessons/7');
    lesson.unmount();

    const order = renderForm({ pageUrl: 'https://lms.example.ru/orders/ord-1' });
    expect(screen.getAllByRole('button')[0]).toHaveAccessibleName('Заявка на обучение');
    await chooseCategory(order.user, 'Заявка на обучение');
    expect(screen.getByLabelText('Ссылка на заявку')).toHaveValue('https://lms.example.ru/orders/ord-1');
  });

  it('keeps a category the user already chose, and still puts the page’s first when it is changed', async () => {
    const store = createMemoryTextStore();
    store.setItem(
      'uchi-support:ticket-draft:u-1',
      JSON.stringify({ version: 1, savedAt: NOW.toISOString(), idempotencyKey: 'stored-key-1', values: { category: 'technical', steps: 'Шаги' } }),
    );
    const { user } = renderForm({ store, pageUrl: 'https://lms.example.ru/courses/abc-123' });
    expect(screen.getByLabelText('Какие действия вызывают ошибку')).toHaveValue('Шаги');
    await user.click(screen.getByRole('button', { name: 'Изменить категорию «Ошибка в работе СДО»' }));
    expect(screen.getAllByRole('button', { name: /./ }).find((button) => button.closest('ul') !== null)).toHaveAccessibleName('Курс или учебный материал');
    await chooseCategory(user, 'Курс или учебный материал');
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue('https://lms.example.ru/courses/abc-123');
  });

  it('takes the host’s open({ category, … }) pre-fill', () => {
    renderForm({ prefill: { category: 'test', subject: 'Вопрос теста', courseTitle: 'Пожарная безопасность' }, pageUrl: 'https://lms.example.ru/courses/abc-123' });
    expect(screen.getByRole('button', { name: 'Изменить категорию «Тест»' })).toBeInTheDocument();
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Вопрос теста');
    expect(screen.getByLabelText('Полное название курса')).toHaveValue('Пожарная безопасность');
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue('https://lms.example.ru/courses/abc-123');
  });
});

const COURSE = 'https://lms.example.ru/courses/abc-123';

function summary(overrides: Partial<TicketSummary>): TicketSummary {
  return {
    id: 't-17',
    number: 'A-17',
    category: 'course',
    subject: 'Не открывается видео',
    status: 'processing',
    priority: 'normal',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    lastEventId: 3,
    courseUrl: COURSE,
    ...overrides,
  };
}

describe('duplicate warning', () => {
  it('shows the open ticket about the same course and adds the text to it as a message', async () => {
    const api = createFakeApi([summary({ id: 't-5', number: 'A-5', status: 'resolved' }), summary({ subject: 'Не открывается видео «Пожар»' })]);
    const slot = createSlot({ ids: ['att-00000001'] });
    const { user, onAddedToExisting, store } = renderForm({ api, slot, pageUrl: `${COURSE}/` });
    await chooseCategory(user, 'Курс или учебный материал');
    expect(await screen.findByText('У вас уже есть открытое обращение № A-17')).toBeInTheDocument();
    // The subject's own quotes nest inside the sentence's.
    expect(screen.getByText(/«Не открывается видео „Пожар“» — Обращение в обработке/)).toBeInTheDocument();
    const add = screen.getByRole('button', { name: 'Добавить текст сообщением к №\u00a0A-17' });
    expect(add).toBeDisabled();

    await fill(user, 'Тема обращения', 'Видео');
    await fill(user, 'Опишите проблему', 'Видео в уроке 3 не запускается.');
    await user.click(add);
    await waitFor(() => expect(onAddedToExisting).toHaveBeenCalledWith('t-17'));
    // The page link ends with a slash; the ticket's does not: still the same course.
    expect(api.sendMessage).toHaveBeenCalledWith('t-17', {
      text: `Видео\n\nВидео в уроке 3 не запускается.\n\nСсылка на курс: ${COURSE}/`,
      attachmentIds: ['att-00000001'],
    });
    expect(api.createTicket).not.toHaveBeenCalled();
    expect(store.getItem('uchi-support:ticket-draft:u-1')).toBeNull();
  });

  it('offers no ticket to add a text of several problems to, until the user confirms it is one', async () => {
    const api = createFakeApi([summary({})]);
    const { user } = renderForm({ api, pageUrl: `${COURSE}/` });
    await chooseCategory(user, 'Курс или учебный материал');
    expect(await screen.findByText('У вас уже есть открытое обращение № A-17')).toBeInTheDocument();
    await fill(user, 'Тема обращения', 'Видео и счёт');
    await fill(user, 'Опишите проблему', 'Видео в уроке 3 не запускается. Кроме того, счёт на оплату так и не пришёл.');
    await screen.findByRole('button', { name: 'Разделить на 2 обращения' });
    expect(screen.queryByText(/У вас уже есть открытое обращение/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Это одна проблема' }));
    expect(await screen.findByText('У вас уже есть открытое обращение № A-17')).toBeInTheDocument();
  });

  it('says nothing about another course, a closed ticket or another category', async () => {
    const api = createFakeApi([summary({ courseUrl: 'https://lms.example.ru/courses/other' }), summary({ id: 't-2', number: 'A-2', category: 'order', courseUrl: undefined })]);
    const { user } = renderForm({ api, pageUrl: COURSE });
    await waitFor(() => expect(api.listTickets).toHaveBeenCalled());
    await chooseCategory(user, 'Курс или учебный материал');
    await screen.findByLabelText('Тема обращения');
    expect(screen.queryByText(/У вас уже есть открытое обращение/)).not.toBeInTheDocument();
  });

  it('does not ask for the ticket list in guest mode', () => {
    const api = createFakeApi([summary({})]);
    renderForm({ api, host: null, pageUrl: COURSE });
    expect(api.listTickets).not.toHaveBeenCalled();
  });
});
