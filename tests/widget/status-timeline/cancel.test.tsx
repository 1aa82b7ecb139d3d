/** Cancelling: only after confirming in a dialog; dismissing sends nothing. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, fail, ok } from './fake-api';
import { HISTORY, makeEvent, makeTicket } from './fixtures';
import { renderWidget } from './render';

const cancelled = makeTicket('cancelled', {
  events: [...HISTORY.processing, makeEvent(3, 'cancelled', 'processing', 'reporter')],
});

describe('cancel a ticket', () => {
  it('asks to confirm, then cancels and shows the final status without a cancel button', async () => {
    const cancelTicket = vi.fn(async () => ok(cancelled));
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('processing')), cancelTicket });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);

    await user.click(await screen.findByRole('button', { name: 'Отменить обращение' }));
    const dialog = screen.getByRole('dialog', { name: /^Отменить обращение №\sUP-2026-000123\?$/ });
    expect(dialog).toHaveTextContent('Это действие нельзя отменить.');
    // The number stays on one line in the large title (it would break at its hyphens).
    expect(within(dialog).getByText('UP-2026-000123')).toHaveClass('us-nowrap');
    expect(cancelTicket).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Да, отменить' }));

    expect(cancelTicket).toHaveBeenCalledWith('t1');
    expect(await screen.findByText('Обращение отменено.')).toBeInTheDocument();
    expect(screen.getByText('Обращение отменено', { selector: '.us-status-badge' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Отменить обращение' })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does nothing when the user changes their mind, and gives focus back', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('processing')) });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const trigger = await screen.findByRole('button', { name: 'Отменить обращение' });
    await user.click(trigger);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Не отменять' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(api.cancelTicket).not.toHaveBeenCalled();
  });

  it('explains a failed cancel and keeps the ticket as it was', async () => {
    const api = createFakeApi({
      getTicket: async () => ok(makeTicket('processing')),
      cancelTicket: async () => fail<never>({ kind: 'http', status: 409, code: 'illegal_transition', message: 'final' }),
    });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    await user.click(await screen.findByRole('button', { name: 'Отменить обращение' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Да, отменить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Обращение уже изменилось. Посмотрите его историю');
    expect(screen.getByText('Обращение в обработке', { selector: '.us-status-badge' })).toBeInTheDocument();
  });
});
