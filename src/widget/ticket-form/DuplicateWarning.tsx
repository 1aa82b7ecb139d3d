/**
 * "У вас уже есть открытое обращение": shown before sending when an open ticket in the same category (and
 * about the same course or order) exists; offers to add this text to it as a message instead.
 */
import { useTranslation } from '../shared/i18n-react';
import { failureMessage } from '../shared/failure-message';
import { failureOf, useSendMessage } from '../../api';
import { MAX_MESSAGE_LENGTH } from '../../core';
import type { TicketSummary } from '../../core';
import { Button, Notice } from '../shared/ui';
import { CATEGORY_FIELDS } from './form-values';
import type { TicketFormValues } from './form-values';

/** The message text: subject, description and the category's fields, as the specialist would read them. */
function useMessageText(values: TicketFormValues): string {
  const { t } = useTranslation('form');
  const fields = values.category === '' ? [] : CATEGORY_FIELDS[values.category];
  const parts = [
    values.subject.trim(),
    values.description.trim(),
    ...fields.filter((name) => values[name].trim() !== '').map((name) => `${t(`field.${name}`)}: ${values[name].trim()}`),
  ];
  return parts.filter((part) => part !== '').join('\n\n').slice(0, MAX_MESSAGE_LENGTH);
}

/** The subject's own «» become „“ inside the sentence's «». */
function innerQuotes(subject: string): string {
  return subject.replace(/«/g, '„').replace(/»/g, '“');
}

/** The warning with its "add as a message" action; `onAdded` runs after the server accepted the message. */
export function DuplicateWarning({
  ticket,
  values,
  attachmentIds,
  disabled,
  onAdded,
}: {
  ticket: TicketSummary;
  values: TicketFormValues;
  attachmentIds: readonly string[];
  /** True while attachments upload or the form is sending. */
  disabled: boolean;
  onAdded(ticketId: string): void;
}) {
  const { t } = useTranslation('form');
  const send = useSendMessage(ticket.id);
  const text = useMessageText(values);
  const hasText = values.description.trim() !== '';
  const failure = send.error === null ? null : failureOf(send.error);
  return (
    <Notice tone="warning" title={t('duplicate.title', { number: ticket.number })}>
      <p className="us-notice__text">
        {t('duplicate.text', { subject: innerQuotes(ticket.subject), status: t(`common:status.${ticket.status}`) })}
      </p>
      <Button
        busy={send.isPending}
        disabled={disabled || !hasText}
        onClick={() => send.mutate({ text, attachmentIds: [...attachmentIds] }, { onSuccess: () => onAdded(ticket.id) })}
      >
        {t('duplicate.add', { number: ticket.number })}
      </Button>
      {hasText ? null : <p className="us-field__hint">{t('duplicate.needText')}</p>}
      {failure === null ? null : (
        <p className="us-field__error" role="alert">
          {t('duplicate.failed', { reason: failureMessage(t, failure) })}
        </p>
      )}
    </Notice>
  );
}
