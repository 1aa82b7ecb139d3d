/** The send button, the checklist count, the reason sending waits (if any) tied to the button, and the sending status. */
import { useId } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';

/** Why sending waits. */
export type SendBlock = 'uploading' | 'upload-failed' | 'one-problem' | null;

const REASON_KEY: Record<Exclude<SendBlock, null>, string> = {
  uploading: 'send.waitUploads',
  'upload-failed': 'send.uploadFailed',
  'one-problem': 'send.oneProblem',
};

/** How much of the checklist is done, shown beside the button. */
export interface ChecklistProgress {
  done: number;
  count: number;
}

/**
 * The bottom bar of the form: it stays in view (sticky) while the form scrolls. While sending waits the button
 * stays focusable (aria-disabled, not disabled), so Tab reaches it and its reason is read out; a press, or Enter
 * in a field, sends nothing and calls `onBlockedPress` instead.
 */
export function SubmitBar({ block, sending, progress, onBlockedPress }: {
  block: SendBlock;
  sending: boolean;
  progress: ChecklistProgress | null;
  /** Pressed while sending waits: shows the user what holds it. */
  onBlockedPress(block: Exclude<SendBlock, null>): void;
}) {
  const { t } = useTranslation('form');
  const reasonId = useId();
  // A press (or Enter in a field, which clicks it) while sending waits.
  const hold = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (block !== null) onBlockedPress(block);
  };
  return (
    <div className="us-submit-bar">
      {progress === null ? null : (
        <p className="us-submit-bar__progress" data-complete={progress.done === progress.count || undefined}>
          {t('checklist.progress', { done: progress.done, count: progress.count })}
        </p>
      )}
      <Button
        type="submit"
        variant="primary"
        busy={sending}
        aria-disabled={block !== null || undefined}
        aria-describedby={block === null ? undefined : reasonId}
        onClick={block === null ? undefined : hold}
      >
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
