/**
 * Follow-up instead of reopening: the links between a ticket and the ones it continues or that continue it
 * (each opens the other ticket), and on a final ticket, for 30 days, the offer to create a continuation.
 */
import { useTranslation } from '../shared/i18n-react';
import { canFollowUp } from '../../core';
import type { LinkedTicket, Ticket } from '../../core';
import { useWidgetEnv } from '../shared/env';
import { Button } from '../shared/ui';
import { unbroken } from './unbroken';

/** Props of {@link FollowUp}. */
export interface FollowUpProps {
  ticket: Ticket;
  /** Starts the form of a continuation; no offer without it. */
  onFollowUp?: ((ticket: Ticket) => void) | undefined;
  /** Opens another ticket; the links are plain text without it. */
  onOpenTicket?: ((ticketId: string) => void) | undefined;
}

function TicketLink({ linked, label, onOpenTicket }: { linked: LinkedTicket; label: string; onOpenTicket?: ((id: string) => void) | undefined }) {
  if (onOpenTicket === undefined) return <span>{unbroken(label, [linked.number])}</span>;
  return (
    <button type="button" className="us-follow-up__ticket" data-ticket-id={linked.id} onClick={() => onOpenTicket(linked.id)}>
      {unbroken(label, [linked.number])}
    </button>
  );
}

/** The follow-up links and offer of one ticket (nothing when it has neither). */
export function FollowUp({ ticket, onFollowUp, onOpenTicket }: FollowUpProps) {
  const { t } = useTranslation('timeline');
  const env = useWidgetEnv();
  const offer = onFollowUp !== undefined && canFollowUp(ticket.status, ticket.events, env.now());
  const next = ticket.followUps ?? [];
  if (ticket.followUpOf === undefined && next.length === 0 && !offer) return null;
  return (
    <section className="us-follow-up" aria-label={t('followUp.label')}>
      {ticket.followUpOf === undefined ? null : (
        <p className="us-follow-up__link" data-link="previous">
          <TicketLink linked={ticket.followUpOf} label={t('followUp.of', { number: ticket.followUpOf.number })} onOpenTicket={onOpenTicket} />
        </p>
      )}
      {next.length === 0 ? null : (
        <ul className="us-follow-up__links">
          {next.map((linked) => (
            <li key={linked.id} data-link="next">
              <TicketLink linked={linked} label={t('followUp.next', { number: linked.number })} onOpenTicket={onOpenTicket} />
            </li>
          ))}
        </ul>
      )}
      {offer ? (
        <Button className="us-follow-up__offer" onClick={() => onFollowUp(ticket)}>
          {t('followUp.offer')}
        </Button>
      ) : null}
    </section>
  );
}
