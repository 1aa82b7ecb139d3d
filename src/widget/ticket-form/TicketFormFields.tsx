/** The sections of the ticket form, top to bottom, in the order the error summary lists them. */
import type { RefObject } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import type { TicketSummary } from '../../core';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { BrowserInfoDisclosure } from './BrowserInfoDisclosure';
import { CategoryField } from './CategoryField';
import { CategoryFields } from './CategoryFields';
import { Checklist } from './Checklist';
import type { ChecklistItem } from './checklist';
import { ContextBlock } from './ContextBlock';
import { DraftRestoredNotice } from './DraftRestoredNotice';
import { DuplicateWarning } from './DuplicateWarning';
import { ErrorSummary } from './ErrorSummary';
import type { TicketFormValues } from './form-values';
import { FormTextField } from './FormTextField';
import { ImpactField } from './ImpactField';
import { OneProblemCheck } from './OneProblemCheck';
import type { FormSetup } from './prepare-form';
import { isUnreachable, SendFailure } from './SendFailure';
import { SubmitBar } from './SubmitBar';
import type { SendBlock } from './SubmitBar';
import { ticketMailto } from './ticket-mail';
import { useSummaryEntries } from './useSummaryEntries';
import type { useTicketSubmit } from './useTicketSubmit';

/** Why sending waits, most urgent first. */
function sendBlock(attachments: AttachmentsSlot, oneProblemBlocked: boolean): SendBlock {
  if (attachments.busy) return 'uploading';
  if (attachments.failed) return 'upload-failed';
  return oneProblemBlocked ? 'one-problem' : null;
}

/** Everything inside the <form>. */
export function TicketFormFields({ values, setup, restoredAt, attachments, problems, checklist, duplicate, submitter, onDiscardDraft, onAddedToExisting, onFocusProblems }: {
  values: TicketFormValues;
  setup: FormSetup;
  restoredAt: Date | null;
  attachments: AttachmentsSlot;
  problems: { parts: string[]; markers: string[]; confirmed: boolean; blocked: boolean; panelRef: RefObject<HTMLDivElement | null> };
  checklist: ChecklistItem[] | null;
  duplicate: TicketSummary | null;
  submitter: ReturnType<typeof useTicketSubmit>;
  onDiscardDraft(): void;
  onAddedToExisting(ticketId: string): void;
  onFocusProblems(): void;
}) {
  const env = useWidgetEnv();
  const { t } = useTranslation('form');
  const { setValue } = useFormContext<TicketFormValues>();
  const guest = env.host === null;
  const { failure } = submitter;
  const entries = useSummaryEntries({
    category: values.category,
    guest,
    oneProblemRefused: problems.blocked && submitter.attempt > 0,
    focusOneProblem: onFocusProblems,
  });
  const mailto =
    failure !== null && isUnreachable(failure)
      ? ticketMailto(t, values, { host: env.host, browser: setup.browser, pageUrl: env.pageUrl, attachmentNames: attachments.names, pageErrorCount: setup.pageErrors.length })
      : null;
  const confirm = (text: string) => setValue('confirmedOneProblem', text, { shouldDirty: true });
  return (
    <>
      {restoredAt === null ? null : <DraftRestoredNotice savedAt={restoredAt} now={env.now()} onDiscard={onDiscardDraft} />}
      <ErrorSummary entries={entries} attempt={submitter.attempt} />
      <ContextBlock host={env.host} />
      <CategoryField category={values.category} suggestion={setup.suggestion} />
      <FormTextField name="subject" label={t('field.subject')} hint={t('hint.subject')} />
      <FormTextField name="description" label={t('field.description')} hint={t('hint.description')} multiline />
      <OneProblemCheck
        parts={problems.parts}
        markers={problems.markers}
        confirmed={problems.confirmed}
        panelRef={problems.panelRef}
        onSplit={() => submitter.submit('split')}
        onConfirm={() => confirm(values.description)}
        onUndo={() => confirm('')}
      />
      <CategoryFields category={values.category} />
      {attachments.node}
      <ImpactField category={values.category} impact={values.impact} />
      {checklist === null ? null : <Checklist items={checklist} />}
      <BrowserInfoDisclosure info={setup.browser} pageErrors={setup.pageErrors} />
      {duplicate === null ? null : (
        <DuplicateWarning
          ticket={duplicate}
          values={values}
          attachmentIds={attachments.ids}
          disabled={attachments.busy || submitter.sending}
          onAdded={onAddedToExisting}
        />
      )}
      {failure === null ? null : (
        <SendFailure failure={failure} mailto={mailto} attachmentNames={attachments.names} busy={submitter.sending} onRetry={() => submitter.submit('send')} onSendAsNew={submitter.sendAsNew} />
      )}
      <SubmitBar block={sendBlock(attachments, problems.blocked)} sending={submitter.sending} />
    </>
  );
}
