/** "My tickets" a page at a time: on scroll (IntersectionObserver), with «Показать ещё», the count announced. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketPage, TicketPageRequest } from '../../../src/api/types';
import { MyTickets, TICKETS_PAGE_SIZE } from '../../../src/widget/my-tickets';
import { createFakeApi, fail, ok } from '../status-timeline/fake-api';
import { renderWidget } from '../status-timeline/render';
import { summary } from './fixtures';

// Page one changed more recently than page two, so the loaded rows keep their order.
const firstPage = Array.from({ length: TICKETS_PAGE_SIZE }, (_, i) =>
  summary(`p1-${String(i).padStart(2, '0')}`, { subject: `Первая страница ${i}`, updatedAt: `2026-11-26T${String(23 - i).padStart(2, '0')}:00:00.000Z` }),
);
const secondPage = Array.from({ length: 5 }, (_, i) => summary(`p2-${i}`, { subject: `Вторая страница ${i}`, updatedAt: `2026-11-20T0${9 - i}:00:00.000Z` }));

/** A server with two pages; `failSecond` fails the second page's first request. */
function pagedApi({ failSecond = false } = {}) {
  let secondFailures = failSecond ? 1 : 0;
  const listTicketPage = vi.fn(async ({ cursor }: TicketPageRequest) => {
    if (cursor === null) return ok<TicketPage>({ tickets: firstPage, nextCursor: 'after-first' });
    if (secondFailures > 0) {
      secondFailures--;
      return fail<TicketPage>();
    }
    return ok<TicketPage>({ tickets: secondPage, nextCursor: null });
  });
  return createFakeApi({ listTickets: async () => ok(firstPage), listTicketPage });
}

/** An IntersectionObserver stand-in: tests decide when the sentinel is in view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  disconnect() {
    this.targets.clear();
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  takeRecords() {
    return [];
  }
  /** Reports every observed target as scrolled into view. */
  static scrollIntoView() {
    for (const observer of FakeObserver.all) {
      const entries = [...observer.targets].map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
      if (entries.length > 0) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.all = [];
});

// Twenty-five rows rendered and clicked through: more than the default 5 s on a busy shared machine.
describe('MyTickets paging', { timeout: 20_000 }, () => {
  it('shows the first page, announces the count, and loads the next with «Показать ещё», focus on its first ticket', async () => {
    const api = pagedApi();
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE);
    expect(api.listTicketPage).toHaveBeenCalledWith({ cursor: null, limit: TICKETS_PAGE_SIZE }, expect.anything());
    expect(screen.getByText('Показано обращений: 20. Есть ещё.')).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE + 5));
    expect(api.listTicketPage).toHaveBeenLastCalledWith({ cursor: 'after-first', limit: TICKETS_PAGE_SIZE }, expect.anything());
    expect(screen.getByRole('status')).toHaveTextContent('Показаны все обращения: 25.');
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).not.toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Вторая страница 0'));
  });

  it('loads the next page when the end of the list scrolls into view', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const api = pagedApi();
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    const list = await screen.findByRole('list');
    await waitFor(() => expect(FakeObserver.all.some((observer) => observer.targets.size > 0)).toBe(true));
    act(() => FakeObserver.scrollIntoView());
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE + 5));
    expect(screen.getByText('Вторая страница 4')).toBeInTheDocument();
    // The last page is in: nothing is observed any more.
    expect(FakeObserver.all.every((observer) => observer.targets.size === 0)).toBe(true);
  });

  it('says when the next page failed, keeps what is shown, and retries from the button', async () => {
    const api = pagedApi({ failSecond: true });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    const list = await screen.findByRole('list');
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Не удалось загрузить следующие обращения.');
    expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE);
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE + 5));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
