/** Answering a clarification request: the question quoted, the reply sent with files, errors keep the text. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MessageBody } from '../../../src/core';
import type { AttachmentsSlot } from '../../../src/widget/shared/attachments-slot';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, fail, ok } from './fake-api';
import { HISTORY, makeEvent, makeTicket } from './fixtures';
import { renderWidget } from './render';

const answered = makeTicket('clarification_sent', {
  events: [
    ...HISTORY.clarification_requested,
    makeEvent(3, 'clarification_sent', 'clarification_requested', 'reporter', { text: 'Chrome 131, Windows 10' }),
  ],
});

function slot(overrides: Partial<AttachmentsSlot> = {}): AttachmentsSlot {
  return {
    ids: [],
    names: [],
    hasImage: false,
    busy: false,
    failed: false,
    clear: vi.fn(),
    node: <p>Выбор файлов</p>,
    ...overrides,
  };
}

describe('clarification reply', () => {
  it('quotes the question, sends text and files, then shows the new status and forgets the draft', async () => {
    const sendMessage = vi.fn(async (_id: string, _body: MessageBody) => ok(answered));
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')), sendMessage });
    const files = slot({ ids: ['att_0000001'], names: ['экран.png'], hasImage: true });
    const { user, env } = renderWidget(<TicketView ticketId="t1" useReplyAttachments={() => files} />, api);

    const form = await screen.findByRole('form', { name: 'Ответ на вопрос специалиста' });
    expect(within(form).getByText(/Пришлите скриншот ошибки/).tagName).toBe('BLOCKQUOTE');
    expect(within(form).getByText('Выбор файлов')).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/Ваше уточнение/), 'Chrome 131, Windows 10');
    expect(env.textStore.getItem('uchi-support:reply:u1:t1')).toBe('Chrome 131, Windows 10');
    await user.click(within(form).getByRole('button', { name: 'Отправить уточнение' }));

    expect(sendMessage).toHaveBeenCalledWith('t1', { text: 'Chrome 131, Windows 10', attachmentIds: ['att_0000001'] });
    const done = await screen.findByText('Уточнение отправлено: специалист продолжит работу по обращению.');
    expect(done.closest('.us-ticket__flash')).toHaveFocus();
    expect(screen.queryByRole('form', { name: 'Ответ на вопрос специалиста' })).toBeNull();
    expect(screen.getByText('Уточнение техподдержке отправлено', { selector: '.us-status-badge' })).toBeInTheDocument();
    expect(files.clear).toHaveBeenCalled();
    expect(env.textStore.getItem('uchi-support:reply:u1:t1')).toBeNull();
  });

  it('confirms the reply and keeps the focus even when the live stream brings the new status before the answer', async () => {
    let answer: () => void = () => undefined;
    const sendMessage = vi.fn(
      async () =>
        new Promise<ReturnType<typeof ok<typeof answered>>>((resolve) => {
          answer = () => resolve(ok(answered));
        }),
    );
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')), sendMessage });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    await user.type(await screen.findByLabelText(/Ваше уточнение/), 'Chrome 131, Windows 10');
    await user.click(screen.getByRole('button', { name: 'Отправить уточнение' }));
    // The reporter's own event arrives first: the status changes and the reply box goes away.
    act(() => api.push(makeEvent(3, 'clarification_sent', 'clarification_requested', 'reporter', { text: 'Chrome 131, Windows 10' })));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Ответ на вопрос специалиста' })).toBeNull());
    act(() => answer());
    const done = await screen.findByText('Уточнение отправлено: специалист продолжит работу по обращению.');
    await waitFor(() => expect(done.closest('.us-ticket__flash')).toHaveFocus());
    // A new question: the confirmation of the last reply no longer describes the ticket.
    act(() => api.push(makeEvent(4, 'clarification_requested', 'clarification_sent', 'support', { text: 'А в другом браузере?' })));
    await waitFor(() => expect(screen.queryByText(/Уточнение отправлено/)).toBeNull());
  });

  it('lets the user write about an answer, not only rate it, and confirms with the focus on it', async () => {
    const answeredTicket = makeTicket('answered');
    const sendMessage = vi.fn(async () => ok(answeredTicket));
    const api = createFakeApi({ getTicket: async () => ok(answeredTicket), sendMessage });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const form = await screen.findByRole('form', { name: 'Написать специалисту' });
    expect(screen.queryByRole('form', { name: 'Ответ на вопрос специалиста' })).toBeNull();
    await user.type(within(form).getByLabelText(/Сообщение/), 'Кэш очистила, урок всё равно не открывается.');
    await user.click(within(form).getByRole('button', { name: 'Отправить сообщение' }));
    expect(sendMessage).toHaveBeenCalledWith('t1', { text: 'Кэш очистила, урок всё равно не открывается.', attachmentIds: [] });
    const done = await screen.findByText('Сообщение отправлено специалисту.');
    await waitFor(() => expect(done.closest('.us-ticket__flash')).toHaveFocus());
    // The box stays for another message, empty: pressing send again refuses an empty one rather than repeating it.
    expect(within(form).getByLabelText(/Сообщение/)).toHaveValue('');
    await user.click(within(form).getByRole('button', { name: 'Отправить сообщение' }));
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('keeps what was typed while a message was being sent', async () => {
    const answeredTicket = makeTicket('answered');
    let answer: () => void = () => undefined;
    const sendMessage = vi.fn(async () => new Promise<ReturnType<typeof ok<typeof answeredTicket>>>((resolve) => (answer = () => resolve(ok(answeredTicket)))));
    const api = createFakeApi({ getTicket: async () => ok(answeredTicket), sendMessage });
    const { user, env } = renderWidget(<TicketView ticketId="t1" />, api);
    const form = await screen.findByRole('form', { name: 'Написать специалисту' });
    const box = within(form).getByLabelText(/Сообщение/);
    await user.type(box, 'Первое.');
    await user.click(within(form).getByRole('button', { name: 'Отправить сообщение' }));
    // While it goes, the button says so.
    expect(within(form).getByRole('button', { name: 'Отправляем…' })).toBeInTheDocument();
    await user.type(box, ' И ещё');
    act(() => answer());
    await screen.findByText('Сообщение отправлено специалисту.');
    expect(box).toHaveValue('Первое. И ещё');
    expect(env.textStore.getItem('uchi-support:reply:u1:t1')).toBe('Первое. И ещё');
  });

  it('keeps a message being typed, with its text and the focus, when the specialist moves the answered ticket on', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered')) });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const form = await screen.findByRole('form', { name: 'Написать специалисту' });
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    const box = within(form).getByLabelText(/Сообщение/);
    await user.type(box, 'Кэш очистила, не помогло');
    act(() => api.push(makeEvent(3, 'in_progress', 'answered', 'support')));
    expect(screen.getByText('Обращение в работе', { selector: '.us-status-badge' })).toBeInTheDocument();
    // The same box, now adding to a ticket before support's word again.
    expect(screen.getByRole('form', { name: 'Дополнить обращение' })).toBe(form);
    expect(box).toHaveValue('Кэш очистила, не помогло');
    expect(box).toHaveFocus();
  });

  it('offers no message box in an open status when nothing is being typed', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered')) });
    renderWidget(<TicketView ticketId="t1" />, api);
    await screen.findByRole('form', { name: 'Написать специалисту' });
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    act(() => api.push(makeEvent(3, 'in_progress', 'answered', 'support')));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Дополнить обращение' })).toBeInTheDocument();
  });

  it('lets the user add what they forgot before support answers: the box opens when asked for, with the focus', async () => {
    const registered = makeTicket('registered');
    const sendMessage = vi.fn(async () => ok(registered));
    const api = createFakeApi({ getTicket: async () => ok(registered), sendMessage });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const add = await screen.findByRole('button', { name: 'Дополнить обращение' });
    expect(screen.queryByRole('form')).toBeNull();
    await user.click(add);
    // Headed as the button that opened it.
    const form = screen.getByRole('form', { name: 'Дополнить обращение' });
    expect(within(form).getByText(/Забыли подробность или скриншот\?/)).toBeInTheDocument();
    const box = within(form).getByLabelText(/Сообщение/);
    expect(box).toHaveFocus();
    await user.type(box, 'Забыла: ошибка и в приложении на телефоне.');
    await user.click(within(form).getByRole('button', { name: 'Отправить сообщение' }));
    expect(sendMessage).toHaveBeenCalledWith('t1', { text: 'Забыла: ошибка и в приложении на телефоне.', attachmentIds: [] });
    const done = await screen.findByText('Сообщение отправлено специалисту.');
    await waitFor(() => expect(done.closest('.us-ticket__flash')).toHaveFocus());
    // Sent: the box closes, and the button is there for the next thing forgotten.
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Дополнить обращение' })).toBeInTheDocument();
  });

  it('offers nothing to add to a closed ticket, nor beside a specialist’s question (the reply box is for it)', async () => {
    for (const status of ['resolved', 'cancelled', 'clarification_requested'] as const) {
      const api = createFakeApi({ getTicket: async () => ok(makeTicket(status)) });
      const view = renderWidget(<TicketView ticketId="t1" />, api);
      await screen.findByRole('heading', { level: 2 });
      expect(screen.queryByRole('button', { name: 'Дополнить обращение' })).toBeNull();
      view.unmount();
    }
  });

  it('moves the focus to the ticket’s heading when a live update removes what had it', async () => {
    const sendMessage = vi.fn(async () => ok(answered));
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')), sendMessage });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    await user.type(await screen.findByLabelText(/Ваше уточнение/), 'Chrome 131, Windows 10');
    await user.click(screen.getByRole('button', { name: 'Отправить уточнение' }));
    const done = await screen.findByText('Уточнение отправлено: специалист продолжит работу по обращению.');
    await waitFor(() => expect(done.closest('.us-ticket__flash')).toHaveFocus());
    // The specialist answers: the confirmation of the reply goes, and with it the focus it had.
    act(() => api.push(makeEvent(4, 'answered', 'clarification_sent', 'support', { text: 'Исправили.' })));
    expect(screen.queryByText('Уточнение отправлено: специалист продолжит работу по обращению.')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Не открывается урок' })).toHaveFocus();
  });

  it('moves the focus to the box for a specialist’s question when the question removes what had it', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('in_progress')) });
    renderWidget(<TicketView ticketId="t1" />, api);
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    const add = await screen.findByRole('button', { name: 'Дополнить обращение' });
    act(() => add.focus());
    // The specialist asks: the button goes (the reply box is for the question), and the focus to that box.
    act(() => api.push(makeEvent(4, 'clarification_requested', 'in_progress', 'support', { text: 'Какой у вас браузер?' })));
    expect(screen.queryByRole('button', { name: 'Дополнить обращение' })).toBeNull();
    expect(screen.getByLabelText(/Ваше уточнение/)).toHaveFocus();
  });

  it('keeps the text and explains when sending fails', async () => {
    const sendMessage = vi.fn(async () => fail<never>());
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')), sendMessage });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);

    const box = await screen.findByLabelText(/Ваше уточнение/);
    await user.type(box, 'Скриншот приложу позже');
    await user.click(screen.getByRole('button', { name: 'Отправить уточнение' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Не удалось связаться с сервером техподдержки. Проверьте подключение');
    expect(box).toHaveValue('Скриншот приложу позже');
    expect(screen.getByRole('form', { name: 'Ответ на вопрос специалиста' })).toBeInTheDocument();
  });

  it('restores a reply typed before the panel was closed', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')) });
    const { env } = renderWidget(<TicketView ticketId="t1" />, api, {
      env: {
        textStore: (() => {
          const map = new Map([['uchi-support:reply:u1:t1', 'Черновик ответа']]);
          return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
        })(),
      },
    });
    expect(await screen.findByLabelText(/Ваше уточнение/)).toHaveValue('Черновик ответа');
    expect(env.textStore.getItem('uchi-support:reply:u1:t1')).toBe('Черновик ответа');
  });

  it('refuses an empty reply with a field error tied to the box', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')) });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const box = await screen.findByLabelText(/Ваше уточнение/);
    await user.type(box, '   ');
    await user.click(screen.getByRole('button', { name: 'Отправить уточнение' }));
    expect(box).toHaveAccessibleDescription('Напишите ответ на вопрос специалиста');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveFocus();
    expect(api.sendMessage).not.toHaveBeenCalled();
  });

  it('waits for files still uploading', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_requested')) });
    const { user } = renderWidget(<TicketView ticketId="t1" useReplyAttachments={() => slot({ busy: true })} />, api);
    await user.type(await screen.findByLabelText(/Ваше уточнение/), 'Вот скриншот');
    await user.click(screen.getByRole('button', { name: 'Отправить уточнение' }));
    expect(screen.getByText('Дождитесь, пока загрузятся файлы.').closest('[role="status"]')).not.toBeNull();
    expect(api.sendMessage).not.toHaveBeenCalled();
  });
});
