/** "Помогли ли вам?": asked after an answer, given once, changeable until its window closes. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RatingBody, Ticket } from '../../../src/core';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, fail, ok } from './fake-api';
import { makeEvent, makeTicket, NOW } from './fixtures';
import { renderWidget } from './render';

function rated(ticket: Ticket, body: RatingBody, ratedAt = NOW): Ticket {
  const changeableUntil = new Date(ratedAt.getTime() + 7 * 24 * 3600 * 1000).toISOString();
  return {
    ...ticket,
    rating: {
      score: body.score,
      ...(body.comment === undefined ? {} : { comment: body.comment }),
      ratedAt: ratedAt.toISOString(),
      updatedAt: NOW.toISOString(),
      changeableUntil,
    },
  };
}

describe('rating the help', () => {
  it('is not asked before a specialist answered', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('processing')), rateTicket: async () => fail() });
    renderWidget(<TicketView ticketId="t1" />, api);
    await screen.findByRole('heading', { level: 2 });
    expect(screen.queryByRole('heading', { name: 'Помогли ли вам?' })).toBeNull();
  });

  it('is not asked where the Support API takes no ratings', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered')) });
    renderWidget(<TicketView ticketId="t1" />, api);
    await screen.findByRole('heading', { level: 2 });
    expect(screen.queryByRole('heading', { name: 'Помогли ли вам?' })).toBeNull();
  });

  it('asks after the answer, needs a score, sends score and comment, thanks and shows the rating', async () => {
    const answered = makeTicket('answered');
    const rateTicket = vi.fn(async (_id: string, body: RatingBody) => ok(rated(answered, body)));
    const api = createFakeApi({ getTicket: async () => ok(answered), rateTicket });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);

    const form = await screen.findByRole('form', { name: 'Помогли ли вам?' });
    // «Did it help?» comes before writing to the specialist (which is for when it did not).
    const forms = screen.getAllByRole('form');
    expect(forms.indexOf(form)).toBe(0);
    expect(forms.length).toBeGreaterThan(1);
    // What is rated is quoted above the scores (on a phone the history is far below).
    expect(within(form).getByText(/Очистите кэш/).closest('figure')).toHaveTextContent('Ответ специалиста');
    await user.click(within(form).getByRole('button', { name: 'Оценить' }));
    expect(rateTicket).not.toHaveBeenCalled();
    expect(within(form).getByRole('alert')).toHaveTextContent('Выберите оценку от 1 до 5.');
    expect(within(form).getByRole('radio', { name: '1 — совсем не помогли' })).toHaveFocus();

    await user.click(within(form).getByRole('radio', { name: '4 — скорее помогли' }));
    await user.type(within(form).getByRole('textbox', { name: /Комментарий/ }), '  Всё заработало  ');
    await user.click(within(form).getByRole('button', { name: 'Оценить' }));

    expect(rateTicket).toHaveBeenCalledWith('t1', { score: 4, comment: 'Всё заработало' });
    expect(await screen.findByText('Спасибо за оценку!')).toBeInTheDocument();
    expect(screen.getByText('Ваша оценка: 4 из 5.')).toBeInTheDocument();
    expect(screen.getByText('Всё заработало')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Помогли ли вам?' })).toBeNull();
    expect(screen.getByText('Ваша оценка: 4 из 5.').closest('[tabindex="-1"]')).toHaveFocus();
  });

  it('quotes the text a ticket was resolved with when it had no answer step', async () => {
    const events = [
      makeEvent(1, 'registered', null, 'system'),
      makeEvent(2, 'in_progress', 'registered', 'support'),
      makeEvent(3, 'resolved', 'in_progress', 'support', { text: 'Исправили кодировку в отчёте, выгрузите его снова.' }),
    ];
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('resolved', { events })), rateTicket: async () => fail() });
    renderWidget(<TicketView ticketId="t1" />, api);
    const form = await screen.findByRole('form', { name: 'Помогли ли вам?' });
    expect(within(form).getByText('Исправили кодировку в отчёте, выгрузите его снова.').closest('figure')).toHaveTextContent('Ответ специалиста');
  });

  it('changes a given rating within its window, prefilled with the old one', async () => {
    const resolved = rated(makeTicket('resolved'), { score: 2, comment: 'Долго' }, new Date(NOW.getTime() - 24 * 3600 * 1000));
    const rateTicket = vi.fn(async (_id: string, body: RatingBody) => ok(rated(resolved, body, new Date(resolved.rating?.ratedAt ?? ''))));
    const api = createFakeApi({ getTicket: async () => ok(resolved), rateTicket });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);

    expect(await screen.findByText('Ваша оценка: 2 из 5.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Изменить оценку' }));
    const form = screen.getByRole('form', { name: 'Помогли ли вам?' });
    expect(within(form).getByRole('radio', { name: '2 — скорее не помогли' })).toBeChecked();
    // The button replaced itself with the form: the focus is on the score given, not lost to the page.
    await waitFor(() => expect(within(form).getByRole('radio', { name: '2 — скорее не помогли' })).toHaveFocus());
    expect(within(form).getByRole('textbox', { name: /Комментарий/ })).toHaveValue('Долго');
    await user.click(within(form).getByRole('radio', { name: '5 — полностью помогли' }));
    await user.clear(within(form).getByRole('textbox', { name: /Комментарий/ }));
    await user.click(within(form).getByRole('button', { name: 'Сохранить оценку' }));
    expect(rateTicket).toHaveBeenCalledWith('t1', { score: 5 });
    expect(await screen.findByText('Ваша оценка: 5 из 5.')).toBeInTheDocument();
  });

  it('offers no change once the window has closed', async () => {
    const old = rated(makeTicket('resolved'), { score: 3 }, new Date(NOW.getTime() - 8 * 24 * 3600 * 1000));
    const api = createFakeApi({ getTicket: async () => ok(old), rateTicket: async () => fail() });
    renderWidget(<TicketView ticketId="t1" />, api);
    expect(await screen.findByText('Ваша оценка: 3 из 5.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Изменить оценку' })).toBeNull();
  });

  it('keeps the choice and says why when sending fails', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered')), rateTicket: async () => fail() });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const form = await screen.findByRole('form', { name: 'Помогли ли вам?' });
    await user.click(within(form).getByRole('radio', { name: '5 — полностью помогли' }));
    await user.click(within(form).getByRole('button', { name: 'Оценить' }));
    expect(await within(form).findByRole('alert')).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: '5 — полностью помогли' })).toBeChecked();
  });
});
