/** One line of "my tickets": a button with the number, subject, status and last change. */
import { useTranslation } from '../shared/i18n-react';
import type { TicketSummary } from '../../core';
import { useWidgetEnv } from '../shared/env';
import { formatLastChange } from './last-change';

/** A ticket in the list; `changed` shows the marker of unseen updates. */
export function TicketRow({ ticket, changed, onOpen }: { ticket: TicketSummary; changed: boolean; onOpen(): void }) {
  const { t, i18n } = useTranslation('tickets');
  const env = useWidgetEnv();
  const when = formatLastChange(new Date(ticket.updatedAt), env.now(), i18n.language);
  return (
    <button type="button" className="us-ticket-row" data-changed={changed || undefined} data-ticket-id={ticket.id} onClick={onOpen}>
      <span className="us-ticket-row__top">
        <span className="us-ticket-row__number">{t('number', { number: ticket.number })}</span>
        {changed ? <span className="us-ticket-row__changed">{t('changed')}</span> : null}
      </span>
      <span className="us-ticket-row__subject">{ticket.subject}</span>
      <span className="us-ticket-row__bottom">
        <span className="us-ticket-row__status" data-status={ticket.status}>
          {t(`common:status.${ticket.status}`)}
        </span>
        <span className="us-ticket-row__time">
          <time dateTime={ticket.updatedAt}>{t('lastChange', { when })}</time>
        </span>
      </span>
    </button>
  );
}
