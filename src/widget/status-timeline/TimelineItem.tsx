/** One event of the history: status (policy wording and hint) or message, time, who, text and files. */
import { useTranslation } from '../shared/i18n-react';
import type { Attachment, TicketEvent } from '../../core';
import { AttachmentDownload } from './AttachmentDownload';
import { isStatusChange } from './timeline-model';
import { useWhen } from './use-when';

/** Where an attachment can be downloaded, when the API offers a URL; null shows the name only. */
export type AttachmentUrl = (attachment: Attachment) => string | null | undefined;

/** The URL if it is one a download link may carry (http(s), blob or relative to the page), else null. */
function safeHref(href: string | null | undefined): string | null {
  if (href === undefined || href === null || href === '') return null;
  try {
    const { protocol } = new URL(href, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:' || protocol === 'blob:' ? href : null;
  } catch {
    return null;
  }
}

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
      {changed ? <p className="us-timeline__hint">{t(`common:statusHint.${event.status}`)}</p> : null}
      <p className="us-timeline__meta">
        <time dateTime={event.createdAt}>{when(event.createdAt, { alwaysDate: true })}</time>
        <span className="us-timeline__actor">{t(`timeline.actor.${event.actor}`)}</span>
      </p>
      {event.text !== undefined && event.text !== '' ? <p className="us-timeline__text">{event.text}</p> : null}
      {event.attachments.length > 0 ? (
        <ul className="us-timeline__files" aria-label={t('timeline.attachments')}>
          {event.attachments.map((attachment) => {
            const href = safeHref(attachmentUrl?.(attachment));
            return (
              <li key={attachment.id}>
                {href === null ? (
                  <AttachmentDownload attachment={attachment} />
                ) : (
                  <a href={href} download={attachment.name}>
                    {attachment.name}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}
