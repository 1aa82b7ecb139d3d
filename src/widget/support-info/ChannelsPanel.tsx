/** "Other ways to reach us": e-mail and phone, and why one is an official request and the other is not. */
import { useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { lazyModule, useLoadedModule } from '../shared/lazy-module';
import { RetryNotice } from '../shared/ui';

const bodyPart = lazyModule(() => import('./ChannelsBody'));

/**
 * The channels as a <details>, closed by default. Its body (with its texts) is loaded, and GET /meta asked,
 * when it is opened; meanwhile it says it is loading, and a body that could not load offers to try again.
 */
export function ChannelsPanel() {
  const { t } = useTranslation('support');
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const body = useLoadedModule(bodyPart, open);
  const load = () => {
    setFailed(false);
    bodyPart.load().catch(() => setFailed(true));
  };
  const Body = body?.ChannelsBody;
  return (
    <details
      className="us-channels"
      onToggle={(event) => {
        const now = event.currentTarget.open;
        setOpen(now);
        if (now) load();
      }}
    >
      <summary className="us-channels__title">{t('channels.title')}</summary>
      {!open ? null : Body !== undefined ? (
        <Body />
      ) : failed ? (
        <RetryNotice tone="warning" message={t('common:failure.network')} retryLabel={t('common:retry')} onRetry={load} />
      ) : (
        <p role="status">{t('common:loading')}</p>
      )}
    </details>
  );
}
