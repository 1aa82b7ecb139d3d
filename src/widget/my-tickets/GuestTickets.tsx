/**
 * A guest's «Мои обращения»: the tickets this browser remembers (sent here, or opened here by number and key),
 * each read with its own access key for its live status, opened like a signed-in user's; forgetting one removes
 * its number and key from this device. Below, the form that opens a ticket by its number and key.
 */
import { useQueries } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { failureOf, SupportApiError, unwrap, useSupportApi } from '../../api';
import type { SupportApi } from '../../api';
import type { TicketSummary } from '../../core';
import { useTranslation } from '../shared/i18n-react';
import { Button, ConfirmDialog, Notice } from '../shared/ui';
import type { GuestTicket } from './guest-tickets';
import { OpenByKey } from './OpenByKey';
import { TicketRow } from './TicketRow';
import { TicketsHead } from './TicketsHead';
import { guestTicketKey } from './read-guest-tickets';
import { useGuestTickets } from './use-guest-tickets';
import { useUnseenTickets } from './use-unseen-tickets';

/** Props of {@link GuestTickets}. */
export interface GuestTicketsProps {
  onOpen(ticketId: string): void;
  onNew(): void;
  focusOnMount?: boolean;
  focusTicketId?: string | undefined;
  /** While shown, read the lines again this often (ms); 0: never. */
  refreshMs?: number;
}

/** One remembered ticket's line: its summary as the key reads it, or why there is none. */
async function readLine(api: SupportApi, ticket: GuestTicket, signal: AbortSignal): Promise<TicketSummary> {
  const keyed = api.withAccessKey?.(ticket.key);
  if (keyed === undefined) throw new Error('this Support API has no access-key reads');
  // The key's own list: that ticket (and any sent with the key as a guest key), without the ticket's history.
  const line = unwrap(await keyed.listTickets(signal)).find((summary) => summary.id === ticket.id);
  if (line === undefined) throw new SupportApiError({ kind: 'http', status: 404, code: 'not_found', message: 'Обращение не найдено.' });
  return line;
}

/** The guest's list. */
export function GuestTickets({ onOpen, onNew, focusOnMount = false, focusTicketId, refreshMs = 0 }: GuestTicketsProps) {
  const { t } = useTranslation('tickets');
  const api = useSupportApi();
  const { tickets: remembered, forget } = useGuestTickets();
  const queries = useQueries({
    queries: remembered.map((ticket) => ({
      queryKey: guestTicketKey(ticket.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => readLine(api, ticket, signal),
      refetchInterval: refreshMs > 0 ? refreshMs : (false as const),
    })),
  });
  const lines = remembered.map((ticket, index) => ({ ticket, query: queries[index] }));
  // The lines read so far, the same array until one of them is read again (the query objects are new every render).
  const readAt = queries.map((query) => query.dataUpdatedAt).join();
  const loaded = useMemo(
    () => queries.flatMap((query) => (query.data === undefined ? [] : [query.data])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readAt, remembered],
  );
  // The first look takes what is there as seen: only once every line has been read (or failed) and some were.
  const settled = queries.every((query) => !query.isPending);
  const unseen = useUnseenTickets({ refreshMs: 0, ...(settled && loaded.length > 0 ? { tickets: loaded } : {}) });
  const [forgetting, setForgetting] = useState<GuestTicket | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Once, when the lines have been read (a line read later would replace the element that had focus).
  const focusDone = useRef(!focusOnMount);
  useEffect(() => {
    if (focusDone.current || !settled) return;
    focusDone.current = true;
    const row = Array.from(listRef.current?.querySelectorAll<HTMLElement>('button[data-ticket-id]') ?? []).find((element) => element.dataset.ticketId === focusTicketId);
    (row ?? headingRef.current)?.focus();
  }, [settled, focusTicketId]);

  // Latest change first; a line not read yet stays where it was remembered, after those.
  const sorted = lines
    .map((line, index) => ({ ...line, index }))
    .sort((a, b) => {
      const x = a.query?.data?.updatedAt;
      const y = b.query?.data?.updatedAt;
      if (x !== undefined && y !== undefined) return x < y ? 1 : x > y ? -1 : a.index - b.index;
      if (x !== undefined) return -1;
      if (y !== undefined) return 1;
      return a.index - b.index;
    });
  const failedNow = lines.filter(({ query }) => query?.isError === true && !isGone(query.error));

  // The list's heading takes the focus once the dialog has closed: while it is open the rest is inert, and its
  // close gives the focus back to the «Забыть» button, which went with its line.
  const [forgotten, setForgotten] = useState(0);
  useEffect(() => {
    if (forgotten > 0 && forgetting === null) headingRef.current?.focus();
  }, [forgotten, forgetting]);
  const confirmForget = () => {
    if (forgetting === null) return;
    forget(forgetting.id);
    setAnnouncement(t('guestList.forgotten', { number: forgetting.number }));
    setForgetting(null);
    setForgotten((count) => count + 1);
  };

  return (
    <section className="us-tickets" aria-labelledby={headingId}>
      <TicketsHead id={headingId} headingRef={headingRef} hasTickets={remembered.length > 0} onNew={onNew} />
      {api.withAccessKey === undefined ? (
        <>
          <Notice>{t('guest')}</Notice>
          <Button variant="primary" onClick={onNew}>
            {t('new')}
          </Button>
        </>
      ) : (
        <>
          {remembered.length === 0 ? (
            <div className="us-tickets__empty">
              <p className="us-tickets__empty-title">{t('guestList.empty')}</p>
              <p>{t('guestList.emptyHint')}</p>
              <Button variant="primary" onClick={onNew}>
                {t('createFirst')}
              </Button>
            </div>
          ) : (
            <>
              <p className="us-tickets__note">{t('guestList.note')}</p>
              {failedNow.length > 0 ? (
                <Notice tone="error" live>
                  <p>{t('guestList.statusError')}</p>
                  <Button onClick={() => failedNow.forEach(({ query }) => void query?.refetch())}>{t('common:retry')}</Button>
                </Notice>
              ) : null}
              <ul className="us-tickets__list" ref={listRef}>
                {sorted.map(({ ticket, query }) => (
                  <li key={ticket.id} className="us-guest-line">
                    {query?.data !== undefined ? (
                      <TicketRow
                        ticket={query.data}
                        changed={unseen.changedIds.has(ticket.id)}
                        onOpen={() => {
                          unseen.markSeen(ticket.id, query.data.lastEventId);
                          onOpen(ticket.id);
                        }}
                      />
                    ) : query?.isError === true && isGone(query.error) ? (
                      <div className="us-ticket-row" data-ticket-id={ticket.id} data-state="unavailable">
                        <span className="us-ticket-row__number">{t('number', { number: ticket.number })}</span>
                        <span>{t('guestList.unavailable')}</span>
                      </div>
                    ) : (
                      // Not read yet (or the read failed for now): it still opens, and its view says how it went.
                      <button type="button" className="us-ticket-row" data-ticket-id={ticket.id} onClick={() => onOpen(ticket.id)}>
                        <span className="us-ticket-row__number">{t('number', { number: ticket.number })}</span>
                        <span className="us-ticket-row__time">{query?.isError === true ? t('guestList.notLoaded') : t('guestList.loading')}</span>
                      </button>
                    )}
                    <Button variant="ghost" className="us-guest-line__forget" aria-label={t('guestList.forgetLabel', { number: ticket.number })} onClick={() => setForgetting(ticket)}>
                      {t('guestList.forget')}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <OpenByKey collapsible={remembered.length > 0} onOpened={onOpen} />
        </>
      )}
      <p className="us-visually-hidden" role="status">
        {announcement}
      </p>
      <ConfirmDialog
        open={forgetting !== null}
        title={t('guestList.forgetTitle', { number: forgetting?.number ?? '' })}
        confirmLabel={t('guestList.forget')}
        cancelLabel={t('guestList.forgetKeep')}
        tone="danger"
        onConfirm={confirmForget}
        onCancel={() => setForgetting(null)}
      >
        <p>{t('guestList.forgetBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The key no longer reads the ticket (the server's secret changed, or the ticket is gone): only forgetting helps. */
function isGone(error: unknown): boolean {
  const failure = failureOf(error);
  return failure.kind === 'http' && (failure.status === 404 || failure.status === 401);
}
