/** The ticket's number, subject, category, priority and status. */
import type { Ref } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { Ticket } from '../../core';
import { Heading } from '../shared/ui';
import { StatusBadge } from './StatusBadge';
import { unbroken } from './unbroken';

/** Header of the ticket view; the subject heading takes focus when the screen opens. */
export function TicketHeader({ ticket, headingId, headingRef }: { ticket: Ticket; headingId: string; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation('timeline');
  return (
    <header className="us-ticket__header">
      <p className="us-ticket__number">{t('header.number', { number: ticket.number })}</p>
      <Heading depth={1} className="us-ticket__subject" id={headingId} ref={headingRef} tabIndex={-1}>
        {ticket.subject}
      </Heading>
      <dl className="us-ticket__facts">
        <div>
          <dt>{t('header.category')}</dt>
          <dd>{t(`common:category.${ticket.category}`)}</dd>
        </div>
        <div>
          <dt>{t('header.priority')}</dt>
          <dd>{t(`common:priority.${ticket.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('header.status')}</dt>
          <dd>
            <StatusBadge status={ticket.status} />
          </dd>
        </div>
      </dl>
      {ticket.createdWith === undefined ? null : (
        <p className="us-ticket__linked">
          {unbroken(
            t('header.createdWith', { numbers: ticket.createdWith.map((other) => t('header.number', { number: other.number })).join(', ') }),
            ticket.createdWith.map((other) => other.number),
          )}
        </p>
      )}
      {ticket.oneProblemCheck === undefined || ticket.oneProblemCheck.parts < 2 ? null : (
        <p className="us-ticket__checked">{t('header.checked', { count: ticket.oneProblemCheck.parts })}</p>
      )}
    </header>
  );
}
