/**
 * A ticket opened by its number (a link from an e-mail, `open({ ticket })`): looks it up and hands its id to
 * the live view, or says plainly that the user has no ticket with that number.
 */
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { failureOf, queryKeys, useTicket } from '../../api';
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';
import { useLatest } from './use-latest';

/** Props of {@link TicketLink}. */
export interface TicketLinkProps {
  /** The ticket's number, `UP-2026-000123`. */
  number: string;
  /** The ticket is the user's: show it. */
  onFound(ticketId: string): void;
  /** To the user's list of tickets. */
  onList(): void;
}

/** Looks up a ticket by its number. */
export function TicketLink({ number, onFound, onList }: TicketLinkProps) {
  const { t } = useTranslation('timeline');
  const client = useQueryClient();
  const query = useTicket(number);
  const ticket = query.data;
  const found = useLatest(onFound);
  const box = useRef<HTMLDivElement>(null);
  // A number named while another ticket was shown: that view is gone, and the focus went with it to the page's
  // body. It comes here, so the keyboard and the screen reader stay in the widget (a focus elsewhere is left be).
  useEffect(() => {
    const active = box.current?.ownerDocument.activeElement;
    if (active === null || active === box.current?.ownerDocument.body) box.current?.focus({ preventScroll: true });
  });
  useEffect(() => {
    if (ticket === undefined) return;
    // The live view reads the ticket by id: it starts from what was just read.
    client.setQueryData(queryKeys.ticket(ticket.id), ticket);
    found.current(ticket.id);
  }, [ticket, client, found]);

  if (!query.isError) {
    return (
      <div className="us-ticket" data-state="loading" ref={box} tabIndex={-1}>
        <p role="status">{t('common:loading')}</p>
      </div>
    );
  }
  const failure = failureOf(query.error);
  const missing = failure.kind === 'http' && failure.status === 404;
  return (
    <div className="us-ticket" data-state={missing ? 'not-found' : 'error'} ref={box} tabIndex={-1}>
      <Notice tone="error" live>
        <p>{missing ? t('link.notFound', { number }) : t('loadError')}</p>
        {missing ? <p>{t('link.notFoundHint')}</p> : null}
        {missing ? null : <Button onClick={() => void query.refetch()}>{t('common:retry')}</Button>}
      </Notice>
      <Button variant="ghost" onClick={onList}>
        {t('link.list')}
      </Button>
    </div>
  );
}
