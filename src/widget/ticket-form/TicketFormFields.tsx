/** The sections of the ticket form, top to bottom, in the order the error summary lists them. */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { TicketSummary } from '../../core';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { focusFell } from '../shared/focus-fell';
import { useLazyModule, useLoadedModule } from '../shared/lazy-module';
import { categoryFormPart, restoredNoticePart } from './category-form-part';
import type { CategoryFormProps } from './CategoryForm';
import { CategoryPicker } from './CategoryPicker';
import { ContextBlock } from './ContextBlock';
import { ErrorSummary } from './ErrorSummary';
import { FieldsPending } from './FieldsPending';
import type { TypedChange } from './FieldsPending';
import { firstFieldToType, inactiveCategoryFields } from './form-values';
import type { TicketFormValues } from './form-values';
import type { FormSetup } from './prepare-form';
import { revealChosenField } from './reveal-field';
import { useSummaryEntries } from './useSummaryEntries';
import type { useTicketSubmit } from './useTicketSubmit';
import { touchOnly } from '../shared/media';

/** Everything inside the <form>: the category choice first, then the chosen category's fields. */
export function TicketFormFields({ values, setup, restoredAt, attachments, problems, subjectProposalRef, tickets, memory, submitter, onDiscardDraft, onAddedToExisting, onFocusProblems }: {
  values: TicketFormValues;
  setup: FormSetup;
  restoredAt: Date | null;
  attachments: AttachmentsSlot;
  problems: CategoryFormProps['problems'];
  subjectProposalRef: CategoryFormProps['subjectProposalRef'];
  /** The user's tickets, once known (none for a guest). */
  tickets: TicketSummary[] | undefined;
  memory: CategoryFormProps['memory'];
  submitter: ReturnType<typeof useTicketSubmit>;
  onDiscardDraft(): void;
  onAddedToExisting(ticketId: string): void;
  onFocusProblems(): void;
}) {
  const env = useWidgetEnv();
  const { setValue, clearErrors, getValues } = useFormContext<TicketFormValues>();
  const [picking, setPicking] = useState(false);
  // A page's button that opens the form for a category (`open({ category })`, no draft in the way) is a choice made:
  // the form goes to the first field to type, as a choice in the form does.
  const [fromPage] = useState(() => env.prefill?.category !== undefined && setup.restoredAt === null);
  const [chosen, setChosen] = useState(fromPage ? 1 : 0);
  // Typed into the busy box while the fields load; the first field takes it.
  const typed = useRef('');
  const onType = useCallback((change: TypedChange) => {
    typed.current = change(typed.current);
  }, []);
  const guest = env.host === null;
  const needed = values.category !== '' && !picking;
  // Whether the fields have been shown: once they have, they stay loaded and styled.
  const [fieldsShown, setFieldsShown] = useState(needed);
  if (needed && !fieldsShown) setFieldsShown(true);
  // Loaded right after the form's first frame the user sees (FormScreen.tsx), it renders nothing until the
  // fields are shown: the choice's render reads it then.
  const part = useLoadedModule(categoryFormPart, needed);
  // The fields show with the attachment zone below them (loaded at the panel's first use), never before it: it
  // would push them down as it arrived. The zone arrives without rendering this: while the fields wait for it,
  // its arrival renders (below).
  const waiting = attachments.pending === true;
  const fields = waiting ? undefined : part;
  // A restored draft is rare: its notice is a part of its own, asked for only then (it shows a moment later).
  const notice = useLazyModule(restoredNoticePart, restoredAt !== null);
  // A part that could not load shows the way to try again instead of the fields.
  const [unavailable, setUnavailable] = useState(false);
  const load = useCallback(() => {
    categoryFormPart.load().catch(() => setUnavailable(true));
  }, []);
  const retry = () => {
    setUnavailable(false);
    load();
  };
  // With the attachment zone, at once when the form opens past the choice (a restored draft, a pre-filled
  // category) or a category is chosen; before that, the form's screen asks for both ahead (FormScreen.tsx).
  const [, arrived] = useReducer((count: number) => count + 1, 0);
  const { prepare } = attachments;
  useEffect(() => {
    if (!needed) return;
    if (part === undefined) load();
    if (waiting) void prepare?.().then(arrived);
  }, [part, needed, load, waiting, prepare]);
  // Its CSS stays while the form does: choosing the category again does not adopt it again.
  const { adoptStyles } = env;
  const styled = fieldsShown ? part : undefined;
  useLayoutEffect(() => (styled === undefined ? undefined : adoptStyles?.(styled.fieldsCss)), [styled, adoptStyles]);
  const entries = useSummaryEntries({
    category: values.category,
    guest,
    oneProblemRefused: problems.blocked && submitter.attempt > 0 && submitter.refused === 'send',
    focusOneProblem: onFocusProblems,
  });
  // Choosing a category moves straight to where the user types first: no extra click into a field. Focused
  // here rather than by react-hook-form's setFocus (a task later), so the scroll below is the last word.
  useEffect(() => {
    const values = getValues();
    if (chosen === 0 || fields === undefined || values.category === '') return;
    const root = env.container?.()?.getRootNode() ?? document;
    if (!(root instanceof ShadowRoot || root instanceof Document)) return;
    // Only focus the user left with the choice: on the placeholder the fields came in place of, fallen to the page
    // with the option that was clicked, on the panel's title that opening gave it, or on the page's button that
    // opened the form for its category; not focus they have since moved on (in the panel or the page).
    const active = root.activeElement;
    const byPage = fromPage && chosen === 1 && (active === null || active.closest('.us-root') === null);
    if (!focusFell(root) && !byPage && !(active instanceof HTMLElement && (active.classList.contains('us-form-part') || active.classList.contains('us-shell__title')))) return;
    // On a touch screen a focused text field brings up the keyboard before the form is seen: the focus goes to
    // the chosen category's «Изменить» at the form's top instead.
    const change = touchOnly() ? root.querySelector('.us-chip__change') : null;
    if (change instanceof HTMLElement) {
      change.focus({ preventScroll: true });
      return;
    }
    const name = firstFieldToType(values.category, values);
    const field = root.querySelector(`[name="${name}"]`);
    if (!(field instanceof HTMLElement)) return;
    const ahead = typed.current;
    typed.current = '';
    field.focus({ preventScroll: true });
    // Into a text field, the caret after it, as if typed there.
    if (ahead !== '' && (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text'))) {
      setValue(name, field.value + ahead, { shouldDirty: true });
      field.setSelectionRange(field.value.length, field.value.length);
    }
    revealChosenField(field);
  }, [chosen, fields, getValues, setValue, env, fromPage]);
  const top = (
    <>
      {restoredAt === null || notice === undefined ? null : <notice.DraftRestoredNotice savedAt={restoredAt} now={env.now()} requested={setup.requested ?? undefined} onDiscard={onDiscardDraft} />}
      <ErrorSummary entries={entries} attempt={submitter.attempt} splitting={submitter.refused === 'split'} />
      {env.host === null ? null : <ContextBlock host={env.host} />}
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
          waiting={attachments.waiting}
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
  const Part = fields?.CategoryForm;
  if (Part === undefined) {
    return (
      <>
        {top}
        <FieldsPending failed={unavailable} onRetry={retry} focusOnShow={chosen > 0} onType={onType} />
      </>
    );
  }
  return (
    <>
      {top}
      <Part
        category={values.category}
        values={values}
        setup={setup}
        attachments={attachments}
        problems={problems}
        subjectProposalRef={subjectProposalRef}
        tickets={tickets}
        memory={memory}
        submitter={submitter}
        onChangeCategory={() => setPicking(true)}
        onAddedToExisting={onAddedToExisting}
      />
    </>
  );
}
