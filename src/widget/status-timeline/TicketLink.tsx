/**
 * A ticket opened by its number (a link from an e-mail, `open({ ticket })`): looks it up and hands its id to
 * the live view, or says plainly that the user has no ticket with that number.
 */
import { useEffect } from 'react';
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
  useEffect(() => {
    if (ticket === undefined) return;
    // The live view reads the ticket by id: it starts from what was just read.
    client.setQueryData(queryKeys.ticket(ticket.id), ticket);
    found.current(ticket.id);
  }, [ticket, client, found]);

  if (!query.isError) {
    return (
      <div className="us-ticket" data-state="loading">
        <p role="status">{t('common:loading')}</p>
      </div>
    );
  }
  const failure = failureOf(query.error);
  const missing = failure.kind === 'http' && failure.status === 404;
  return (
    <div className="us-ticket" data-state={missing ? 'not-found' : 'error'}>
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
