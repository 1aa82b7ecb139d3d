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
    expect(await screen.findByText('Создано вместе с № UP-2026-000002, № UP-2026-000003')).toBeInTheDocument();
  });

  it('tells the reporter they confirmed one problem where the check found several', async () => {
    const ticket = makeTicket('registered', { oneProblemConfirmed: true, oneProblemCheck: { parts: 2, markers: ['Кроме того'] } });
    renderWidget(<TicketView ticketId="t1" />, createFakeApi({ getTicket: async () => ok(ticket) }));
    expect(await screen.findByText('Вы подтвердили, что это одна проблема (проверка нашла 2 проблемы).')).toBeInTheDocument();
  });

  it('is silent for a ticket the check agreed with, in English too', async () => {
    const ticket = makeTicket('registered', { createdWith: [{ id: 't2', number: 'UP-2026-000002' }], oneProblemCheck: { parts: 1, markers: [] } });
    renderWidget(<TicketView ticketId="t1" />, createFakeApi({ getTicket: async () => ok(ticket) }), { locale: 'en' });
    expect(await screen.findByText('Created together with No. UP-2026-000002')).toBeInTheDocument();
    expect(screen.queryByText(/the check found/)).toBeNull();
  });
});
