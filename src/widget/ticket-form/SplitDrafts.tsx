/**
 * "Разделить на N обращений": the parts of a multi-problem description as separate drafts the user can
 * review and edit, sent one after another, each registered under its own number.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { CreateTicketResponse } from '../../core';
import { Button, Field, Heading } from '../shared/ui';
import type { FieldControlProps } from '../shared/ui';
import { extendNamespace } from '../shared/i18n';
import { useLazyPart } from '../shared/use-lazy-part';
import { ErrorSummary } from './ErrorSummary';
import type { SummaryEntry } from './ErrorSummary';
import { errorText } from './field-errors';
import { formFieldsMessages } from './fields-messages';
import { CATEGORIES, fieldSpec, IMPACTS, isFieldRequired, localIsoDate, priorityFor } from '../../core';
import type { Category, TicketFieldName } from '../../core';
import type { DraftExtras } from './build-draft';
import { chosenImpact } from './form-values';
import type { TicketFormValues } from './form-values';
import { fieldInput } from './field-input';
import { partFieldNames } from './part-fields';
import { partCategory, partFields, splitItemDraft } from './split-item-draft';
import type { SplitItem } from './stored-draft';
import { useSplitSend } from './useSplitSend';
import type { SplitItemState } from './useSplitSend';
import splitCss from './split.css?inline';

/** Cutting the description into drafts lives with the view that shows them (not in the first open's files). */
export { splitIntoDrafts } from './split-drafts';

/** One field of a part in a category of its own: a plain control, tidied when left like the form's. */
function SplitPartField({ name, category, value, error, readOnly, today, onChange }: {
  name: TicketFieldName;
  category: Category;
  value: string;
  error: string | undefined;
  readOnly: boolean;
  /** The user's today (YYYY-MM-DD): no date after it. */
  today: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useTranslation('form');
  const input = fieldInput(fieldSpec(name).kind);
  const onBlur = () => {
    const tidied = input.tidy?.(value);
    if (tidied !== undefined && tidied !== value) onChange(tidied);
  };
  return (
    <Field label={t(`field.${name}`)} error={error} required={isFieldRequired(name, category)} optionalLabel={t('optional')}>
      {(control) =>
        input.multiline ? (
          <textarea {...control} rows={3} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...control}
            type={input.type}
            inputMode={input.inputMode}
            autoComplete={input.autoComplete}
            max={input.type === 'date' ? today : undefined}
            value={value}
            readOnly={readOnly}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )
      }
    </Field>
  );
}

/** A part's own choice among `codes` (its category, its impact); the form's answer is the caller's `value` until then. */
function PartChoice<T extends string>({ control, value, codes, label, disabled, onChoose }: {
  control: FieldControlProps;
  /** '' shows a «Выберите…» option until one is chosen. */
  value: T | '';
  codes: readonly T[];
  label(code: T): string;
  disabled: boolean;
  onChoose(code: T): void;
}) {
  const { t } = useTranslation('form');
  return (
    <select {...control} value={value} disabled={disabled} onChange={(e) => onChoose(e.target.value as T)}>
      {value === '' ? <option value="">{t('split.choose')}</option> : null}
      {codes.map((code) => (
        <option key={code} value={code}>
          {label(code)}
        </option>
      ))}
    </select>
  );
}

/**
 * One part: editable until it is registered, then its number. Its category is the form's unless the user picks
 * another (the problems differ, so may what they are about); a part in a category of its own asks for that
 * category's fields itself, and in the form's category for the steps or the test's question (the first part from
 * the form's values, a later one empty).
 */
function SplitItemEditor({ item, index, count, state, shared, onChange }: {
  item: SplitItem;
  index: number;
  count: number;
  state: SplitItemState;
  shared: { category: Category; values: TicketFormValues; extras: DraftExtras };
  onChange(item: SplitItem): void;
}) {
  const { t } = useTranslation('form');
  const category = partCategory(item, shared.category);
  const ownFields = partFieldNames(category, shared.category);
  const values = partFields(item, shared.values, category, shared.category, index);
  const errors = state.status === 'invalid' ? state.errors : {};
  const error = (field: TicketFieldName | 'impact') => {
    const code = errors[field];
    return code === undefined ? undefined : errorText(t, field, { type: 'required', message: code });
  };
  // What is wrong outside this part's own controls (its subject, text, impact and fields) is in the form's shared fields.
  const sharedInvalid = Object.keys(errors).some(
    (field) => field !== 'subject' && field !== 'description' && field !== 'impact' && !ownFields.includes(field as TicketFieldName),
  );
  const readOnly = state.status === 'sent' || state.status === 'sending';
  // How much it hurts starts as the form's answer; a part may differ (a wish beside a fault that stops work).
  const formImpact = chosenImpact(shared.values.impact);
  const impact = item.impact ?? formImpact;
  const titleId = useId();
  return (
    <li className="us-split__item" data-state={state.status} data-part={index}>
      {/* Its fields are named by the part they belong to («Обращение 2 из 2»), not only by their labels. */}
      <div role="group" aria-labelledby={titleId}>
        <Heading depth={2} className="us-split__item-title" id={titleId}>{t('split.item', { index: index + 1, count })}</Heading>
        <Field label={t('split.category')}>
          {(control) => (
            <PartChoice
              control={control}
              value={category}
              codes={CATEGORIES}
              label={(code) => t(`common:category.${code}`)}
              disabled={readOnly}
              onChoose={(next) => onChange({ ...item, category: next === shared.category ? undefined : next })}
            />
          )}
        </Field>
        <Field
          label={t('field.impact')}
          // A status region, as the form's own: a changed answer (or category) says the new priority at once.
          hint={impact === '' ? undefined : <span role="status">{t('priority', { priority: t(`priorityValue.${priorityFor(category, impact)}`) })}</span>}
          error={error('impact')}
          required
        >
          {(control) => (
            <PartChoice
              control={control}
              value={impact}
              codes={IMPACTS}
              label={(code) => t(`common:impact.${code}`)}
              disabled={readOnly}
              onChoose={(next) => onChange({ ...item, impact: next === formImpact ? undefined : next })}
            />
          )}
        </Field>
        <Field label={t('field.subject')} error={error('subject')} required>
          {(control) => <input {...control} value={item.subject} readOnly={readOnly} onChange={(e) => onChange({ ...item, subject: e.target.value })} />}
        </Field>
        <Field label={t('field.description')} error={error('description')} required>
          {(control) => <textarea {...control} rows={4} value={item.description} readOnly={readOnly} onChange={(e) => onChange({ ...item, description: e.target.value })} />}
        </Field>
        {ownFields.map((name) => (
          <SplitPartField
            key={name}
            name={name}
            category={category}
            value={values[name] ?? ''}
            error={error(name)}
            readOnly={readOnly}
            today={shared.extras.now === undefined ? undefined : localIsoDate(shared.extras.now())}
            onChange={(value) => onChange({ ...item, fields: { ...item.fields, [name]: value } })}
          />
        ))}
        <p className="us-split__status">
          {state.status === 'sending' ? t('split.sending') : null}
          {state.status === 'sent' ? t('split.sent', { number: state.response.ticket.number }) : null}
          {state.status === 'failed' ? t('split.failed', { reason: state.reason }) : null}
          {sharedInvalid ? t('split.sharedInvalid') : null}
        </p>
      </div>
    </li>
  );
}

/** The split view; `onAllSent` gets every response, in order, once all parts are registered. */
export function SplitDrafts({ items, categoryLabel, hasAttachments, shared, onItemsChange, onBack, onAllSent, onNew }: {
  items: readonly SplitItem[];
  categoryLabel: string;
  hasAttachments: boolean;
  /** What every part shares: the category, the form's other values and extras, the split's group. */
  shared: { category: Category; values: TicketFormValues; extras: DraftExtras; splitGroup?: string | undefined };
  onItemsChange(items: SplitItem[]): void;
  onBack(): void;
  onAllSent(responses: CreateTicketResponse[]): void;
  /** After everything is registered: back to an empty form. */
  onNew(): void;
}) {
  const { t, i18n } = useTranslation('form');
  // Its texts come with the part (a restored split opens here without the fields' part).
  extendNamespace(i18n, 'form', formFieldsMessages);
  // Its rules too: the first open's CSS does without them.
  useLazyPart({}, splitCss);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const statusId = useId();
  const draftFor = (item: SplitItem, index: number) => splitItemDraft(shared.category, shared.values, shared.extras, item, index, shared.splitGroup);
  const { stateOf: sendState, sendAll, running, sentCount } = useSplitSend({ items, draftFor, onAllSent });
  // A part a send found wrong is checked again as it is edited, as the form's fields are: a fixed field loses its
  // message (and its line of the summary) at once. Only what that send found is said: a field that comes with another
  // category is not marked before the next send.
  // Once per render: the summary and the parts' editors read the same states.
  const states = items.map((item, index): SplitItemState => {
    const state = sendState(item);
    if (state.status !== 'invalid') return state;
    const draft = draftFor(item, index);
    const errors = draft.ok ? {} : Object.fromEntries(Object.entries(draft.errors).filter(([field]) => field in state.errors));
    return Object.keys(errors).length === 0 ? { status: 'idle' } : { status: 'invalid', errors };
  });
  const allSent = sentCount === items.length;
  const attempted = states.some((state) => state.status === 'failed');
  useEffect(() => headingRef.current?.focus(), []);
  // A send stopped by a part's missing or wrong field opens a summary, as the form's does: focus goes to it, and each
  // line («Обращение 2 из 2: …») moves to its field.
  const [section, setSection] = useState<HTMLElement | null>(null);
  const [refused, setRefused] = useState(0);
  const summary = refused > 0 ? items.flatMap((item, index) => summaryOf(item, index)) : [];
  function summaryOf(item: SplitItem, index: number): SummaryEntry[] {
    const state = states[index] ?? sendState(item);
    if (state.status !== 'invalid') return [];
    const part = t('split.item', { index: index + 1, count: items.length });
    const own = partFieldNames(partCategory(item, shared.category), shared.category);
    // The part's controls in the order they show: the n-th line goes to the n-th marked control of the part.
    const fields = (['impact', 'subject', 'description', ...own] as const).filter((field) => state.errors[field] !== undefined);
    const lines = fields.map((field, n): SummaryEntry => ({
      key: `${item.idempotencyKey}:${field}`,
      text: `${part}: ${errorText(t, field, { type: 'required', message: state.errors[field] ?? '' })}`,
      focus: () => section?.querySelectorAll<HTMLElement>(`[data-part="${index}"] [aria-invalid="true"]`)[n]?.focus(),
    }));
    const shared_ = Object.keys(state.errors).some((field) => !(fields as readonly string[]).includes(field));
    return shared_ ? [...lines, { key: `${item.idempotencyKey}:shared`, text: `${part}: ${t('split.sharedInvalid')}` }] : lines;
  }
  const sentResponses = states.flatMap((state) => (state.status === 'sent' ? [state.response] : []));
  return (
    <section className="us-split" aria-labelledby={`${statusId}-title`} ref={setSection}>
      {/* The view replaces the form and its heading: it is the panel's second level, under the widget's title. */}
      <Heading depth={1} className="us-section-title" id={`${statusId}-title`} ref={headingRef} tabIndex={-1}>
        {t('split.heading', { count: items.length })}
      </Heading>
      <p>{t('split.intro')}</p>
      <p className="us-field__hint">{t('split.shared', { category: categoryLabel })}</p>
      {hasAttachments ? <p className="us-field__hint">{t('split.files')}</p> : null}
      <ErrorSummary entries={summary} attempt={refused} />
      <ol className="us-split__items">
        {items.map((item, index) => (
          <SplitItemEditor
            key={item.idempotencyKey}
            item={item}
            index={index}
            count={items.length}
            state={states[index] ?? sendState(item)}
            shared={shared}
            onChange={(next) => onItemsChange(items.map((other, i) => (i === index ? next : other)))}
          />
        ))}
      </ol>
      <div role="status" className="us-split__progress">
        {sentCount > 0 ? <p>{allSent ? t('split.done') : t('split.progress', { sent: sentCount, count: items.length })}</p> : null}
        {sentResponses.length > 0 ? (
          <ul aria-label={t('split.results')} className="us-split__results">
            {sentResponses.map((response) => (
              <li key={response.ticket.id}>{t('split.result', { number: response.ticket.number, subject: response.ticket.subject })}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {allSent ? (
        <div className="us-actions">
          <Button onClick={onNew}>{t('split.new')}</Button>
        </div>
      ) : (
        <div className="us-actions">
          <Button
            variant="primary"
            busy={running}
            onClick={() =>
              void sendAll().then((sent) => {
                if (!sent) setRefused((n) => n + 1);
              })
            }
          >
            {attempted ? t('split.retry') : t('split.send', { count: items.length })}
          </Button>
          <Button disabled={running || sentCount > 0} onClick={onBack}>
            {t('split.back')}
          </Button>
        </div>
      )}
    </section>
  );
}
