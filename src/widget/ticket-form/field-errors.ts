/** Field messages: the schemas give codes, shown through i18n with field-specific wording where clearer. */
import { get, useFormState } from 'react-hook-form';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import type { TFunction } from 'i18next';
import { CONTACT_FIELDS, FIELD_ERRORS, TICKET_FIELDS } from '../../core';
import type { FormFieldPath, TicketFormValues } from './form-values';

/** Errors set from the server's `fields` carry its sentence; everything else carries a code. */
export const SERVER_ERROR_TYPE = 'server';

/** The code an error carries, as the field messages know it. */
const codeOf = (error: Pick<FieldError, 'message'>) => FIELD_ERRORS.find((known) => known === error.message) ?? 'invalid';

/** The key of the field's own sentence for an error (`form:error.subject.required`), which may not exist. */
export function ownErrorKey(field: string, error: Pick<FieldError, 'message'>): string {
  return `form:error.${field}.${codeOf(error)}`;
}

/** The text of one field error. */
export function errorText(t: TFunction, field: string, error: Pick<FieldError, 'type' | 'message'>): string {
  if (error.type === SERVER_ERROR_TYPE && error.message !== undefined) return error.message;
  const code = codeOf(error);
  // A text too long names its limit (the counter under the field says by how much).
  const limit = code === 'too_long' ? limitOf(field) : undefined;
  const own = ownErrorKey(field, error);
  const common = `common:fieldError.${code}`;
  return limit === undefined ? t([own, common]) : t([own, 'form:tooLong', common], { count: limit });
}

/** The length limit of a form field (`description`, `contact.fullName`) from the field table, if it has one. */
function limitOf(field: string): number | undefined {
  const [head = '', tail] = field.split('.');
  if (tail === undefined) return Object.hasOwn(TICKET_FIELDS, head) ? TICKET_FIELDS[head as keyof typeof TICKET_FIELDS].maxLength : undefined;
  return head === 'contact' && Object.hasOwn(CONTACT_FIELDS, tail) ? CONTACT_FIELDS[tail as keyof typeof CONTACT_FIELDS].maxLength : undefined;
}

/** The translated error of a field, or undefined. */
export function useFieldErrorText(name: FormFieldPath): string | undefined {
  const { t } = useTranslation('form');
  const { errors } = useFormState<TicketFormValues>({ name });
  const error = get(errors, name) as FieldError | undefined;
  return error === undefined ? undefined : errorText(t, name, error);
}
