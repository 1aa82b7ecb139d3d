/** The send button, the reason it waits (if any) tied to it, and the sending status. */
import { useId } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';

/** Why sending waits. */
export type SendBlock = 'uploading' | 'upload-failed' | 'one-problem' | null;

const REASON_KEY: Record<Exclude<SendBlock, null>, string> = {
  uploading: 'send.waitUploads',
  'upload-failed': 'send.uploadFailed',
  'one-problem': 'send.oneProblem',
};

/** The bottom bar of the form. */
export function SubmitBar({ block, sending }: { block: SendBlock; sending: boolean }) {
  const { t } = useTranslation('form');
  const reasonId = useId();
  return (
    <div className="us-submit-bar">
      <Button type="submit" variant="primary" busy={sending} disabled={block !== null} aria-describedby={block === null ? undefined : reasonId}>
        {t('send.submit')}
      </Button>
      {block === null ? null : (
        <p className="us-submit-bar__reason" id={reasonId}>
          {t(REASON_KEY[block])}
        </p>
      )}
      <p className="us-visually-hidden" role="status">
        {sending ? t('send.sending') : ''}
      </p>
    </div>
  );
}
