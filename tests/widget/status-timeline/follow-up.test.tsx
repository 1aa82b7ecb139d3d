/** Follow-up instead of reopening, on the ticket view: the offer for 30 days after the final status, and the links. */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, ok } from './fake-api';
import { makeTicket, NOW } from './fixtures';
import { renderWidget } from './render';

const OFFER = 'Проблема вернулась? Создать продолжение';
const DAY = 24 * 60 * 60 * 1000;

function show(ticket: ReturnType<typeof makeTicket>, options: { now?: Date; locale?: 'ru' | 'en'; withActions?: boolean } = {}) {
  const onFollowUp = vi.fn();
  const onOpenTicket = vi.fn();
  const actions = options.withActions === false ? {} : { onFollowUp, onOpenTicket };
  const rendered = renderWidget(<TicketView ticketId="t1" {...actions} />, createFakeApi({ getTicket: async () => ok(ticket) }), {
    env: { now: () => options.now ?? NOW },
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  return { ...rendered, onFollowUp, onOpenTicket };
}

describe('TicketView: follow-up instead of reopening', () => {
  it('offers a continuation of a resolved ticket and hands the ticket over', async () => {
    const ticket = makeTicket('resolved');
    const { user, onFollowUp } = show(ticket);
    await user.click(await screen.findByRole('button', { name: OFFER }));
    expect(onFollowUp).toHaveBeenCalledWith(expect.objectContaining({ id: 't1', number: 'UP-2026-000123', category: 'technical' }));
  });

  it('offers it for a cancelled ticket up to 30 days after the final status, and not after', async () => {
    const ticket = makeTicket('cancelled');
    const cancelledAt = Date.parse(ticket.events.at(-1)?.createdAt ?? '');
    show(ticket, { now: new Date(cancelledAt + 30 * DAY) });
    expect(await screen.findByRole('button', { name: OFFER })).toBeInTheDocument();
  });

  it('is gone after 30 days, on an open ticket, and where the app cannot start a form', async () => {
    const resolved = makeTicket('resolved');
    const resolvedAt = Date.parse(resolved.events.at(-1)?.createdAt ?? '');
    const late = show(resolved, { now: new Date(resolvedAt + 30 * DAY + 1000) });
    await screen.findByRole('heading', { level: 2, name: resolved.subject });
    expect(screen.queryByRole('button', { name: OFFER })).toBeNull();
    late.unmount();

    const open = show(makeTicket('answered'));
    await screen.findByRole('heading', { level: 2, name: resolved.subject });
    expect(screen.queryByRole('button', { name: OFFER })).toBeNull();
    open.unmount();

    show(resolved, { withActions: false });
    await screen.findByRole('heading', { level: 2, name: resolved.subject });
    expect(screen.queryByRole('button', { name: OFFER })).toBeNull();
  });

  it('shows both links, each opening the other ticket', async () => {
    const next = makeTicket('resolved', { followUps: [{ id: 't9', number: 'UP-2026-000130' }] });
    const first = show(next);
    await first.user.click(await screen.findByRole('button', { name: 'Продолжение: №\u00a0UP-2026-000130' }));
    expect(first.onOpenTicket).toHaveBeenCalledWith('t9');
    first.unmount();

    const continued = makeTicket('registered', { followUpOf: { id: 't0', number: 'UP-2026-000100' } });
    const second = show(continued);
    await second.user.click(await screen.findByRole('button', { name: 'Продолжает обращение №\u00a0UP-2026-000100' }));
    expect(second.onOpenTicket).toHaveBeenCalledWith('t0');
  });

  it('speaks English too', async () => {
    show(makeTicket('resolved', { followUpOf: { id: 't0', number: 'UP-2026-000100' } }), { locale: 'en' });
    expect(await screen.findByRole('button', { name: 'Problem is back? Create a follow-up' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continues request No. UP-2026-000100' })).toBeInTheDocument();
  });
});
