/**
 * "Черновик от 14:02 восстановлен", with a confirmed "Удалить черновик". When the host page asked for a request
 * about another category, the notice says so and offers it: the draft goes (confirmed) and the form opens on
 * the host's request.
 */
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../shared/i18n-react';
import { formatDateTime, formatLocalTime } from '../shared/format';
import { extendNamespace } from '../shared/i18n';
import { formFieldsMessages } from './fields-messages';
import { Button, ConfirmDialog, Notice } from '../shared/ui';
import type { Category } from '../../core';

/** The time a draft was saved, in the user's zone: only the time today, the date too before that. */
function savedLabel(savedAt: Date, now: Date, locale: string): string {
  const sameDay = savedAt.toDateString() === now.toDateString();
  return sameDay ? formatLocalTime(savedAt, locale) : formatDateTime(savedAt, locale);
}

/** Where the fresh form starts: the category question when it asks one, else the form's heading. */
function formStart(form: HTMLFormElement): HTMLElement | null {
  return form.querySelector<HTMLElement>('.us-picker__title') ?? form.querySelector<HTMLElement>(':scope > h2');
}

/** The notice shown after a draft was restored; `requested` names the host's category when it is another. */
export function DraftRestoredNotice({ savedAt, now, requested: requestedCode, onDiscard }: { savedAt: Date; now: Date; requested?: Category | undefined; onDiscard(): void }) {
  const { t, i18n } = useTranslation('form');
  // Its texts come with the fields' part (a draft restored without a category opens before that part).
  extendNamespace(i18n, 'form', formFieldsMessages);
  const requested = requestedCode === undefined ? undefined : t(`common:category.${requestedCode}`);
  // Which button asked: the plain discard, or the host's request in place of the draft.
  const [confirming, setConfirming] = useState<'discard' | 'requested' | null>(null);
  const discard = useRef<HTMLButtonElement>(null);
  // The confirmation is a dialog beside the notice, not in it: the notice is a live region, and a dialog inside
  // it would be read out as the notice's news as well as a dialog.
  return (
    <>
      <Notice tone="info" live>
        <p className="us-notice__text">{t('draft.restored', { time: savedLabel(savedAt, now, i18n.language) })}</p>
        {requested === undefined ? null : <p className="us-notice__text">{t('draft.requested', { category: requested })}</p>}
        {requested === undefined ? null : (
          <Button variant="ghost" onClick={() => setConfirming('requested')}>
            {t('draft.startRequested', { category: requested })}
          </Button>
        )}
        <Button ref={discard} variant="ghost" onClick={() => setConfirming('discard')}>
          {t('draft.discard')}
        </Button>
      </Notice>
      <ConfirmDialog
        open={confirming !== null}
        title={t('draft.confirmTitle')}
        confirmLabel={t('draft.confirm')}
        cancelLabel={t('common:cancel')}
        tone="danger"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          // The notice and the dialog go with the draft, and the focus with them: it goes to where the fresh
          // form starts, once that is rendered, rather than to the page.
          const form = discard.current?.closest('form');
          flushSync(() => {
            setConfirming(null);
            onDiscard();
          });
          if (form !== null && form !== undefined) formStart(form)?.focus();
        }}
      >
        <p>{confirming === 'requested' ? t('draft.confirmRequested', { category: requested }) : t('draft.confirmText')}</p>
      </ConfirmDialog>
    </>
  );
}
