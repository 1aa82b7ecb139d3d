/**
 * A failed send: everything stays as typed, "Повторить" resends with the same idempotency key, and when
 * the API cannot be reached the same ticket can go by e-mail.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { ApiFailure } from '../../api/types';
import { Button, Notice } from '../shared/ui';
import { failureMessage, isAlreadyRegistered } from '../shared/failure-message';
import { useChannels } from '../shared/use-channels';

/**
 * The failure block. Focus moves to its title, which the screen reader reads with what went wrong and that nothing
 * was lost (its description): once, not also as an alert.
 */
export function SendFailure({
  failure,
  mailto,
  attachmentNames,
  busy,
  onRetry,
  onSendAsNew,
}: {
  failure: ApiFailure;
  /** The e-mail fallback, offered only when the API is unreachable. */
  mailto: string | null;
  attachmentNames: readonly string[];
  busy: boolean;
  onRetry(): void;
  /** Offered when the server refused the key: send the edited text as a new ticket. */
  onSendAsNew(): void;
}) {
  const { t } = useTranslation('form');
  const text = failureMessage(t, failure);
  const channels = useChannels();
  const titleRef = useRef<HTMLParagraphElement>(null);
  const hintId = useId();
  useEffect(() => {
    titleRef.current?.focus();
  }, [failure]);
  return (
    <Notice tone="error">
      <p className="us-notice__title" ref={titleRef} tabIndex={-1} aria-describedby={`${hintId}m ${hintId}k`}>
        {t('failure.title')}
      </p>
      <p className="us-notice__text" id={`${hintId}m`}>
        {text}
      </p>
      <p className="us-notice__text" id={`${hintId}k`}>
        {t('failure.kept')}
      </p>
      <div className="us-actions">
        {isAlreadyRegistered(failure) ? (
          <Button variant="primary" busy={busy} onClick={onSendAsNew}>
            {t('failure.sendAsNew')}
          </Button>
        ) : (
          <Button variant="primary" busy={busy} onClick={onRetry}>
            {t('common:retry')}
          </Button>
        )}
        {mailto === null ? null : (
          <a className="us-button" href={mailto} aria-describedby={hintId}>
            {t('failure.email')}
          </a>
        )}
      </div>
      {mailto === null ? null : (
        <p className="us-field__hint" id={hintId}>
          {t('failure.emailHint', { email: channels.email })}
          {attachmentNames.length === 0 ? null : ` ${t('failure.emailFiles', { names: attachmentNames.join(', ') })}`}
        </p>
      )}
    </Notice>
  );
}
