/** The "new ticket" screen (in the widget file, the first thing an open shows): hours banner, the form with its attachments, other channels. */
import { memo, useCallback, useEffect, useState } from 'react';
import type { CreateTicketResponse } from '../../../core';
import type { FollowUpSource } from '../../ticket-form/follow-up';
import { ChannelsPanel, HoursBanner, supportMessages } from '../../support-info';
import supportCss from '../../support-info/styles.css?inline';
import { formMessages, TicketForm } from '../../ticket-form';
import formCss from '../../ticket-form/styles.css?inline';
import { useWidgetEnv } from '../../shared/env';
import { commonMessages } from '../../shared/messages';
import { useFirstUse } from '../../shared/first-use';
import { afterPaint } from '../../shared/lazy-module';
import { useLazyPart } from '../../shared/use-lazy-part';
import { categoryFormPart } from '../../ticket-form/category-form-part';
import { prepareValidation } from '../../ticket-form/resolver';
import { useFormAttachments } from '../form-attachments';

const NAMESPACES = { common: commonMessages, form: formMessages, support: supportMessages };
const CSS = [formCss, supportCss].join('\n');

/** Props of the form screen. */
export interface FormScreenProps {
  /** Whether the user sees the form (the panel is open on it): parts it does not need at first come after that. */
  shown?: boolean;
  /** Changes to start a fresh form (after sending, or when the host opens with pre-filled fields). */
  formKey: number;
  onSent(response: CreateTicketResponse): void;
  onSplitSent(responses: CreateTicketResponse[]): void;
  onAddedToExisting(ticketId: string): void;
  /** The final ticket the new one continues, if the user asked for a follow-up. */
  followUp?: FollowUpSource | undefined;
  onCancelFollowUp?: (() => void) | undefined;
}

/** The form screen. */
function FormScreen({ shown = true, formKey, onSent, onSplitSent, onAddedToExisting, followUp, onCancelFollowUp }: FormScreenProps) {
  useLazyPart(NAMESPACES, CSS);
  const env = useWidgetEnv();
  // The fields past the category choice come right after the form's first frame the user sees (not while the
  // panel is prepared, hidden, before a click): there before a category can be chosen, offline included,
  // without being part of that frame. The attachments and the draft's schemas come at the panel's first use
  // (a pointer moved or pressed in it, a key), long before a send: an open only looked at does without them.
  const attachments = useFormAttachments(`form:${env.userKey}`, shown);
  useEffect(() => (shown ? afterPaint(() => void categoryFormPart.load().catch(() => undefined)) : undefined), [shown]);
  const { prepare } = attachments;
  // A form started afresh on the page the host moved to (TicketForm's onStalePage).
  const [restart, setRestart] = useState(0);
  const startAgain = useCallback(() => setRestart((n) => n + 1), []);
  useFirstUse(shown, () => {
    void prepare?.();
    void prepareValidation();
  });
  return (
    <>
      <HoursBanner />
      <TicketForm
        key={`${formKey}.${restart}`}
        attachments={attachments}
        onSent={(response) => {
          attachments.clear();
          onSent(response);
        }}
        onSplitSent={(responses) => {
          attachments.clear();
          onSplitSent(responses);
        }}
        onAddedToExisting={onAddedToExisting}
        followUp={followUp}
        onCancelFollowUp={onCancelFollowUp}
        onStalePage={startAgain}
      />
      <ChannelsPanel />
    </>
  );
}

/** Memoised: the shell re-renders for its tab badge when the ticket list answers, and the form need not. */
export default memo(FormScreen);
