/** "My tickets": the user's tickets, newest change first, with unseen changes marked. */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { useTickets } from '../../api';
import { useWidgetEnv } from '../shared/env';
import { Button, Notice } from '../shared/ui';
import { TicketRow } from './TicketRow';
import { useUnseenTickets } from './use-unseen-tickets';

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
}

/** The list screen, with loading, error (retry), empty and guest states. */
export function MyTickets({ onOpen, onNew, focusOnMount = false, focusTicketId }: MyTicketsProps) {
  const { t } = useTranslation('tickets');
  const env = useWidgetEnv();
  const guest = env.host === null;
  const query = useTickets(!guest);
  const unseen = useUnseenTickets({ refreshMs: 0 });
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

  const tickets = [...(query.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <section className="us-tickets" aria-labelledby={headingId}>
      <div className="us-tickets__head">
        <h2 className="us-tickets__title" id={headingId} ref={headingRef} tabIndex={-1}>
          {t('title')}
        </h2>
        {tickets.length > 0 ? (
          <Button variant="primary" onClick={onNew}>
            {t('new')}
          </Button>
        ) : null}
      </div>
      {guest ? (
        <>
          <Notice>{t('guest')}</Notice>
          <Button variant="primary" onClick={onNew}>
            {t('new')}
          </Button>
        </>
      ) : query.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : query.isError ? (
        <Notice tone="error" live>
          <p>{t('loadError')}</p>
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
    </section>
  );
}
