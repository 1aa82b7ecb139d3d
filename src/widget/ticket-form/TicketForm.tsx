/** The ticket form: one problem, everything support needs, never lost (docs/architecture.md). */
import { useEffect, useId, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { useTickets } from '../../api';
import type { CreateTicketResponse, TicketDraft } from '../../core';
import { Button, Heading, Notice } from '../shared/ui';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { lazyModule, useLazyModule } from '../shared/lazy-module';
import { randomKey } from './browser';
import type { DraftExtras } from './build-draft';
import { followUpValues } from './follow-up';
import type { FollowUpSource } from './follow-up';
import { sameValues } from './form-values';
import type { TicketFormValues } from './form-values';
import { isOneProblemConfirmed } from './one-problem-confirmation';
import { prepareForm, withContact } from './prepare-form';
import { writeRememberedContact } from './remembered-contact';
import type { ContactMemory } from './remembered-contact';
import { ticketResolver } from './resolver';
import { splitGroupOf, type SplitItem } from './stored-draft';
import { TicketFormFields } from './TicketFormFields';
import { useBeforeUnload } from './useBeforeUnload';
import { useDraftAutosave } from './useDraftAutosave';
import { useProblemCheck } from './useProblemCheck';
import { focusProblems } from './reveal-field';
import { FieldsPending } from './FieldsPending';
import { useTicketSubmit } from './useTicketSubmit';

/** The split view, loaded once the check finds several problems (or a stored draft was being split). */
const splitView = lazyModule(() => import('./SplitDrafts'));

/** Props of {@link TicketForm}. */
export interface TicketFormProps {
  /** The attachments picker and its state, built by the app shell from the attachments feature. */
  attachments: AttachmentsSlot;
  /** A ticket was registered (the app shows the confirmation and timeline). */
  onSent(response: CreateTicketResponse): void;
  /** The text was added as a message to the user's open ticket instead. */
  onAddedToExisting(ticketId: string): void;
  /** A split description was registered as several tickets, in order. */
  onSplitSent(responses: CreateTicketResponse[]): void;
  /** Makes idempotency keys (crypto.randomUUID by default); a seam for tests and stories. */
  createIdempotencyKey?: () => string;
  /** The final ticket this one continues: the form starts from it and sends `followUpOf`. */
  followUp?: FollowUpSource | undefined;
  /** Leaves the follow-up for an ordinary new ticket (no button without it). */
  onCancelFollowUp?: (() => void) | undefined;
  /** The host page changed (a single-page LMS's navigation) before the user changed anything: start from it. */
  onStalePage?: (() => void) | undefined;
}

/** The ticket form; reads the environment with useWidgetEnv() and the API through the src/api hooks. */
export function TicketForm(props: TicketFormProps) {
  const { attachments, onSent, onAddedToExisting, onSplitSent, createIdempotencyKey = randomKey, followUp } = props;
  const env = useWidgetEnv();
  const { t } = useTranslation('form');
  const headingId = useId();
  // «Создать продолжение» hid the ticket it was on: the focus goes to what the form now continues.
  const followUpRef = useRef<HTMLDivElement>(null);
  const followUpId = followUp?.id;
  useEffect(() => {
    if (followUpId !== undefined) followUpRef.current?.focus();
  }, [followUpId]);
  const [setup] = useState(() =>
    prepareForm(
      env,
      createIdempotencyKey,
      followUp === undefined ? undefined : { ticketId: followUp.id, values: followUpValues(followUp, t('followUp.subject', { number: followUp.number, subject: followUp.subject })) },
    ),
  );
  const [idempotencyKey, setIdempotencyKey] = useState(setup.idempotencyKey);
  const [split, setSplit] = useState<SplitItem[] | null>(setup.split);
  // Once every part is registered the split view stays to list the numbers, but nothing is unsent.
  const [splitDone, setSplitDone] = useState(false);
  const [restoredAt, setRestoredAt] = useState(setup.restoredAt);
  // A guest's remembered contact is kept as it is typed: it is no unsent change, and the next ticket starts with it.
  const [remembered, setRemembered] = useState(setup.remembered);
  const base = withContact(setup.base, remembered);
  const memory: ContactMemory = {
    contact: remembered,
    remember: (contact) => {
      writeRememberedContact(env.textStore, contact);
      setRemembered(contact);
    },
  };
  const [panelFocus, setPanelFocus] = useState(0);
  // The split view's file did not load: said beside «Разделить», whose next press tries again.
  const [splitFailed, setSplitFailed] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const guest = env.host === null;
  const extras: DraftExtras = { browser: setup.browser, attachmentIds: attachments.ids, pageUrl: env.pageUrl, pageErrors: setup.pageErrors, guest, now: env.now };

  const form = useForm<TicketFormValues, DraftExtras, TicketDraft>({
    defaultValues: setup.initial,
    resolver: ticketResolver,
    context: extras,
    shouldFocusError: false, // focus goes to the error summary instead
  });
  // useWatch gives the complete values: every field has a default.
  const values = useWatch({ control: form.control }) as TicketFormValues;
  const unsent = !splitDone && (!sameValues(values, base) || split !== null);
  // The page the form was prepared on: its link and suggested category. A form the user has not touched follows
  // the page; one they have keeps what it was about.
  const [preparedOn] = useState(env.pageUrl);
  const { onStalePage } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const stale = env.pageUrl !== preparedOn && !unsent && followUp === undefined;
  useEffect(() => {
    // Not under the user's focus (a page's re-render while they tab through the options): that would drop it. The
    // form follows the page once the focus leaves it (onBlur below).
    if (stale && formRef.current?.matches(':focus-within') !== true) onStalePage?.();
  }, [stale, onStalePage]);
  const autosave = useDraftAutosave({
    store: env.textStore,
    storageKey: setup.storageKey,
    snapshot: unsent ? { values, idempotencyKey, ...(split === null ? {} : { split }) } : null,
    now: env.now,
  });
  useBeforeUnload(unsent);
  // The subject last proposed from the description (the fields' part proposes it: useSubjectFromDescription).
  const subjectProposalRef = useRef<string | null>(null);
  const problems = useProblemCheck(values.description);
  const confirmed = isOneProblemConfirmed(values);
  const blockedByProblems = problems.parts.length > 1 && !confirmed;
  const splitModule = useLazyModule(splitView, split !== null || problems.parts.length > 1);
  // The user's tickets, for the open duplicate the fields warn about: read when the fields are there.
  const tickets = useTickets(!guest, values.category !== '');

  useEffect(() => {
    if (panelFocus > 0) focusProblems(panelRef.current);
  }, [panelFocus]);
  // A split restored with the draft waits for its view; one that does not load offers to try again (clearing
  // the failure loads it again).
  const restoringSplit = split !== null && splitModule === undefined;
  useEffect(() => {
    if (restoringSplit && !splitFailed) void splitView.load().catch(() => setSplitFailed(true));
  }, [restoringSplit, splitFailed]);

  const submitter = useTicketSubmit({
    form,
    idempotencyKey,
    // A refused key (the first attempt did register, then the text changed) is replaced, and kept with the draft.
    renewIdempotencyKey: () => {
      const key = createIdempotencyKey();
      setIdempotencyKey(key);
      return key;
    },
    guest,
    checkNow: problems.checkNow,
    // The split view is asked for as soon as the check finds several problems; a failed load is tried again
    // at the next press. Its message goes at the press, so a second failure is announced again.
    onSplit: (parts) => {
      setSplitFailed(false);
      void splitView.load().then((module) => setSplit(module.splitIntoDrafts(parts, createIdempotencyKey)), () => setSplitFailed(true));
    },
    onRefusedOneProblem: () => setPanelFocus((n) => n + 1),
    onServerSeveral: problems.adoptServerCheck,
    onSent: (response) => {
      startOver();
      onSent(response);
    },
    followUpOf: followUp?.id,
  });

  /** A fresh draft after this one was sent, added elsewhere or discarded. */
  function startOver(): void {
    autosave.discard();
    attachments.clear();
    form.reset(base);
    setIdempotencyKey(createIdempotencyKey());
    setSplit(null);
    setSplitDone(false);
    setRestoredAt(null);
    submitter.resetFailure();
  }

  if (split !== null && values.category !== '') {
    const category = values.category;
    const splitGroup = splitGroupOf(split);
    const SplitDrafts = splitModule?.SplitDrafts;
    if (SplitDrafts === undefined) {
      return (
        <div className="us-ticket-form">
          <FieldsPending failed={splitFailed} onRetry={() => setSplitFailed(false)} onType={() => undefined} />
        </div>
      );
    }
    return (
      <div className="us-ticket-form">
        <SplitDrafts
          items={split}
          categoryLabel={t(`common:category.${category}`)}
          hasAttachments={attachments.ids.length > 0}
          shared={{ category, values, extras, splitGroup }}
          onItemsChange={setSplit}
          onBack={() => {
            // Back where the user chose to split: the check's panel, with its two ways on.
            setSplit(null);
            setPanelFocus((n) => n + 1);
          }}
          onAllSent={(responses) => {
            autosave.discard();
            attachments.clear();
            setSplitDone(true);
            onSplitSent(responses);
          }}
          onNew={startOver}
        />
      </div>
    );
  }

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        className="us-ticket-form"
        noValidate
        aria-labelledby={headingId}
        onBlur={(event) => {
          if (stale && !event.currentTarget.contains(event.relatedTarget as Node | null)) onStalePage?.();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          submitter.submit('send');
        }}
      >
        {/* Focusable: where the focus goes when a discarded draft leaves the form at its fields. */}
        <Heading depth={1} className="us-visually-hidden" id={headingId} tabIndex={-1}>
          {t('heading')}
        </Heading>
        {followUp === undefined ? null : (
          <div className="us-follow-up-form" ref={followUpRef} tabIndex={-1}>
            <Notice tone="info">
              <p className="us-follow-up-form__title">{t('followUp.notice', { number: followUp.number })}</p>
              {props.onCancelFollowUp === undefined ? null : (
                <Button variant="ghost" onClick={props.onCancelFollowUp}>
                  {t('followUp.cancel')}
                </Button>
              )}
            </Notice>
          </div>
        )}
        <TicketFormFields
          values={values}
          setup={setup}
          restoredAt={restoredAt}
          attachments={attachments}
          problems={{ parts: problems.parts, markers: problems.markers, confirmed, blocked: blockedByProblems, panelRef, splitFailed }}
          subjectProposalRef={subjectProposalRef}
          tickets={tickets.data}
          memory={memory}
          submitter={submitter}
          onDiscardDraft={startOver}
          onAddedToExisting={(ticketId) => {
            startOver();
            onAddedToExisting(ticketId);
          }}
          onFocusProblems={() => setPanelFocus((n) => n + 1)}
        />
      </form>
    </FormProvider>
  );
}
