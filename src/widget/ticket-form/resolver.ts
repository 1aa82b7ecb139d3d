/**
 * The form's resolver: builds the draft of the active category from the values and validates it with the
 * wire schema of its category (`draftSchemaFor`, zod/mini) through @hookform/resolvers' zodResolver (draft-validator.ts),
 * then puts each message code back on the form field that shows it. A valid result is the parsed draft, ready
 * to send.
 */
import { get, set } from 'react-hook-form';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type { TicketDraft } from '../../core';
import { lazyModule } from '../shared/lazy-module';
import type { DraftExtras } from './build-draft';
import { fieldForDraftPath } from './draft-paths';
import type { TicketFormValues } from './form-values';

// The validator is a chunk of its own (a category's schema is built at its first validation): no part of
// opening the form.
const validatorModule = lazyModule(() => import('./draft-validator'));
const loadValidator = () => validatorModule.load();

/** Builds the validator ahead of the first send (right after the form is first shown); never rejects. */
export function prepareValidation(): Promise<void> {
  return loadValidator().then(
    () => undefined,
    () => undefined,
  );
}

/** Where errors with no field of their own go (browser info, attachment count): shown in the summary. */
export const DRAFT_ROOT_ERROR = 'root.draft';

/** Leaf errors of a nested error object, by dotted path. */
function flatten(errors: Record<string, unknown>, prefix = ''): Array<[string, FieldError]> {
  return Object.entries(errors).flatMap(([key, value]): Array<[string, FieldError]> => {
    if (typeof value !== 'object' || value === null) return [];
    const path = prefix + key;
    if (typeof (value as FieldError).message === 'string') return [[path, value as FieldError]];
    return flatten(value as Record<string, unknown>, `${path}.`);
  });
}

/** The react-hook-form resolver; `context` carries the extras of {@link DraftExtras}. */
export const ticketResolver: Resolver<TicketFormValues, DraftExtras, TicketDraft> = async (values, context, options) => {
  if (context === undefined) throw new Error('ticketResolver needs the draft extras as the form context');
  // Without a category the common fields are still worth checking: validate them as "other".
  const { buildDraftCandidate, draftValidator } = await loadValidator();
  const category = values.category === '' ? 'other' : values.category;
  const candidate = buildDraftCandidate(category, values, context);
  const result = await draftValidator(category, context.now?.())(candidate, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
    ...(options.criteriaMode === undefined ? {} : { criteriaMode: options.criteriaMode }),
  });
  const errors: FieldErrors<TicketFormValues> = {};
  for (const [path, error] of flatten(result.errors)) {
    const field = fieldForDraftPath(path) ?? DRAFT_ROOT_ERROR;
    if (get(errors, field) === undefined) set(errors, field, { type: error.type, message: error.message ?? 'invalid' });
  }
  if (values.category === '') set(errors, 'category', { type: 'required', message: 'required' });
  if (Object.keys(errors).length > 0) return { values: {}, errors };
  return { values: result.values as TicketDraft, errors: {} };
};
