/**
 * A link to a ticket (`#uchi-support=<number>`, `open({ ticket })`) in a guest's browser: a ticket remembered here
 * opens with its key at once; any other is offered the number-and-key form with the number filled in — a guest
 * cannot sign in to the LMS to see it, and nothing is asked of the server until the key is given.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';
import { OpenByKey } from './OpenByKey';
import { useGuestTickets } from './use-guest-tickets';

/** Props of {@link GuestTicketLink}. */
export interface GuestTicketLinkProps {
  /** The ticket's number, `UP-2026-000123`. */
  number: string;
  /** Show the ticket (its key is remembered now). */
  onFound(ticketId: string): void;
  /** To the guest's list. */
  onList(): void;
}

/** The guest's way to a linked ticket. */
export function GuestTicketLink({ number, onFound, onList }: GuestTicketLinkProps) {
  const { t } = useTranslation('tickets');
  const { tickets } = useGuestTickets();
  const rememberedId = tickets.find((ticket) => ticket.number === number)?.id;
  // Found once: a later change of the list must not open it again.
  const opened = useRef(false);
  useEffect(() => {
    if (rememberedId === undefined || opened.current) return;
    opened.current = true;
    onFound(rememberedId);
  }, [rememberedId, onFound]);

  if (rememberedId !== undefined) {
    return (
      <div className="us-ticket" data-state="loading">
        <p role="status">{t('common:loading')}</p>
      </div>
    );
  }
  return (
    <div className="us-ticket" data-state="not-remembered">
      <Notice>
        <p>{t('openByKey.notRemembered', { number })}</p>
      </Notice>
      <OpenByKey
        initialNumber={number}
        depth={1}
        focusKey
        onOpened={(ticketId) => {
          opened.current = true;
          onFound(ticketId);
        }}
      />
      <Button variant="ghost" onClick={onList}>
        {t('toList')}
      </Button>
    </div>
  );
}
