/**
 * "My tickets": the user's tickets, newest change first, with unseen changes marked. The list comes a page at a
 * time: the next page loads when the end of the list scrolls into view, or with «Показать ещё» from the keyboard.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../shared/i18n-react';
import { useAnnouncer } from '../shared/use-announcer';
import { failureOf, useTicketPages } from '../../api';
import { failureMessage, failureReason } from '../shared/failure-message';
import { isGuestEnv, useWidgetEnv } from '../shared/env';
import { Button, Notice } from '../shared/ui';
import { EmailNotifications } from './EmailNotifications';
import { GuestTickets } from './GuestTickets';
import { TicketRow } from './TicketRow';
import { TicketsHead } from './TicketsHead';
import { useUnseenTickets } from './use-unseen-tickets';

/** Tickets per page. */
export const TICKETS_PAGE_SIZE = 20;

/** Props of {@link MyTickets}. */
export interface MyTicketsProps {
  /** Opens a ticket's timeline. */
  onOpen(ticketId: string): void;
  /** Starts a new ticket. */
  onNew(): void;
  /** Move focus into the list when it shows: to the row of `focusTicketId`, else to the heading. */
  focusOnMount?: boolean;
  /** The ticket the user comes back from, so focus returns to its row. */
  focusTicketId?: string;
  /** While the list is on screen, read it again this often (ms), so statuses and markers follow; 0: never. */
  refreshMs?: number;
}

/** The list screen: a signed-in user's tickets, or a guest's remembered in this browser ({@link GuestTickets}). */
export function MyTickets(props: MyTicketsProps) {
  return isGuestEnv(useWidgetEnv()) ? <GuestTickets {...props} /> : <UserTickets {...props} />;
}

/**
 * Why the list is not there: the LMS sign-in the widget was given is out of date (what to do about it), or the
 * list could not be loaded (try again).
 */
function listFailure(t: TFunction, error: unknown): string {
  const failure = failureOf(error);
  return failureReason(failure) === 'signedOut' ? failureMessage(t, failure) : t('loadError');
}

/** A signed-in user's list, with loading, error (retry) and empty states. */
function UserTickets({ onOpen, onNew, focusOnMount = false, focusTicketId, refreshMs = 0 }: MyTicketsProps) {
  const { t } = useTranslation('tickets');
  const query = useTicketPages(true, TICKETS_PAGE_SIZE, refreshMs);
  const unseen = useUnseenTickets({ refreshMs });
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const loaded = query.data !== undefined;

  useEffect(() => {
    if (!focusOnMount) return;
    const rows = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-ticket-id]') ?? []);
    const row = rows.find((element) => element.dataset.ticketId === focusTicketId);
    (row ?? headingRef.current)?.focus();
    // Once, when the list first shows: later refetches must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  const loadedTickets = query.data?.pages.flatMap((page) => page.tickets) ?? [];
  // A ticket is listed once even if a refresh moved it from one page to another.
  const tickets = [...new Map(loadedTickets.map((ticket) => [ticket.id, ticket])).values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  const [sentinelRef, loadMore] = useLoadMore(query, listRef);
  const news = useNewsAnnouncement(tickets, unseen.changedIds, unseen.known);
  // A page after the first that failed keeps what is shown; only a failed first page replaces the list.
  return (
    <section className="us-tickets" aria-labelledby={headingId}>
      <TicketsHead id={headingId} headingRef={headingRef} hasTickets={tickets.length > 0} onNew={onNew} />
      {query.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : query.isError && query.data === undefined ? (
        <Notice tone="error" live>
          <p>{listFailure(t, query.error)}</p>
          <Button onClick={() => void query.refetch()}>{t('common:retry')}</Button>
        </Notice>
      ) : tickets.length === 0 ? (
        <div className="us-tickets__empty">
          <p className="us-tickets__empty-title">{t('empty')}</p>
          <p>{t('emptyHint')}</p>
          <Button variant="primary" onClick={onNew}>
            {t('createFirst')}
          </Button>
        </div>
      ) : (
        <ul className="us-tickets__list" ref={listRef}>
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <TicketRow
                ticket={ticket}
                changed={unseen.changedIds.has(ticket.id)}
                onOpen={() => {
                  unseen.markSeen(ticket.id, ticket.lastEventId);
                  onOpen(ticket.id);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {tickets.length > 0 ? (
        <div className="us-tickets__more">
          <p className="us-tickets__count" role="status">
            {query.hasNextPage ? t('shown', { count: tickets.length }) : t('allShown', { count: tickets.length })}
          </p>
          {query.isFetchNextPageError ? (
            <Notice tone="error" live>
              <p>{t('moreError')}</p>
            </Notice>
          ) : null}
          {query.hasNextPage ? (
            <>
              <div className="us-tickets__sentinel" ref={sentinelRef} aria-hidden="true" />
              <Button onClick={loadMore} busy={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? t('loadingMore') : query.isFetchNextPageError ? t('common:retry') : t('more')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      <EmailNotifications />
      <p className="us-visually-hidden" aria-live="polite" aria-atomic="true">
        {news}
      </p>
    </section>
  );
}

/**
 * What a screen reader hears when a ticket changes while the list is on screen (the list reads itself again):
 * its number and new status, once; the marker on its row says the same to the eye. Cleared after a while, so a
 * later reading of the page meets nothing stale.
 */
function useNewsAnnouncement(
  tickets: ReadonlyArray<{ id: string; number: string; status: string; lastEventId: number }>,
  changedIds: ReadonlySet<string>,
  known: boolean,
): string {
  const { t } = useTranslation('tickets');
  const [news, announce] = useAnnouncer();
  // Each changed ticket told, with the event it was told at: a ticket already marked that changes again is news too.
  const told = useRef<Set<string> | null>(null);
  // The status each ticket had when the list was last read: a change that kept it (a specialist's message) is said as such.
  const statuses = useRef(new Map<string, string>());
  const listed = useRef(tickets);
  useEffect(() => {
    listed.current = tickets;
  });
  const changedKey = tickets
    .filter((ticket) => changedIds.has(ticket.id))
    .map((ticket) => `${ticket.id}:${ticket.lastEventId}`)
    .sort()
    .join(' ');
  // Read once the seen state is there too: a first visit's baseline, written after the list came, is no news.
  const loaded = tickets.length > 0 && known;
  useEffect(() => {
    const changed = changedKey === '' ? [] : changedKey.split(' ');
    // The first reading is what the user opened the list to see, not news.
    const known = statuses.current;
    const remember = () => {
      for (const ticket of listed.current) known.set(ticket.id, ticket.status);
    };
    if (told.current === null) {
      if (loaded) {
        told.current = new Set(changed);
        remember();
      }
      return;
    }
    const before = told.current;
    const fresh = listed.current.filter((ticket) => changedIds.has(ticket.id) && !before.has(`${ticket.id}:${ticket.lastEventId}`));
    for (const key of changed) before.add(key);
    const said = fresh.map((ticket) =>
      known.get(ticket.id) === ticket.status
        ? t('changedLiveSameStatus', { number: ticket.number })
        : t('changedLive', { number: ticket.number, status: t(`common:status.${ticket.status}`) }),
    );
    remember();
    if (said.length > 0) announce(said.join(' '));
    // changedIds is read through its key: a new Set of the same tickets at the same events is no news.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changedKey, loaded, t, announce]);
  return news;
}

/** What {@link useLoadMore} needs of the paged query. */
interface PagedQuery {
  data: { pages: ReadonlyArray<{ tickets: ReadonlyArray<{ id: string }> }> } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage(): Promise<unknown>;
}

/**
 * Loads the next page when the sentinel after the list comes into view (not again after a failure: then the
 * button retries), and from the button, after which focus moves to the first ticket that page brought.
 */
function useLoadMore(query: PagedQuery, listRef: RefObject<HTMLUListElement | null>) {
  const [sentinel, setSentinel] = useState<HTMLDivElement | null>(null);
  // The index of the page whose first ticket takes focus when it arrives (set by the button only).
  const focusPage = useRef<number | null>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const pages = query.data?.pages;

  useEffect(() => {
    if (sentinel === null || !hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    if (typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
    }, { rootMargin: '0px 0px 160px 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [sentinel, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  useEffect(() => {
    const index = focusPage.current;
    if (index === null || pages === undefined || pages.length <= index) return;
    focusPage.current = null;
    const first = pages[index]?.tickets[0];
    if (first === undefined) return;
    const rows = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-ticket-id]') ?? []);
    rows.find((row) => row.dataset.ticketId === first.id)?.focus();
  }, [pages, listRef]);

  const loadByButton = () => {
    if (isFetchingNextPage) return;
    focusPage.current = pages?.length ?? null;
    void fetchNextPage();
  };
  return [setSentinel, loadByButton] as const;
}
