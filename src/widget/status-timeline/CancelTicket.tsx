/** Cancelling a ticket: a button, a confirmation dialog, then the cancel call. */
import { failureMessage, failureReason } from '../shared/failure-message';
import { useRef, useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { failureOf, useCancelTicket } from '../../api';
import type { Ticket } from '../../core';
import { Button, ConfirmDialog, Notice } from '../shared/ui';
import { unbroken } from './unbroken';

/** Offers to cancel a non-final ticket; the caller decides when to render it (see isFinalStatus). */
export function CancelTicket({ ticket, onCancelled }: { ticket: Ticket; onCancelled(ticket: Ticket): void }) {
  const { t } = useTranslation('timeline');
  const cancel = useCancelTicket(ticket.id);
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement | null>(null);

  function dismiss() {
    setOpen(false);
    // jsdom and older browsers do not restore focus when a <dialog> closes; the user continues where they were.
    triggerRef.current?.focus();
  }

  function confirm() {
    // Not mutate's own callbacks: the live stream may bring the cancellation first, which takes this block
    // away, and a mutation's callbacks do not run once its component is gone. The promise still settles.
    cancel.mutateAsync().then(
      (updated) => {
        setOpen(false);
        onCancelled(updated);
      },
      dismiss,
    );
  }

  const failure = cancel.isError ? failureOf(cancel.error) : null;
  return (
    <div className="us-cancel">
      {failure === null ? null : (
        <Notice tone="error" live>
          {failureReason(failure) === 'conflict' ? failureMessage(t, failure) : t('cancel.failed')}
        </Notice>
      )}
      <Button
        variant="secondary"
        onClick={(click) => {
          triggerRef.current = click.currentTarget;
          setOpen(true);
        }}
      >
        {t('cancel.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={unbroken(t('cancel.title', { number: ticket.number }), [ticket.number])}
        confirmLabel={t('cancel.confirm')}
        cancelLabel={t('cancel.keep')}
        tone="danger"
        busy={cancel.isPending}
        onConfirm={confirm}
        onCancel={dismiss}
      >
        <p>{t('cancel.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
