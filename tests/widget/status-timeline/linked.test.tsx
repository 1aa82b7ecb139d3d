/** A ticket split from one description names the others; a confirmed one says what the check found. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, ok } from './fake-api';
import { makeTicket } from './fixtures';
import { renderWidget } from './render';

describe('TicketView: one problem per ticket', () => {
  it('says which tickets were created together with this one', async () => {
    const ticket = makeTicket('registered', { createdWith: [{ id: 't2', number: 'UP-2026-000002' }, { id: 't3', number: 'UP-2026-000003' }] });
    renderWidget(<TicketView ticketId="t1" />, createFakeApi({ getTicket: async () => ok(ticket) }));
    await screen.findByRole('heading', { level: 2 });
    const line = document.querySelector('.us-ticket__linked');
    expect(line).toHaveTextContent(/^Создано вместе с № UP-2026-000002, № UP-2026-000003$/);
    if (line === null) return;
    // Each number on one line: it does not break at its hyphens on a narrow screen.
    expect([...line.querySelectorAll('.us-nowrap')].map((span) => span.textContent)).toEqual(['UP-2026-000002', 'UP-2026-000003']);
  });

  it('tells the reporter they confirmed one problem where the check found several', async () => {
    const ticket = makeTicket('registered', { oneProblemConfirmed: true, oneProblemCheck: { parts: 2, markers: ['Кроме того'] } });
    renderWidget(<TicketView ticketId="t1" />, createFakeApi({ getTicket: async () => ok(ticket) }));
    expect(await screen.findByText('Вы подтвердили, что это одна проблема (проверка нашла 2 проблемы).')).toBeInTheDocument();
  });

  it('is silent for a ticket the check agreed with, in English too', async () => {
    const ticket = makeTicket('registered', { createdWith: [{ id: 't2', number: 'UP-2026-000002' }], oneProblemCheck: { parts: 1, markers: [] } });
    renderWidget(<TicketView ticketId="t1" />, createFakeApi({ getTicket: async () => ok(ticket) }), { locale: 'en' });
    await screen.findByRole('heading', { level: 2 });
    expect(document.querySelector('.us-ticket__linked')).toHaveTextContent(/^Created together with No. UP-2026-000002$/);
    expect(screen.queryByText(/the check found/)).toBeNull();
  });
});
