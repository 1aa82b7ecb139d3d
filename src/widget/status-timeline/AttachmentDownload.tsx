/**
 * A file of the ticket's history as a button: the file is read with the user's credentials (a plain link would
 * carry none) and saved under its name. Without a way to read files back, the name alone.
 */
import { useState } from 'react';
import { useSupportApi } from '../../api';
import type { Attachment } from '../../core';
import { useTranslation } from '../shared/i18n-react';

/** How long a saved file's object URL is kept: the browser has started the download well before. */
const REVOKE_AFTER_MS = 60_000;

/** One attachment: saves it when pressed, and says so when it could not be read. */
export function AttachmentDownload({ attachment }: { attachment: Attachment }) {
  const api = useSupportApi();
  const { t } = useTranslation('timeline');
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const read = api.downloadAttachment;
  if (read === undefined) return <>{attachment.name}</>;
  const save = async () => {
    if (state === 'busy') return;
    setState('busy');
    const result = await read(attachment.id);
    if (!result.ok) {
      setState('failed');
      return;
    }
    const url = URL.createObjectURL(result.value);
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    setState('idle');
  };
  return (
    <>
      <button type="button" className="us-timeline__file" aria-label={t('timeline.download', { name: attachment.name })} aria-busy={state === 'busy'} onClick={() => void save()}>
        {attachment.name}
      </button>
      {state === 'failed' ? (
        <span className="us-timeline__file-error" role="alert">
          {' '}
          {t('timeline.downloadFailed')}
        </span>
      ) : null}
    </>
  );
}
