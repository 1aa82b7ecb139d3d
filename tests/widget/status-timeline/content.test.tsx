/** What the timeline renders from user data: text only (line breaks kept), attachments by name or safe link. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/core';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, ok } from './fake-api';
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
});
