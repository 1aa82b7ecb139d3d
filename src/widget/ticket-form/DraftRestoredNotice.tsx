/** "Черновик от 14:02 восстановлен", with a confirmed "Удалить черновик". */
import { useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { formatDateTime, formatLocalTime } from '../shared/format';
import { Button, ConfirmDialog, Notice } from '../shared/ui';

/** The time a draft was saved, in the user's zone: only the time today, the date too before that. */
function savedLabel(savedAt: Date, now: Date, locale: string): string {
  const sameDay = savedAt.toDateString() === now.toDateString();
  return sameDay ? formatLocalTime(savedAt, locale) : formatDateTime(savedAt, locale);
}

/** The notice shown after a draft was restored. */
export function DraftRestoredNotice({ savedAt, now, onDiscard }: { savedAt: Date; now: Date; onDiscard(): void }) {
  const { t, i18n } = useTranslation('form');
  const [confirming, setConfirming] = useState(false);
  return (
    <Notice tone="info" live>
      <p className="us-notice__text">{t('draft.restored', { time: savedLabel(savedAt, now, i18n.language) })}</p>
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        {t('draft.discard')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('draft.confirmTitle')}
        confirmLabel={t('draft.confirm')}
        cancelLabel={t('common:cancel')}
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onDiscard();
        }}
      >
        <p>{t('draft.confirmText')}</p>
      </ConfirmDialog>
    </Notice>
  );
}
