/** Field messages: the schemas give codes, shown through i18n with field-specific wording where clearer. */
import { get, useFormState } from 'react-hook-form';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import type { TFunction } from 'i18next';
import { FIELD_ERRORS } from '../../core';
import type { FormFieldPath, TicketFormValues } from './form-values';

/** Errors set from the server's `fields` carry its sentence; everything else carries a code. */
export const SERVER_ERROR_TYPE = 'server';

/** The text of one field error. */
export function errorText(t: TFunction, field: string, error: Pick<FieldError, 'type' | 'message'>): string {
  if (error.type === SERVER_ERROR_TYPE && error.message !== undefined) return error.message;
  const code = FIELD_ERRORS.find((known) => known === error.message) ?? 'invalid';
  return t([`form:error.${field}.${code}`, `common:fieldError.${code}`]);
}

/** The translated error of a field, or undefined. */
export function useFieldErrorText(name: FormFieldPath): string | undefined {
  const { t } = useTranslation('form');
  const { errors } = useFormState<TicketFormValues>({ name });
  const error = get(errors, name) as FieldError | undefined;
  return error === undefined ? undefined : errorText(t, name, error);
}
