/** The sections of the ticket form, top to bottom, in the order the error summary lists them. */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { isCommonField, TICKET_FIELD_NAMES } from '../../core';
import type { TicketSummary } from '../../core';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { BrowserInfoDisclosure } from './BrowserInfoDisclosure';
import { CategoryChip } from './CategoryChip';
import { CategoryFields, TableField } from './CategoryFields';
import { CategoryPicker } from './CategoryPicker';
import { Checklist } from './Checklist';
import type { ChecklistItem } from './checklist';
import { ConsentField } from './ConsentField';
import { ContextBlock } from './ContextBlock';
import { DraftRestoredNotice } from './DraftRestoredNotice';
import { DuplicateWarning } from './DuplicateWarning';
import { ErrorSummary } from './ErrorSummary';
import { firstFieldToType, inactiveCategoryFields } from './form-values';
import type { TicketFormValues } from './form-values';
import { ImpactField } from './ImpactField';
import { OneProblemCheck } from './OneProblemCheck';
import type { FormSetup } from './prepare-form';
import { SendFailure } from './SendFailure';
import { isUnreachable } from '../shared/failure-message';
import { useChannels } from '../shared/use-channels';
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

/** Everything inside the <form>: the category choice first, then the chosen category's fields. */
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
  const { setValue, clearErrors, setFocus, getValues } = useFormContext<TicketFormValues>();
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState(0);
  const guest = env.host === null;
  const { failure } = submitter;
  const channels = useChannels();
  const entries = useSummaryEntries({
    category: values.category,
    guest,
    oneProblemRefused: problems.blocked && submitter.attempt > 0,
    focusOneProblem: onFocusProblems,
  });
  // Choosing a category moves straight to where the user types first: no extra click into a field.
  useEffect(() => {
    const values = getValues();
    if (chosen > 0 && values.category !== '') setFocus(firstFieldToType(values.category, values));
  }, [chosen, setFocus, getValues]);
  const top = (
    <>
      {restoredAt === null ? null : <DraftRestoredNotice savedAt={restoredAt} now={env.now()} onDiscard={onDiscardDraft} />}
      <ErrorSummary entries={entries} attempt={submitter.attempt} />
      {guest ? null : <ContextBlock host={env.host} />}
    </>
  );
  if (values.category === '' || picking) {
    return (
      <>
        {top}
        <CategoryPicker
          current={values.category}
          suggestion={setup.suggestion}
          focusOnShow={picking}
          onChoose={(category) => {
            setValue('category', category, { shouldDirty: true });
            clearErrors(['category', ...inactiveCategoryFields(category)]);
            setPicking(false);
            setChosen((n) => n + 1);
          }}
        />
      </>
    );
  }
  const category = values.category;
  const mailto =
    failure !== null && isUnreachable(failure)
      ? ticketMailto(t, values, { to: channels.email, host: env.host, browser: setup.browser, pageUrl: env.pageUrl, attachmentNames: attachments.names, pageErrorCount: setup.pageErrors.length })
      : null;
  const confirm = (text: string) => setValue('confirmedOneProblem', text, { shouldDirty: true });
  const done = checklist === null ? 0 : checklist.filter((item) => item.done).length;
  return (
    <>
      {top}
      <CategoryChip category={category} onChange={() => setPicking(true)} />
      {TICKET_FIELD_NAMES.filter(isCommonField).map((name) => (
        <TableField key={name} name={name} category={category} />
      ))}
      <CategoryFields category={category} />
      {guest ? <ContextBlock host={null} /> : null}
      {attachments.node}
      <ImpactField category={category} impact={values.impact} />
      {checklist === null ? null : <Checklist items={checklist} />}
      <BrowserInfoDisclosure info={setup.browser} pageErrors={setup.pageErrors} />
      {guest ? <ConsentField /> : null}
      {/* Notices that appear while the user types sit at the end, above the bar: nothing above them moves. */}
      <OneProblemCheck
        parts={problems.parts}
        markers={problems.markers}
        confirmed={problems.confirmed}
        panelRef={problems.panelRef}
        onSplit={() => submitter.submit('split')}
        onConfirm={() => confirm(values.description)}
        onUndo={() => confirm('')}
      />
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
      <SubmitBar
        block={sendBlock(attachments, problems.blocked)}
        sending={submitter.sending}
        progress={checklist === null ? null : { done, count: checklist.length }}
      />
    </>
  );
}
