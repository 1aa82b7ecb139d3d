/** The ticket's history as an ordered list, oldest first, the current status marked. */
import { useId } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { TicketEvent } from '../../core';
import { Heading } from '../shared/ui';
import { getCurrentEventId } from './timeline-model';
import { TimelineItem } from './TimelineItem';
import type { AttachmentUrl } from './AttachmentList';

/** Every event of the ticket, in order. */
export function Timeline({
  events,
  attachmentUrl,
  timeZone,
}: {
  events: readonly TicketEvent[];
  attachmentUrl?: AttachmentUrl | undefined;
  timeZone?: string | undefined;
}) {
  const { t } = useTranslation('timeline');
  const titleId = useId();
  const ordered = [...events].sort((a, b) => a.id - b.id);
  const currentId = getCurrentEventId(ordered);
  return (
    <section className="us-timeline" aria-labelledby={titleId}>
      <Heading depth={2} className="us-timeline__title" id={titleId}>
        {t('timeline.title')}
      </Heading>
      <ol className="us-timeline__list">
        {ordered.map((event) => (
          <TimelineItem key={event.id} event={event} current={event.id === currentId} attachmentUrl={attachmentUrl} timeZone={timeZone} />
        ))}
      </ol>
    </section>
  );
}
