/**
 * A guest's ticket screens: a link (`#uchi-support=<number>`) to a ticket remembered here opens it with its key; to
 * any other, the number-and-key form with the number filled in (never «войдите в СДО»); and a remembered ticket's
 * view reads, follows and writes with its own key.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import TicketScreen, { TicketLinkScreen } from '../../../src/widget/app/screens/TicketScreen';
import { readGuestTickets, rememberGuestTicket } from '../../../src/widget/my-tickets';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { makeTicket } from '../status-timeline/fixtures';
import { createFakeApi, fail, ok } from '../status-timeline/fake-api';
import { HOST, renderWidget } from '../status-timeline/render';

const KEY = 'K'.repeat(43);
const NOT_FOUND = { kind: 'http', status: 404, code: 'not_found', message: 'Обращение не найдено.' } as const;
const guestTicket = makeTicket('clarification_requested', {
  reporter: { fullName: 'Гость', role: 'guest', organization: 'ООО «Ромашка»', lmsUrl: 'https://lms.example.ru', guest: true },
});

function remembered(options: { sentHere?: boolean } = {}) {
  const store = createMemoryTextStore();
  rememberGuestTicket(store, { id: guestTicket.id, number: guestTicket.number, key: KEY, ...(options.sentHere === false ? {} : { sentHere: true as const }) });
  return store;
}

/** The guest's API: its own calls fail (the widget's guest key does not own the ticket); the key's view reads it. */
function apis() {
  const keyed = createFakeApi({ getTicket: async (ref) => (ref === guestTicket.id || ref === guestTicket.number ? ok(guestTicket) : fail(NOT_FOUND)) });
  const api = createFakeApi({ getTicket: async () => fail(NOT_FOUND), withAccessKey: (key) => (key === KEY ? keyed : createFakeApi({ getTicket: async () => fail(NOT_FOUND) })) });
  return { api, keyed };
}

const screenProps = { justCreated: false, onBack: vi.fn(), onViewed: vi.fn(), shown: true, onFollowUp: vi.fn(), onOpenTicket: vi.fn() };

describe('a guest’s link to a ticket', () => {
  it('opens a ticket remembered here at once, with no request of the widget’s own', async () => {
    const { api } = apis();
    const onFound = vi.fn();
    renderWidget(<TicketLinkScreen number={guestTicket.number} onFound={onFound} onList={vi.fn()} />, api, { env: { host: null, userKey: 'guest', textStore: remembered() } });
    await waitFor(() => expect(onFound).toHaveBeenCalledWith(guestTicket.id));
    expect(onFound).toHaveBeenCalledTimes(1);
    expect(api.getTicket).not.toHaveBeenCalled();
  });

  it('offers the number-and-key form for any other, the number filled in and the key field focused', async () => {
    const { api } = apis();
    const onFound = vi.fn();
    const { user, env } = renderWidget(<TicketLinkScreen number={guestTicket.number} onFound={onFound} onList={vi.fn()} />, api, { env: { host: null, userKey: 'guest' } });
    const notice = await screen.findByText(/не сохранено в этом браузере/);
    expect(notice).toHaveTextContent(`Обращение № ${guestTicket.number} не сохранено в этом браузере. Чтобы открыть его без входа в СДО, введите ключ доступа`);
    expect(screen.queryByText(/войдите в СДО/)).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Открыть по номеру и ключу' })).toBeInTheDocument();
    expect(screen.getByLabelText('Номер обращения')).toHaveValue(guestTicket.number);
    const key = screen.getByLabelText('Ключ доступа');
    expect(key).toHaveFocus();
    // Nothing is asked of the server until the key is given.
    expect(api.getTicket).not.toHaveBeenCalled();
    expect(api.withAccessKey).not.toHaveBeenCalled();
    await user.type(key, KEY);
    await user.click(screen.getByRole('button', { name: 'Открыть обращение' }));
    await waitFor(() => expect(onFound).toHaveBeenCalledWith(guestTicket.id));
    expect(readGuestTickets(env.textStore)).toEqual([{ id: guestTicket.id, number: guestTicket.number, key: KEY }]);
  });

  it('a signed-in user is told as before, and never shown a ticket a guest left here', async () => {
    const { api } = apis();
    renderWidget(<TicketLinkScreen number={guestTicket.number} onFound={vi.fn()} onList={vi.fn()} />, api, { env: { host: HOST, userKey: 'u1', textStore: remembered() } });
    expect(await screen.findByText(/не найдено среди ваших обращений/)).toHaveTextContent(`Обращение № ${guestTicket.number} не найдено`);
    expect(api.withAccessKey).not.toHaveBeenCalled();
  });
});

describe('a remembered ticket’s view', () => {
  it('reads, follows and answers with the ticket’s own key', async () => {
    const { api, keyed } = apis();
    keyed.sendMessage.mockImplementation(async () => ok({ ...guestTicket, status: 'clarification_sent' as const }));
    const { user } = renderWidget(<TicketScreen ticketId={guestTicket.id} {...screenProps} />, api, { env: { host: null, userKey: 'guest', textStore: remembered() } });
    await screen.findByRole('heading', { name: guestTicket.subject });
    expect(api.withAccessKey).toHaveBeenCalledWith(KEY);
    expect(keyed.getTicket).toHaveBeenCalledWith(guestTicket.id, expect.anything());
    expect(api.getTicket).not.toHaveBeenCalled();
    await waitFor(() => expect(keyed.openSubscriptions(guestTicket.id)).toBe(1));
    await user.type(screen.getByLabelText('Ваше уточнение'), 'Chrome 131');
    await user.click(screen.getByRole('button', { name: 'Отправить уточнение' }));
    await waitFor(() => expect(keyed.sendMessage).toHaveBeenCalledWith(guestTicket.id, expect.objectContaining({ text: 'Chrome 131' })));
    expect(api.sendMessage).not.toHaveBeenCalled();
  });

  it('offers a follow-up only for a ticket sent from this browser (the widget’s own guest key owns those)', async () => {
    const resolved = { ...makeTicket('resolved'), reporter: guestTicket.reporter };
    const keyed = createFakeApi({ getTicket: async () => ok(resolved) });
    const api = createFakeApi({ withAccessKey: () => keyed });
    const store = createMemoryTextStore();
    rememberGuestTicket(store, { id: resolved.id, number: resolved.number, key: KEY });
    const { unmount } = renderWidget(<TicketScreen ticketId={resolved.id} {...screenProps} />, api, { env: { host: null, userKey: 'guest', textStore: store } });
    await screen.findByRole('heading', { name: resolved.subject });
    expect(screen.queryByRole('button', { name: /Создать продолжение/ })).toBeNull();
    unmount();
    rememberGuestTicket(store, { id: resolved.id, number: resolved.number, key: KEY, sentHere: true });
    renderWidget(<TicketScreen ticketId={resolved.id} {...screenProps} />, api, { env: { host: null, userKey: 'guest', textStore: store } });
    expect(await screen.findByRole('button', { name: /Создать продолжение/ })).toBeInTheDocument();
  });

  it('for a signed-in user, uses the user’s own credentials even if a guest left that ticket’s key here', async () => {
    const { api, keyed } = apis();
    api.getTicket.mockImplementation(async () => ok(makeTicket('registered')));
    renderWidget(<TicketScreen ticketId={guestTicket.id} {...screenProps} />, api, { env: { textStore: remembered() } });
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    expect(api.withAccessKey).not.toHaveBeenCalled();
    expect(keyed.getTicket).not.toHaveBeenCalled();
  });
});
