/** The files of a ticket or of one of its events: each a link when the API offers a URL, else a download button. */
import { useTranslation } from '../shared/i18n-react';
import type { Attachment } from '../../core';
import { AttachmentDownload } from './AttachmentDownload';

/** Where an attachment can be downloaded, when the API offers a URL; null shows the download button. */
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

/** The list «Файлы»; nothing when there are none. */
export function AttachmentList({ attachments, attachmentUrl }: { attachments: readonly Attachment[]; attachmentUrl?: AttachmentUrl | undefined }) {
  const { t } = useTranslation('timeline');
  if (attachments.length === 0) return null;
  return (
    <ul className="us-timeline__files" aria-label={t('timeline.attachments')}>
      {attachments.map((attachment) => {
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
  );
}
