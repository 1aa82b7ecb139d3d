/**
 * «Уведомлять по e-mail»: the signed-in reporter turns the e-mails about a specialist's question, answer or
 * resolution off and on again (`GET/PUT /me/notifications`). The switch shows the choice at once, says when it
 * is saved, and goes back with an error when saving failed.
 */
import { useId } from 'react';
import { failureOf, useHasNotificationPrefs, useNotificationPrefs, useSetNotificationPrefs } from '../../api';
import { failureReason } from '../shared/failure-message';
import { useWidgetEnv } from '../shared/env';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';

/**
 * The switch, with its hint, the saving state (aria-live) and the error; nothing for backends without preferences.
 * The e-mails go to the address of the user's LMS profile (the token's `email`): without one none can be sent, and
 * a switch would promise them, so the user reads why there are none instead.
 */
export function EmailNotifications() {
  const supported = useHasNotificationPrefs();
  const { t } = useTranslation('tickets');
  const host = useWidgetEnv().host;
  if (!supported) return null;
  if (host !== null && (host.email ?? '') === '') return <p className="us-notify us-notify__hint">{t('notify.noAddress')}</p>;
  return <EmailSwitch />;
}

function EmailSwitch() {
  const { t } = useTranslation('tickets');
  const prefs = useNotificationPrefs();
  const save = useSetNotificationPrefs();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  if (prefs.isPending) return null;
  // A sign-in out of date is told once, by the list above; the switch waits for a new token.
  if (prefs.data === undefined && failureReason(failureOf(prefs.error)) === 'signedOut') return null;
  if (prefs.data === undefined) {
    return (
      <div className="us-notify">
        <p className="us-notify__error" role="alert">
          {t('notify.loadError')}
        </p>
        <Button onClick={() => void prefs.refetch()}>{t('common:retry')}</Button>
      </div>
    );
  }
  // While saving, the switch shows what the user chose; after a failure, what is stored.
  const checked = save.isPending ? save.variables.email : prefs.data.email;
  const status = save.isPending ? t('notify.saving') : save.isSuccess ? t(save.data.email ? 'notify.savedOn' : 'notify.savedOff') : '';
  return (
    <div className="us-notify" aria-busy={save.isPending ? true : undefined}>
      <label className="us-notify__label">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          aria-describedby={save.isError ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            // One save at a time: the stored answer of the last one is what the switch shows.
            if (!save.isPending) save.mutate({ email: event.target.checked });
          }}
        />
        <span>{t('notify.label')}</span>
      </label>
      <p className="us-notify__hint" id={hintId}>
        {t('notify.hint')}
      </p>
      <p className="us-notify__status" role="status">
        {status}
      </p>
      {save.isError ? (
        <p className="us-notify__error" id={errorId} role="alert">
          {t('notify.saveError')}
        </p>
      ) : null}
    </div>
  );
}
