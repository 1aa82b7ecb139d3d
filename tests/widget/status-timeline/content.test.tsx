/** What the timeline renders from user data: text only (line breaks kept), attachments by name or safe link. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Attachment } from '../../../src/core';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, fail, ok } from './fake-api';
import { makeEvent, makeTicket } from './fixtures';
import { renderWidget } from './render';

const screenshot: Attachment = {
  id: 'att_0000001',
  name: 'ошибка.png',
  contentType: 'image/png',
  size: 1024,
  createdAt: '2026-11-27T05:10:00.000Z',
};

const events = [
  makeEvent(1, 'registered', null, 'system', { attachments: [screenshot] }),
  makeEvent(2, 'answered', 'registered', 'support', { text: 'Строка один\n<b>не разметка</b>' }),
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('TicketView content', () => {
  it('renders a specialist text as text with its line break, never as HTML', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered', { events })) });
    renderWidget(<TicketView ticketId="t1" />, api);
    const text = await screen.findByText(/Строка один/);
    expect(text.textContent).toBe('Строка один\n<b>не разметка</b>');
    expect(text.querySelector('b')).toBeNull();
    expect(text).toHaveClass('us-timeline__text');
  });

  it('lists attachments by name without a link when the API offers no URL', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered', { events })) });
    renderWidget(<TicketView ticketId="t1" />, api);
    const files = await screen.findByRole('list', { name: 'Файлы' });
    expect(within(files).getByText('ошибка.png')).toBeInTheDocument();
    expect(within(files).queryByRole('link')).toBeNull();
  });

  it('links an attachment when a URL is offered, and refuses a script URL', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered', { events })) });
    const { rerender } = renderWidget(<TicketView ticketId="t1" attachmentUrl={(a) => `/api/v1/attachments/${a.id}`} />, api);
    const link = await screen.findByRole('link', { name: 'ошибка.png' });
    expect(link).toHaveAttribute('href', '/api/v1/attachments/att_0000001');

    rerender(<TicketView ticketId="t1" attachmentUrl={() => 'javascript:alert(1)'} />);
    expect(screen.queryByRole('link', { name: 'ошибка.png' })).toBeNull();
    expect(screen.getByText('ошибка.png')).toBeInTheDocument();
  });

  it('saves a file of the history under its name, read with the user’s credentials, and says so when it cannot', async () => {
    const user = userEvent.setup();
    const file = new Blob(['png'], { type: 'image/png' });
    const downloadAttachment = vi.fn().mockResolvedValueOnce(fail()).mockResolvedValue(ok(file));
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered', { events })), downloadAttachment });
    const objectUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:saved-1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const saved: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    renderWidget(<TicketView ticketId="t1" />, api);
    const button = await screen.findByRole('button', { name: 'Скачать ошибка.png' });
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('Не удалось скачать файл. Повторите.');
    expect(saved).toEqual([]);
    await user.click(button);
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:saved-1', download: 'ошибка.png' }]));
    expect(downloadAttachment).toHaveBeenLastCalledWith('att_0000001');
    expect(objectUrl).toHaveBeenCalledWith(file);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows what the user sent, folded: the description as text and the ticket’s own files', async () => {
    const user = userEvent.setup();
    const ticket = makeTicket('registered', { description: 'Первая строка\n<i>не разметка</i>', attachments: [screenshot] });
    const api = createFakeApi({ getTicket: async () => ok(ticket), downloadAttachment: async () => ok(new Blob(['png'])) });
    renderWidget(<TicketView ticketId="t1" />, api);
    const summary = await screen.findByText('Что вы отправили, с файлами');
    const description = screen.getByText(/Первая строка/);
    expect(description).not.toBeVisible();
    await user.click(summary);
    expect(description).toBeVisible();
    expect(description.textContent).toBe('Первая строка\n<i>не разметка</i>');
    expect(description.querySelector('i')).toBeNull();
    // Named like the fields, and first.
    expect(description.tagName).toBe('DD');
    expect(description.previousElementSibling?.textContent).toBe('Описание проблемы');
    expect(description.closest('dl')?.querySelector('dt')?.textContent).toBe('Описание проблемы');
    expect(screen.getByRole('button', { name: 'Скачать ошибка.png' })).toBeVisible();
  });

  it('shows the category’s fields the user filled, named as the form’s checklist names them, as text', async () => {
    const user = userEvent.setup();
    const ticket = makeTicket('registered', {
      category: 'test',
      course: { title: 'Охрана труда <b>2026</b>', url: 'https://lms.example.ru/courses/abc-123' },
      testQuestion: 'Какой документ подтверждает инструктаж?',
      testAttemptDate: '2026-11-30',
    });
    renderWidget(<TicketView ticketId="t1" />, createFakeApi({ getTicket: async () => ok(ticket) }));
    await user.click(await screen.findByText('Что вы отправили'));
    const fields = screen.getByText('Полное название курса').closest('dl') as HTMLElement;
    const rows = [...fields.querySelectorAll('div')].map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);
    expect(rows).toEqual([
      ['Описание проблемы', ticket.description],
      ['Полное название курса', 'Охрана труда <b>2026</b>'],
      ['Ссылка на курс', 'https://lms.example.ru/courses/abc-123'],
      ['Текст вопроса теста', 'Какой документ подтверждает инструктаж?'],
      ['Дата попытки', '30.11.2026'],
    ]);
    expect(fields.querySelector('b')).toBeNull();
  });
});
