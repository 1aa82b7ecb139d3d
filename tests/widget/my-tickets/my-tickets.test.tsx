/** "My tickets": rows, order, states, the changed marker and the launcher badge. */
import { screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MyTickets, UnseenBadge, useUnseenTickets } from '../../../src/widget/my-tickets';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { createFakeApi, fail, ok } from '../status-timeline/fake-api';
import { renderWidget } from '../status-timeline/render';
import { summary } from './fixtures';

// NOW in the shared render helper is 27 Nov 2026, 05:05 UTC.
const tickets = [
  summary('t1', { subject: 'Старое обращение', status: 'resolved', updatedAt: '2026-11-20T09:30:00.000Z', lastEventId: 4 }),
  summary('t2', { subject: 'Не открывается урок', status: 'clarification_requested', updatedAt: '2026-11-27T04:50:00.000Z', lastEventId: 9 }),
];

/** The launcher's badge as the shell would build it. */
function Launcher() {
  const { count } = useUnseenTickets({ refreshMs: 0 });
  return <UnseenBadge count={count} />;
}

function seenStore(state: { base: number; tickets: Record<string, number> }) {
  const store = createMemoryTextStore();
  store.setItem('uchi-support:seen:u1', JSON.stringify(state));
  return store;
}

describe('MyTickets', () => {
  it('follows a status change while it is on screen, reading the list again', async () => {
    let current = tickets;
    const api = createFakeApi({ listTickets: async () => ok(current) });
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} refreshMs={50} />, api);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('button')[0]).toHaveTextContent('Техподдержке требуется уточнение');
    const news = () => document.querySelector('.us-tickets [aria-live="polite"]');
    // What the list showed when it opened is not news.
    expect(news()).toHaveTextContent(/^$/);
    current = [{ ...tickets[1]!, status: 'answered', lastEventId: 10 }, tickets[0]!];
    await waitFor(() => expect(within(list).getAllByRole('button')[0]).toHaveTextContent('Ответ техподдержки'));
    // A screen reader hears which ticket changed and how, once.
    await waitFor(() => expect(news()).toHaveTextContent('Обращение № UP-2026-000122: Ответ техподдержки.'));
    // A specialist's message keeps the status: it is said as a new message, not as the status it already had.
    current = [{ ...tickets[1]!, status: 'answered', lastEventId: 11 }, tickets[0]!];
    await waitFor(() => expect(news()).toHaveTextContent('Обращение № UP-2026-000122: новое сообщение.'));
  });

  it('lists tickets, latest change first, each a button with number, subject, status and last change', async () => {
    const onOpen = vi.fn();
    const api = createFakeApi({ listTickets: async () => ok(tickets) });
    const { user } = renderWidget(<MyTickets onOpen={onOpen} onNew={vi.fn()} />, api);
    const list = await screen.findByRole('list');
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('№ UP-2026-000122');
    expect(rows[0]).toHaveTextContent('Не открывается урок');
    expect(rows[0]).toHaveTextContent('Техподдержке требуется уточнение');
    expect(rows[0]).toHaveTextContent('Изменено: 15 минут назад');
    expect(rows[1]).toHaveTextContent('Вопрос решён');
    expect(rows[1]).toHaveTextContent('Изменено: 20 ноября, 14:30'); // local time, UTC+5
    await user.click(rows[1] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith('t1');
  });

  it('invites to create the first ticket when there are none', async () => {
    const onNew = vi.fn();
    const api = createFakeApi({ listTickets: async () => ok([]) });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={onNew} />, api);
    expect(await screen.findByText('У вас пока нет обращений.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Создать обращение' }));
    expect(onNew).toHaveBeenCalledTimes(1);
  });

  it('shows loading, then an error with a retry that works', async () => {
    // Failing until the retry (the unseen marks read the list too).
    let failing = true;
    const listTickets = vi.fn(async () => (failing ? fail<typeof tickets>() : ok(tickets)));
    const api = createFakeApi({ listTickets });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    expect(screen.getByRole('status')).toHaveTextContent('Загрузка…');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось загрузить список обращений.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Не открывается урок')).toBeInTheDocument();
  });

  it('says the LMS sign-in is out of date when the token is refused, once: not a failed load, and no second error from the e-mail switch', async () => {
    const refused = { kind: 'http', status: 401, code: 'unauthorized', message: 'Токен недействителен или истёк. Войдите снова.' } as const;
    const api = createFakeApi({ listTickets: async () => fail<typeof tickets>(refused), getNotificationPrefs: async () => fail(refused), setNotificationPrefs: async () => fail(refused) });
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Вход в СДО устарел. Обновите страницу СДО');
    expect(alert).not.toHaveTextContent('Не удалось загрузить список обращений.');
    expect(within(alert).getByRole('button', { name: 'Повторить' })).toBeInTheDocument();
    await waitFor(() => expect(api.getNotificationPrefs).toHaveBeenCalled());
    expect(screen.queryByText('Не удалось загрузить настройку писем.')).not.toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('never lists a guest’s tickets with the widget’s own guest key (a backend without access-key reads: no list)', async () => {
    const api = createFakeApi({ listTickets: async () => ok(tickets) });
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: { host: null, userKey: 'guest' } });
    expect(screen.getByText(/Список обращений доступен, когда вы открываете техподдержку из СДО/)).toBeInTheDocument();
    expect(api.listTickets).not.toHaveBeenCalled();
  });

  it('marks tickets changed since seen, counts them on the badge, and clears both when opened', async () => {
    const api = createFakeApi({ listTickets: async () => ok(tickets) });
    const textStore = seenStore({ base: 2, tickets: { t2: 5 } });
    const { user } = renderWidget(
      <>
        <Launcher />
        <MyTickets onOpen={vi.fn()} onNew={vi.fn()} />
      </>,
      api,
      { env: { textStore } },
    );
    const row = await screen.findByRole('button', { name: /Не открывается урок/ });
    expect(row).toHaveTextContent('Есть изменения');
    // t1 was never opened but changed after the baseline (event 4 > 2).
    expect(screen.getByRole('button', { name: /Старое обращение/ })).toHaveTextContent('Есть изменения');
    expect(screen.getByText('2 обращения изменились')).toBeInTheDocument();

    await user.click(row);
    expect(row).not.toHaveTextContent('Есть изменения');
    expect(screen.getByText('1 обращение изменилось')).toBeInTheDocument();
    expect(JSON.parse(textStore.getItem('uchi-support:seen:u1') ?? '{}')).toEqual({ base: 2, tickets: { t2: 9 } });
  });

  it('does not count the event a follow-up adds to the ticket it continues, the user’s own doing', async () => {
    let current = tickets;
    const api = createFakeApi({ listTickets: async () => ok(current) });
    // Everything seen: t1 (resolved) up to event 4, t2 up to 9.
    const textStore = seenStore({ base: 9, tickets: {} });
    const own = { expect: (_ticketId: string) => undefined as void };
    function Badge() {
      const unseen = useUnseenTickets({ refreshMs: 50 });
      useEffect(() => void (own.expect = unseen.expectOwnChange), [unseen.expectOwnChange]);
      return <UnseenBadge count={unseen.count} />;
    }
    renderWidget(
      <>
        <Badge />
        <MyTickets onOpen={vi.fn()} onNew={vi.fn()} />
      </>,
      api,
      { env: { textStore } },
    );
    const old = await screen.findByRole('button', { name: /Старое обращение/ });
    expect(old).not.toHaveTextContent('Есть изменения');
    // A follow-up of t1 was sent: t1 gets an event naming it; t2 gets a specialist's answer meanwhile.
    own.expect('t1');
    current = [{ ...tickets[1]!, status: 'answered', lastEventId: 11 }, { ...tickets[0]!, lastEventId: 10 }];
    await waitFor(() => expect(screen.getByRole('button', { name: /Не открывается урок/ })).toHaveTextContent('Есть изменения'));
    expect(screen.getByRole('button', { name: /Старое обращение/ })).not.toHaveTextContent('Есть изменения');
    expect(screen.getByText('1 обращение изменилось')).toBeInTheDocument();
    expect(JSON.parse(textStore.getItem('uchi-support:seen:u1') ?? '{}')).toEqual({ base: 9, tickets: { t1: 10 } });
  });

  it('on a first visit takes the list as seen, so nothing lights up', async () => {
    const api = createFakeApi({ listTickets: async () => ok([tickets[0]!, { ...tickets[1]!, status: 'in_progress' as const }]) });
    const { env } = renderWidget(
      <>
        <Launcher />
        <MyTickets onOpen={vi.fn()} onNew={vi.fn()} />
      </>,
      api,
    );
    await screen.findByRole('button', { name: /Не открывается урок/ });
    await waitFor(() => expect(env.textStore.getItem('uchi-support:seen:u1')).not.toBeNull());
    expect(screen.queryByText('Есть изменения')).toBeNull();
    expect(screen.queryByText(/изменил/)).toBeNull();
  });

  it('on a first visit a question waiting for the user\'s answer is news until they open it', async () => {
    const api = createFakeApi({ listTickets: async () => ok(tickets) });
    const { env, user } = renderWidget(
      <>
        <Launcher />
        <MyTickets onOpen={vi.fn()} onNew={vi.fn()} />
      </>,
      api,
    );
    // Asked while the user was in another browser: this one never showed it.
    const waiting = await screen.findByRole('button', { name: /Не открывается урок/ });
    await waitFor(() => expect(waiting).toHaveTextContent('Есть изменения'));
    expect(screen.getByRole('button', { name: /Старое обращение/ })).not.toHaveTextContent('Есть изменения');
    expect(screen.getByText('1 обращение изменилось')).toBeInTheDocument();
    await user.click(waiting);
    await waitFor(() => expect(JSON.parse(env.textStore.getItem('uchi-support:seen:u1') ?? '{}')).toEqual({ base: 9, tickets: { t2: 9 } }));
    expect(screen.queryByText('1 обращение изменилось')).toBeNull();
  });

  it('focuses the row the user came back from', async () => {
    const api = createFakeApi({ listTickets: async () => ok(tickets) });
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} focusOnMount focusTicketId="t1" />, api);
    await waitFor(() => expect(screen.getByRole('button', { name: /Старое обращение/ })).toHaveFocus());
  });
});
