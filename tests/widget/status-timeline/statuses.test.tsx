/** The timeline in each of the nine statuses: label, hint, highlight, what happens next, cancel offered. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../../src/core';
import { commonMessages } from '../../../src/widget/shared/messages';
import { TicketView } from '../../../src/widget/status-timeline';
import { timelineMessages } from '../../../src/widget/status-timeline/messages';
import { createFakeApi, ok } from './fake-api';
import { HISTORY, makeEvent, makeTicket } from './fixtures';
import { renderWidget } from './render';

const ru = commonMessages.ru;

/** What the "what happens next" line must say in each status. */
const NEXT: Record<Status, RegExp> = {
  registered: /в течение 60 рабочих минут — до 09:00 МСК \(11:00 по вашему времени\)/,
  processing: /Срок решения: до вт, 1 декабря, 08:00 МСК \(10:00 по вашему времени\)/,
  clarification_requested: /Ответьте на вопрос специалиста ниже/,
  clarification_sent: /получил ваше уточнение.*Срок решения: до вт, 1 декабря/,
  in_progress: /занимается обращением\. Срок решения: до вт, 1 декабря/,
  answered: /Специалист ответил на обращение/,
  cancelled: /Обращение закрыто/,
  resolved: /Обращение закрыто/,
  suggestion: /Предложение передано команде/,
};

const FINAL: readonly Status[] = ['cancelled', 'resolved'];

describe('TicketView in every status', () => {
  it.each(Object.keys(NEXT) as Status[])('%s: label and hint highlighted as current, next step, cancel only when not final', async (status) => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket(status)) });
    renderWidget(<TicketView ticketId="t1" />, api);

    const heading = await screen.findByRole('heading', { level: 2, name: 'Не открывается урок' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('№ UP-2026-000123')).toBeInTheDocument();

    const history = screen.getByRole('region', { name: 'Ход обращения' });
    const list = within(history).getByRole('list');
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);
    const current = items.filter((item) => item.getAttribute('aria-current') === 'step');
    expect(current).toHaveLength(1);
    expect(current[0]).toBe(items[items.length - 1]);
    expect(current[0]).toHaveTextContent(ru.status[status]);
    expect(current[0]).toHaveTextContent(timelineMessages.ru.statusHint[status]);
    expect(current[0]).toHaveTextContent('(текущий статус)');
    // What a status means is said under the current one only.
    expect(history.querySelectorAll('.us-timeline__hint')).toHaveLength(1);

    // The header's badge says the same status.
    expect(screen.getByText(ru.status[status], { selector: '.us-status-badge' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Что дальше' })).toHaveTextContent(NEXT[status]);

    const cancel = screen.queryByRole('button', { name: 'Отменить обращение' });
    if (FINAL.includes(status)) expect(cancel).toBeNull();
    else expect(cancel).toBeInTheDocument();

    const reply = screen.queryByRole('form', { name: 'Ответ на вопрос специалиста' });
    if (status === 'clarification_requested') expect(reply).toBeInTheDocument();
    else expect(reply).toBeNull();
  });

  it('lists events oldest first with their time in Moscow and local time and who acted', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('clarification_sent')) });
    renderWidget(<TicketView ticketId="t1" />, api);
    const history = await screen.findByRole('region', { name: 'Ход обращения' });
    const items = within(history).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.us-timeline__status')?.textContent?.replace(' (текущий статус)', ''))).toEqual([
      ru.status.registered,
      ru.status.clarification_requested,
      ru.status.clarification_sent,
    ]);
    // Event 1 is 10 minutes after 08:00 MSK; the test zone (Yekaterinburg) is two hours ahead.
    expect(items[0]).toHaveTextContent('пт, 27 ноября, 08:10 МСК (10:10 по вашему времени)');
    expect(items[0]).toHaveTextContent('Система');
    expect(items[1]).toHaveTextContent('Специалист техподдержки');
    expect(items[2]).toHaveTextContent('Вы');
    expect(items[2]).toHaveTextContent('Chrome 131');
  });

  it('after the user wrote on an answer, says it is the specialist’s turn, until the deadline while it has not passed', async () => {
    const events = [...HISTORY.answered, makeEvent(3, 'answered', 'answered', 'reporter', { text: 'Не помогло.' })];
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('answered', { events })) });
    const { unmount } = renderWidget(<TicketView ticketId="t1" />, api);
    const next = await screen.findByRole('region', { name: 'Что дальше' });
    expect(next).toHaveTextContent(/Специалист получил ваше сообщение и ответит здесь\. Срок решения: до вт, 1 декабря/);
    unmount();
    const late = createFakeApi({ getTicket: async () => ok(makeTicket('answered', { events, resolveDueAt: '2026-11-20T05:00:00.000Z' })) });
    renderWidget(<TicketView ticketId="t1" />, late);
    const lateNext = await screen.findByRole('region', { name: 'Что дальше' });
    expect(lateNext).toHaveTextContent(/Специалист получил ваше сообщение и ответит здесь\.$/);
  });
});
