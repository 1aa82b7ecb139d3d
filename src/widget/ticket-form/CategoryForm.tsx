/**
 * The form past the category choice: the chip, the category's fields, attachments, impact, checklist, what is
 * sent along, and the notices and bar at the end. A chunk of its own: the first frame shows the choice, and
 * this part loads right after it, before a category can be chosen.
 */
import type { RefObject } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { isCommonField, TICKET_FIELD_NAMES } from '../../core';
import type { Category, TicketDraft, TicketSummary } from '../../core';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { extendNamespace } from '../shared/i18n';
import { isUnreachable } from '../shared/failure-message';
import { useChannels } from '../shared/use-channels';
import { BrowserInfoDisclosure } from './BrowserInfoDisclosure';
import { browserInfoOf } from './build-draft';
import { CategoryChip } from './CategoryChip';
import { CategoryFields, TableField } from './CategoryFields';
import { Checklist } from './Checklist';
import { checklistItems } from './checklist';
import { ConsentField } from './ConsentField';
import { findOpenDuplicate } from './duplicates';
import { DuplicateWarning } from './DuplicateWarning';
import { GuestContextBlock } from './GuestContextBlock';
import type { TicketFormValues } from './form-values';
import { ImpactField } from './ImpactField';
import { formFieldsMessages } from './fields-messages';
import { OneProblemCheck, ProblemsPointer } from './OneProblemCheck';
import { focusProblems } from './reveal-field';
import type { FormSetup } from './prepare-form';
import type { ContactMemory } from './remembered-contact';
import { SendFailure } from './SendFailure';
import { SubmitBar } from './SubmitBar';
import type { SendBlock } from './SubmitBar';
import { ticketMailto } from './ticket-mail';
import type { useTicketSubmit } from './useTicketSubmit';
import { useSubjectFromDescription } from './useSubjectFromDescription';
import type { DraftExtras } from './build-draft';

/** The part's CSS, adopted into the shadow root with it (the first screen's is in styles.css). */
export { default as fieldsCss } from './fields.css?inline';

/** Why sending waits, most urgent first. */
function sendBlock(attachments: AttachmentsSlot, oneProblemBlocked: boolean): SendBlock {
  if (attachments.busy) return 'uploading';
  if (attachments.failed) return 'upload-failed';
  return oneProblemBlocked ? 'one-problem' : null;
}

/** Props of {@link CategoryForm}. */
export interface CategoryFormProps {
  category: Category;
  values: TicketFormValues;
  setup: FormSetup;
  attachments: AttachmentsSlot;
  /** The check's verdict and the user's answer; `splitFailed`: the last «Разделить» could not load the split view. */
  problems: { parts: string[]; markers: string[]; confirmed: boolean; blocked: boolean; panelRef: RefObject<HTMLDivElement | null>; splitFailed: boolean };
  /** The subject last proposed from the description, kept by the form while this part comes and goes. */
  subjectProposalRef: RefObject<string | null>;
  /** The user's tickets, once known (none for a guest): an open one about the same may take the text instead. */
  tickets: TicketSummary[] | undefined;
  /** A guest's contact remembered on this device, and the way to keep or forget it. */
  memory: ContactMemory;
  submitter: ReturnType<typeof useTicketSubmit>;
  onChangeCategory(): void;
  onAddedToExisting(ticketId: string): void;
}

/** Everything below the category choice, in the order the error summary lists it. */
export function CategoryForm({ category, values, setup, attachments, problems, subjectProposalRef, tickets, memory, submitter, onChangeCategory, onAddedToExisting }: CategoryFormProps) {
  const env = useWidgetEnv();
  const { t, i18n } = useTranslation('form');
  // The part's own texts, before anything below reads them.
  extendNamespace(i18n, 'form', formFieldsMessages);
  const form = useFormContext<TicketFormValues, DraftExtras, TicketDraft>();
  const { setValue } = form;
  // From the first problem when the check found several: a subject joining two problems would say neither.
  useSubjectFromDescription(form, (problems.parts.length > 1 ? problems.parts[0] : undefined) ?? values.description, subjectProposalRef);
  const channels = useChannels();
  const guest = env.host === null;
  const browser = browserInfoOf(setup.browser);
  const { failure } = submitter;
  const mailto =
    failure !== null && isUnreachable(failure)
      ? ticketMailto(t, values, { to: channels.email, host: env.host, browser, pageUrl: env.pageUrl, attachmentNames: attachments.names, pageErrorCount: setup.pageErrors.length })
      : null;
  const confirm = (text: string) => setValue('confirmedOneProblem', text, { shouldDirty: true });
  const checklist = checklistItems(category, values, { hasImage: attachments.hasImage, guest, severalProblems: problems.parts.length > 1 });
  const showProblems = () => focusProblems(problems.panelRef.current);
  const done = checklist.filter((item) => item.done).length;
  // A text of several problems is not one ticket's message: the open one about the same is offered once it is one.
  const duplicate = problems.blocked ? null : findOpenDuplicate(tickets ?? [], values);
  return (
    <>
      <CategoryChip category={category} onChange={onChangeCategory} />
      {TICKET_FIELD_NAMES.filter(isCommonField).map((name) => (
        <TableField
          key={name}
          name={name}
          category={category}
          after={name === 'description' && !problems.confirmed ? <ProblemsPointer count={problems.parts.length} onShow={showProblems} /> : undefined}
        />
      ))}
      <CategoryFields category={category} />
      {guest ? <GuestContextBlock memory={memory} /> : null}
      {attachments.node}
      <ImpactField category={category} impact={values.impact} />
      <Checklist items={checklist} category={category} onShowProblems={showProblems} />
      <BrowserInfoDisclosure info={browser} pageErrors={setup.pageErrors} />
      {guest ? <ConsentField /> : null}
      {/* Notices that appear while the user types sit at the end, above the bar: nothing above them moves. */}
      <OneProblemCheck
        parts={problems.parts}
        markers={problems.markers}
        confirmed={problems.confirmed}
        panelRef={problems.panelRef}
        splitFailed={problems.splitFailed}
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
        progress={{ done, count: checklist.length }}
        // The one-problem panel holds the two ways on; uploads say how they stand in the list itself.
        onBlockedPress={(block) => {
          if (block === 'one-problem') showProblems();
        }}
      />
    </>
  );
}
