/** One event of the history: status (policy wording and hint) or message, time, who, text and files. */
import { useTranslation } from '../shared/i18n-react';
import type { TicketEvent } from '../../core';
import { AttachmentList } from './AttachmentList';
import type { AttachmentUrl } from './AttachmentList';
import { isStatusChange } from './timeline-model';
import { useWhen } from './use-when';

/** A list item of the timeline; the current status carries aria-current="step". */
export function TimelineItem({
  event,
  current,
  attachmentUrl,
  timeZone,
}: {
  event: TicketEvent;
  current: boolean;
  attachmentUrl?: AttachmentUrl | undefined;
  timeZone?: string | undefined;
}) {
  const { t } = useTranslation('timeline');
  const when = useWhen(timeZone);
  const changed = isStatusChange(event);
  return (
    <li
      className="us-timeline__item"
      data-status={event.status}
      data-actor={event.actor}
      data-current={current || undefined}
      aria-current={current ? 'step' : undefined}
    >
      <p className="us-timeline__status">
        {changed ? t(`common:status.${event.status}`) : t('timeline.message')}
        {current ? <span className="us-visually-hidden"> {t('timeline.current')}</span> : null}
      </p>
      {/* What the status means, under the current one only: said at every step, a long history repeats it. */}
      {changed && current ? <p className="us-timeline__hint">{t(`statusHint.${event.status}`)}</p> : null}
      <p className="us-timeline__meta">
        <time dateTime={event.createdAt}>{when(event.createdAt, { alwaysDate: true })}</time>
        <span className="us-timeline__actor">{t(`timeline.actor.${event.actor}`)}</span>
      </p>
      {event.text !== undefined && event.text !== '' ? <p className="us-timeline__text">{event.text}</p> : null}
      <AttachmentList attachments={event.attachments} attachmentUrl={attachmentUrl} />
    </li>
  );
}
