/** Shown right after sending: the number, priority, review deadline and resolution target (policy step 3). */
import type { Ref } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { Ticket } from '../../core';
import { useWhen } from './use-when';

/** The registration notice; a guest also gets the access key once, with advice to keep it. */
export function Confirmation({
  ticket,
  ticketAccessKey,
  guest,
  timeZone,
  focusRef,
}: {
  ticket: Ticket;
  ticketAccessKey?: string | undefined;
  guest: boolean;
  timeZone?: string | undefined;
  focusRef?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation('timeline');
  const when = useWhen(timeZone);
  const provisional = ticket.deadlinesProvisional;
  return (
    <div className="us-confirmation" ref={focusRef} tabIndex={-1}>
      <p className="us-confirmation__title">{t('confirm.title')}</p>
      <p>{t('confirm.number', { number: ticket.number })}</p>
      <p>{t('confirm.priority', { priority: t(`common:priority.${ticket.priority}`) })}</p>
      <p>{t('confirm.review', { when: when(ticket.reviewDueAt, { provisional }) })}</p>
      <p>{t('confirm.resolve', { when: when(ticket.resolveDueAt, { provisional }) })}</p>
      {guest && ticketAccessKey !== undefined && ticketAccessKey !== '' ? (
        <div className="us-confirmation__key">
          <p>
            {t('confirm.accessKey')} <code className="us-confirmation__code">{ticketAccessKey}</code>
          </p>
          <p>{t('confirm.accessKeyAdvice')}</p>
        </div>
      ) : null}
    </div>
  );
}
