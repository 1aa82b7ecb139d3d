/**
 * A guest's «Мои обращения»: tickets remembered in this browser (number and access key), each read with its own
 * key; the number-and-key form with its checks and its one answer to a wrong pair; forgetting; and a signed-in
 * user never shown what a guest left here.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, SupportApi } from '../../../src/api/types';
import type { TicketSummary } from '../../../src/core';
import {
  checkOpenByKey,
  forgetGuestTicket,
  MAX_GUEST_TICKETS,
  MyTickets,
  parseGuestTickets,
  readGuestTickets,
  rememberGuestTicket,
  tidyAccessKey,
  tidyTicketNumber,
} from '../../../src/widget/my-tickets';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { makeTicket } from '../status-timeline/fixtures';
import { createFakeApi, fail, ok } from '../status-timeline/fake-api';
import { HeadingLevelProvider } from '../../../src/widget/shared/ui/Heading';
import { renderWidget } from '../status-timeline/render';
import { summary } from './fixtures';

const KEY_A = 'A'.repeat(43);
const KEY_B = 'b_-'.repeat(14) + 'b';
const GUEST = { host: null, userKey: 'guest' } as const;
const NOT_FOUND = { kind: 'http', status: 404, code: 'not_found', message: 'Обращение не найдено.' } as const;

const lineA = summary('t1', { number: 'UP-2026-000121', subject: 'Не приходит письмо', status: 'answered', updatedAt: '2026-11-27T04:00:00.000Z', lastEventId: 7 });
const lineB = summary('t2', { number: 'UP-2026-000122', subject: 'Не открывается тест', status: 'registered', updatedAt: '2026-11-26T04:00:00.000Z', lastEventId: 3 });

/** A store remembering `tickets` (newest first). */
function storeWith(...tickets: Array<{ id: string; number: string; key: string }>) {
  const store = createMemoryTextStore();
  for (const ticket of [...tickets].reverse()) rememberGuestTicket(store, { ...ticket, sentHere: true });
  return store;
}

/** A fake whose keyed views answer the line of the ticket each key opens; `base` holds the guest key's own calls. */
function keyedApi(lines: Record<string, TicketSummary | 'gone'>, extra: Partial<SupportApi> = {}) {
  const views = new Map<string, SupportApi>();
  const api = createFakeApi({
    withAccessKey: (key) => {
      const view =
        views.get(key) ??
        createFakeApi({
          listTickets: async () => {
            const line = lines[key];
            return line === undefined || line === 'gone' ? ok([]) : ok([line]);
          },
          ...extra,
        });
      views.set(key, view);
      return view;
    },
  });
  return { api, views };
}

describe('remembered guest tickets (the store)', () => {
  it('remembers newest first, once per ticket, keeps «sent here», forgets, and caps the list', () => {
    const store = createMemoryTextStore();
    rememberGuestTicket(store, { id: 't1', number: 'UP-2026-000121', key: KEY_A, sentHere: true });
    rememberGuestTicket(store, { id: 't2', number: 'UP-2026-000122', key: KEY_B });
    rememberGuestTicket(store, { id: 't1', number: 'UP-2026-000121', key: KEY_A });
    expect(readGuestTickets(store)).toEqual([
      { id: 't1', number: 'UP-2026-000121', key: KEY_A, sentHere: true },
      { id: 't2', number: 'UP-2026-000122', key: KEY_B },
    ]);
    forgetGuestTicket(store, 't1');
    expect(readGuestTickets(store).map((ticket) => ticket.id)).toEqual(['t2']);
    for (let i = 0; i < MAX_GUEST_TICKETS + 5; i++) rememberGuestTicket(store, { id: `n${i}`, number: `UP-2026-${String(i).padStart(6, '0')}`, key: KEY_A });
    const kept = readGuestTickets(store);
    expect(kept).toHaveLength(MAX_GUEST_TICKETS);
    expect(kept[0]?.id).toBe(`n${MAX_GUEST_TICKETS + 4}`);
  });

  it('reads back only well-formed entries: a tampered or broken one never reaches the API', () => {
    expect(parseGuestTickets('not json')).toEqual([]);
    expect(parseGuestTickets('{"id":"t1"}')).toEqual([]);
    const raw = JSON.stringify([
      { id: 't1', number: 'UP-2026-000121', key: KEY_A },
      { id: 't2', number: 'UP-2026-000122', key: 'short' },
      { id: 't3', number: 'javascript:alert(1)', key: KEY_A },
      { id: '../t4', number: 'UP-2026-000124', key: KEY_A },
      { id: 't5', number: 'UP-2026-000125', key: `${KEY_A}?x=1` },
      null,
      'UP-2026-000126',
    ]);
    expect(parseGuestTickets(raw)).toEqual([{ id: 't1', number: 'UP-2026-000121', key: KEY_A }]);
  });
});

describe('the number-and-key rules', () => {
  it('tidies what was typed or pasted', () => {
    expect(tidyTicketNumber(' № up-2026-000123 ')).toBe('UP-2026-000123');
    expect(tidyTicketNumber('UP–2026—000123')).toBe('UP-2026-000123');
    expect(tidyTicketNumber('2026-000123')).toBe('UP-2026-000123');
    expect(tidyTicketNumber('UР-2026-000123')).toBe('UP-2026-000123'); // a Cyrillic «Р»
    expect(tidyAccessKey(` «${KEY_A.slice(0, 20)}\n${KEY_A.slice(20)}» `)).toBe(KEY_A);
  });

  it('says what is missing or malformed', () => {
    expect(checkOpenByKey('', '')).toEqual({ number: 'numberRequired', key: 'keyRequired' });
    expect(checkOpenByKey('123', 'ключ')).toEqual({ number: 'numberFormat', key: 'keyFormat' });
    expect(checkOpenByKey('UP-2026-000123', `${KEY_A}!`)).toEqual({ key: 'keyFormat' });
    // The right letters, the wrong length: a part of the key, or more than the key.
    expect(checkOpenByKey('UP-2026-000123', 'wrongkey')).toEqual({ key: 'keyShort' });
    expect(checkOpenByKey('UP-2026-000123', KEY_A.repeat(4))).toEqual({ key: 'keyLong' });
    expect(checkOpenByKey('UP-2026-000123', KEY_A)).toEqual({});
  });
});

describe('a guest’s «Мои обращения»', () => {
  it('lists the remembered tickets with their live status, each read with its own key, and opens one', async () => {
    const { api, views } = keyedApi({ [KEY_A]: lineA, [KEY_B]: lineB });
    const onOpen = vi.fn();
    const { user } = renderWidget(<MyTickets onOpen={onOpen} onNew={vi.fn()} />, api, {
      env: { ...GUEST, textStore: storeWith({ id: 't2', number: lineB.number, key: KEY_B }, { id: 't1', number: lineA.number, key: KEY_A }) },
    });
    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('button', { name: /Тема|Не / })).toHaveLength(2));
    const rows = within(list).getAllByRole('button', { name: /№/ }).filter((button) => button.classList.contains('us-ticket-row'));
    // Latest change first, with number, subject and status.
    expect(rows[0]).toHaveTextContent('№ UP-2026-000121');
    expect(rows[0]).toHaveTextContent('Не приходит письмо');
    expect(rows[0]).toHaveTextContent('Ответ техподдержки');
    expect(rows[1]).toHaveTextContent('Обращение зарегистрировано');
    expect(screen.queryByText('Есть изменения')).toBeNull();
    expect(api.withAccessKey).toHaveBeenCalledWith(KEY_A);
    expect(api.withAccessKey).toHaveBeenCalledWith(KEY_B);
    // The widget's own guest key lists nothing here: each line comes from its key.
    expect(api.listTickets).not.toHaveBeenCalled();
    expect(views.get(KEY_A)?.listTickets).toHaveBeenCalled();
    await user.click(rows[0] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith('t1');
    // The form is there, folded under the list.
    expect(screen.getByRole('button', { name: 'Открыть по номеру и ключу' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('follows a change of status while on screen', async () => {
    let current = lineA;
    const api = createFakeApi({ withAccessKey: () => createFakeApi({ listTickets: async () => ok([current]) }) });
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} refreshMs={50} />, api, { env: { ...GUEST, textStore: storeWith({ id: 't1', number: lineA.number, key: KEY_A }) } });
    expect(await screen.findByText('Ответ техподдержки')).toBeInTheDocument();
    current = { ...lineA, status: 'resolved', lastEventId: 9 };
    expect(await screen.findByText('Вопрос решён')).toBeInTheDocument();
  });

  it('marks a ticket that changed since the guest last looked, and returns focus to the row the guest came back from', async () => {
    const { api } = keyedApi({ [KEY_A]: lineA, [KEY_B]: lineB });
    const textStore = storeWith({ id: 't1', number: lineA.number, key: KEY_A }, { id: 't2', number: lineB.number, key: KEY_B });
    // Seen up to event 5 everywhere: t1's answer (event 7) is news, t2 (event 3) is not.
    textStore.setItem('uchi-support:seen:guest', JSON.stringify({ base: 5, tickets: {} }));
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} focusOnMount focusTicketId="t2" />, api, { env: { ...GUEST, textStore } });
    const marker = await screen.findByText('Есть изменения');
    expect(marker.closest('[data-ticket-id]')).toHaveAttribute('data-ticket-id', 't1');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-ticket-id', 't2'));
    await user.click(marker.closest('button') as HTMLElement);
    await waitFor(() => expect(screen.queryByText('Есть изменения')).toBeNull());
  });

  it('with nothing remembered, says so and shows the form open', async () => {
    const { api } = keyedApi({});
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: GUEST });
    expect(screen.getByText('В этом браузере пока нет ваших обращений.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Открыть по номеру и ключу' })).toBeInTheDocument();
    expect(screen.getByLabelText('Номер обращения')).toBeVisible();
    expect(screen.getByLabelText('Ключ доступа')).toBeVisible();
    expect(screen.queryByText(/войдите в СДО/)).toBeNull();
  });

  it('puts the form’s title below the host’s heading level, like every other heading', () => {
    const { api } = keyedApi({});
    renderWidget(
      <HeadingLevelProvider value={2}>
        <MyTickets onOpen={vi.fn()} onNew={vi.fn()} />
      </HeadingLevelProvider>,
      api,
      { env: GUEST },
    );
    expect(screen.getByRole('heading', { level: 4, name: 'Открыть по номеру и ключу' })).toBeInTheDocument();
  });

  it('marks a ticket the key no longer opens, and forgets it on this device after asking', async () => {
    const { api } = keyedApi({ [KEY_A]: 'gone', [KEY_B]: lineB });
    const textStore = storeWith({ id: 't1', number: lineA.number, key: KEY_A }, { id: 't2', number: lineB.number, key: KEY_B });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: { ...GUEST, textStore } });
    expect(await screen.findByText('Обращение не открывается по сохранённому ключу.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Забыть обращение №\u00a0UP-2026-000121 на этом устройстве' }));
    const dialog = screen.getByRole('dialog', { name: 'Забыть обращение №\u00a0UP-2026-000121 на этом устройстве?' });
    await user.click(within(dialog).getByRole('button', { name: 'Забыть' }));
    expect(readGuestTickets(textStore).map((ticket) => ticket.id)).toEqual(['t2']);
    await waitFor(() => expect(screen.queryByText('Обращение не открывается по сохранённому ключу.')).toBeNull());
    expect(screen.getByText('Обращение № UP-2026-000121 больше не хранится на этом устройстве.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Мои обращения' })).toHaveFocus();
  });

  it('keeps a ticket when the guest changes their mind', async () => {
    const { api } = keyedApi({ [KEY_A]: lineA });
    const textStore = storeWith({ id: 't1', number: lineA.number, key: KEY_A });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: { ...GUEST, textStore } });
    await user.click(await screen.findByRole('button', { name: 'Забыть обращение №\u00a0UP-2026-000121 на этом устройстве' }));
    await user.click(screen.getByRole('button', { name: 'Оставить' }));
    expect(readGuestTickets(textStore)).toHaveLength(1);
  });

  it('never shows a signed-in user what a guest left in this browser', async () => {
    const { api } = keyedApi({ [KEY_A]: lineA });
    const listTickets = vi.fn(async (): Promise<ApiResult<TicketSummary[]>> => ok([lineB]));
    api.listTickets.mockImplementation(listTickets);
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: { textStore: storeWith({ id: 't1', number: lineA.number, key: KEY_A }) } });
    expect(await screen.findByText('Не открывается тест')).toBeInTheDocument();
    expect(screen.queryByText('Не приходит письмо')).toBeNull();
    expect(screen.queryByText('Открыть по номеру и ключу')).toBeNull();
    expect(api.withAccessKey).not.toHaveBeenCalled();
  });

  it('while the host’s token is still awaited, shows no guest tickets either', async () => {
    const { api } = keyedApi({ [KEY_A]: lineA });
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: { host: null, userKey: 'guest', guest: false, textStore: storeWith({ id: 't1', number: lineA.number, key: KEY_A }) } });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText('Не приходит письмо')).toBeNull();
    expect(api.withAccessKey).not.toHaveBeenCalled();
  });

  it('says so to a guest of a backend that cannot read by key', () => {
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, createFakeApi(), { env: GUEST });
    expect(screen.getByText('Список обращений доступен, когда вы открываете техподдержку из СДО.')).toBeInTheDocument();
  });
});

describe('«Открыть по номеру и ключу»', () => {
  const guestTicket = makeTicket('answered', { id: 't9', number: 'UP-2026-000129' });

  /** The form on an empty guest list, with a server that knows one pair. */
  function renderForm(getTicket: SupportApi['getTicket'] = async (ref) => (ref === 'UP-2026-000129' ? ok(guestTicket) : fail(NOT_FOUND))) {
    const keyedViews: string[] = [];
    const api = createFakeApi({
      withAccessKey: (key) => {
        keyedViews.push(key);
        return createFakeApi({ getTicket: key === KEY_A ? getTicket : async () => fail(NOT_FOUND) });
      },
    });
    const onOpen = vi.fn();
    const rendered = renderWidget(<MyTickets onOpen={onOpen} onNew={vi.fn()} />, api, { env: GUEST });
    return { ...rendered, api, onOpen, keyedViews };
  }

  it('asks for both fields, in Russian, and focuses the first to fix', async () => {
    const { user, api } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Открыть обращение' }));
    const number = screen.getByLabelText('Номер обращения');
    const key = screen.getByLabelText('Ключ доступа');
    expect(number).toHaveAccessibleDescription(expect.stringContaining('Введите номер обращения.'));
    expect(key).toHaveAccessibleDescription(expect.stringContaining('Введите ключ доступа.'));
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveFocus();
    await user.type(number, '12345');
    await user.type(key, 'not a key!');
    await user.click(screen.getByRole('button', { name: 'Открыть обращение' }));
    expect(number).toHaveAccessibleDescription(expect.stringContaining('Номер обращения выглядит так: UP-2026-000123.'));
    expect(key).toHaveAccessibleDescription(expect.stringContaining('Ключ доступа состоит из латинских букв'));
    expect(api.withAccessKey).not.toHaveBeenCalled();
  });

  it('says the error of the field Enter was pressed in, which the focus does not leave to read it', async () => {
    const { user, api } = renderForm();
    const number = screen.getByLabelText('Номер обращения');
    const key = screen.getByLabelText('Ключ доступа');
    const region = screen.getByText((_, element) => element?.getAttribute('aria-live') === 'polite' && element.closest('.us-open-key') !== null);
    expect(region).toBeEmptyDOMElement();
    await user.type(number, 'UP-2026-000129');
    await user.type(key, 'wrongkey{Enter}');
    expect(key).toHaveFocus();
    expect(key).toHaveAccessibleDescription(expect.stringContaining('Ключ доступа короче, чем должен быть'));
    expect(region).toHaveTextContent('Ключ доступа короче, чем должен быть');
    // Pressed again: said again (a live region repeats only a text that changed).
    const first = region.textContent;
    await user.keyboard('{Enter}');
    expect(region.textContent).not.toBe(first);
    expect(region).toHaveTextContent('Ключ доступа короче, чем должен быть');
    expect(api.withAccessKey).not.toHaveBeenCalled();
  });

  it('moves the focus to a wrong field without saying its error twice', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Ключ доступа'), 'wrongkey{Enter}');
    // The focus moves to the empty number, which is read with its error: nothing more is said.
    expect(screen.getByLabelText('Номер обращения')).toHaveFocus();
    expect(screen.getByLabelText('Номер обращения')).toHaveAccessibleDescription(expect.stringContaining('Введите номер обращения.'));
    expect(screen.getByText((_, element) => element?.getAttribute('aria-live') === 'polite' && element.closest('.us-open-key') !== null)).toBeEmptyDOMElement();
  });

  it('says in English too', async () => {
    const api = createFakeApi({ withAccessKey: () => createFakeApi() });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: GUEST, locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'Open the request' }));
    expect(screen.getByLabelText('Request number')).toHaveAccessibleDescription(expect.stringContaining('Enter the request number.'));
    expect(screen.getByLabelText('Access key')).toHaveAccessibleDescription(expect.stringContaining('Enter the access key.'));
  });

  it('answers a wrong pair with one sentence that names neither half, keeping what was typed', async () => {
    // jsdom lays nothing out: the call that brings the answer into view is what is checked.
    const scrolled: Element[] = [];
    const scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    Object.defineProperty(Element.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true });
    const { user, onOpen } = renderForm();
    await user.type(screen.getByLabelText('Номер обращения'), 'UP-2026-000129');
    await user.type(screen.getByLabelText('Ключ доступа'), KEY_B);
    await user.click(screen.getByRole('button', { name: 'Открыть обращение' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Обращение с таким номером и ключом не найдено. Проверьте номер и ключ');
    expect(screen.getByLabelText('Номер обращения')).toHaveValue('UP-2026-000129');
    expect(screen.getByLabelText('Ключ доступа')).toHaveValue(KEY_B);
    expect(screen.getByLabelText('Номер обращения')).not.toHaveAttribute('aria-invalid');
    expect(onOpen).not.toHaveBeenCalled();
    // Said under the button, and brought into view, below the fold as it may be; the focus stays in the field.
    expect(scrolled.some((element) => element.contains(alert))).toBe(true);
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'nearest' });
    Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  });

  it('opens the ticket of a right pair and remembers it', async () => {
    const { user, onOpen, env, keyedViews } = renderForm();
    await user.type(screen.getByLabelText('Номер обращения'), 'up-2026-000129');
    await user.type(screen.getByLabelText('Ключ доступа'), ` ${KEY_A} `);
    await user.click(screen.getByRole('button', { name: 'Открыть обращение' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('t9'));
    // The pair was checked with that key, and the list reads the ticket with it from now on.
    expect(keyedViews.length).toBeGreaterThan(0);
    expect(new Set(keyedViews)).toEqual(new Set([KEY_A]));
    expect(readGuestTickets(env.textStore)).toEqual([{ id: 't9', number: 'UP-2026-000129', key: KEY_A }]);
  });

  it('tells a failure to reach the server apart from a wrong pair', async () => {
    const { user } = renderForm(async () => fail({ kind: 'network', message: 'Failed to fetch' }));
    await user.type(screen.getByLabelText('Номер обращения'), 'UP-2026-000129');
    await user.type(screen.getByLabelText('Ключ доступа'), KEY_A);
    await user.click(screen.getByRole('button', { name: 'Открыть обращение' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Не удалось связаться с сервером техподдержки');
  });
});
