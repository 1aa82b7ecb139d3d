/** What the user sent with the ticket: the description and the files, folded under the header. */
import { useTranslation } from '../shared/i18n-react';
import type { Ticket } from '../../core';
import { AttachmentDownload } from './AttachmentDownload';

/** The description (as text, line breaks kept) and the files sent with the ticket, each saved when pressed. */
export function SentContent({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('timeline');
  return (
    <details className="us-ticket__sent">
      <summary className="us-ticket__sent-title">{t(ticket.attachments.length === 0 ? 'sent.title' : 'sent.titleWithFiles')}</summary>
      <p className="us-ticket__description">{ticket.description}</p>
      {ticket.attachments.length === 0 ? null : (
        <ul className="us-timeline__files" aria-label={t('timeline.attachments')}>
          {ticket.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentDownload attachment={attachment} />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
