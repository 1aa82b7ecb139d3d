/** "Черновик от 14:02 восстановлен", with a confirmed "Удалить черновик". */
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../shared/i18n-react';
import { formatDateTime, formatLocalTime } from '../shared/format';
import { Button, ConfirmDialog, Notice } from '../shared/ui';

/** The time a draft was saved, in the user's zone: only the time today, the date too before that. */
function savedLabel(savedAt: Date, now: Date, locale: string): string {
  const sameDay = savedAt.toDateString() === now.toDateString();
  return sameDay ? formatLocalTime(savedAt, locale) : formatDateTime(savedAt, locale);
}

/** Where the fresh form starts: the category question when it asks one, else the form's heading. */
function formStart(form: HTMLFormElement): HTMLElement | null {
  return form.querySelector<HTMLElement>('.us-picker__title') ?? form.querySelector<HTMLElement>(':scope > h2');
}

/** The notice shown after a draft was restored. */
export function DraftRestoredNotice({ savedAt, now, onDiscard }: { savedAt: Date; now: Date; onDiscard(): void }) {
  const { t, i18n } = useTranslation('form');
  const [confirming, setConfirming] = useState(false);
  const discard = useRef<HTMLButtonElement>(null);
  return (
    <Notice tone="info" live>
      <p className="us-notice__text">{t('draft.restored', { time: savedLabel(savedAt, now, i18n.language) })}</p>
      <Button ref={discard} variant="ghost" onClick={() => setConfirming(true)}>
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
          // The notice and the dialog go with the draft, and the focus with them: it goes to where the fresh
          // form starts, once that is rendered, rather than to the page.
          const form = discard.current?.closest('form');
          flushSync(() => {
            setConfirming(false);
            onDiscard();
          });
          if (form !== null && form !== undefined) formStart(form)?.focus();
        }}
      >
        <p>{t('draft.confirmText')}</p>
      </ConfirmDialog>
    </Notice>
  );
}
