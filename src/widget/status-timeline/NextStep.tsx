/** "What happens next" for the current status, with the deadline that applies to it. */
import { useTranslation } from '../shared/i18n-react';
import { canFollowUp, REVIEW_WORKING_MINUTES, userWroteAfterWord } from '../../core';
import { useWidgetEnv } from '../shared/env';
import type { Status, Ticket } from '../../core';
import { Heading } from '../shared/ui';
import { useWhen } from './use-when';

/** Which deadline a status waits on: review while nobody has looked, resolution while work goes on. */
function deadlineOf(status: Status): 'review' | 'resolve' | null {
  switch (status) {
    case 'registered':
      return 'review';
    case 'processing':
    case 'clarification_sent':
    case 'in_progress':
      return 'resolve';
    case 'clarification_requested':
    case 'answered':
    case 'cancelled':
    case 'resolved':
    case 'suggestion':
      return null;
    default:
      return status satisfies never;
  }
}

/** One line telling the user what to expect (or do) now. */
export function NextStep({ ticket, timeZone, followUpOffered = false }: { ticket: Ticket; timeZone?: string | undefined; followUpOffered?: boolean }) {
  const { t } = useTranslation('timeline');
  const when = useWhen(timeZone);
  const env = useWidgetEnv();
  // The user wrote after support's answer («не помогло»): it is support's turn again, until the resolve deadline
  // (when it has not passed).
  const wrote = userWroteAfterWord(ticket.status, ticket.events.at(-1)?.actor);
  const wroteBy = wrote && new Date(ticket.resolveDueAt).getTime() > env.now().getTime();
  const deadline = wroteBy ? 'resolve' : wrote ? null : deadlineOf(ticket.status);
  const at = deadline === 'review' ? ticket.reviewDueAt : ticket.resolveDueAt;
  // A closed ticket that can still be continued points to the continuation offered below it.
  const key = wrote ? (wroteBy ? 'userWrote' : 'userWroteLate') : followUpOffered && canFollowUp(ticket.status, ticket.events, env.now()) ? 'closedFollowUp' : ticket.status;
  const text = t(`next.${key}`, {
    count: REVIEW_WORKING_MINUTES,
    when: deadline === null ? '' : when(at, { provisional: ticket.deadlinesProvisional }),
  });
  return (
    <section className="us-next" data-status={ticket.status} aria-label={t('next.title')}>
      <Heading depth={2} className="us-next__title">{t('next.title')}</Heading>
      <p className="us-next__text">{text}</p>
    </section>
  );
}
