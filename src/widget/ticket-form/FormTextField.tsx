/**
 * A registered text input or textarea inside the shared Field (label, hint and error tied to it), with what the
 * field tells before sending: a counter near its length limit, a warning for a link of the wrong kind.
 */
import { useId, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldKind } from '../../core';
import { useTranslation } from '../shared/i18n-react';
import { Field } from '../shared/ui';
import { useFieldErrorText } from './field-errors';
import type { FormFieldPath, TicketFormValues } from './form-values';
import { LengthCounter } from './LengthCounter';
import { LinkWarning } from './LinkWarning';

/** A text field of the ticket form. */
export function FormTextField({
  name,
  label,
  hint,
  required = true,
  multiline = false,
  type = 'text',
  autoComplete,
  inputMode,
  tidy,
  limit,
  link,
  max,
  after,
}: {
  name: Exclude<FormFieldPath, 'category' | 'impact' | 'contact.role'>;
  label: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'url' | 'tel' | 'email' | 'date';
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  /** The value as it should read once the field is left (see `fieldInput`). */
  tidy?: ((value: string) => string) | undefined;
  /** The length limit a counter shows near (never a `maxlength`: a paste is not cut). */
  limit?: number | undefined;
  /** The link kind the field asks for: another kind gets a warning. */
  link?: FieldKind | undefined;
  /** The latest date a date field offers (YYYY-MM-DD). */
  max?: string | undefined;
  /** What the form has to say about the value, under the field («Похоже, здесь 2 разные проблемы»). */
  after?: ReactNode;
}) {
  const { t } = useTranslation('form');
  const { register, setValue } = useFormContext<TicketFormValues>();
  const error = useFieldErrorText(name);
  const [editing, setEditing] = useState(false);
  const ids = useId();
  const counterId = `${ids}-counter`;
  const warningId = `${ids}-warning`;
  const registration = register(name, {
    onBlur: (event: { target: { value: string } }) => {
      setEditing(false);
      const tidied = tidy?.(event.target.value) ?? event.target.value;
      if (tidied !== event.target.value) setValue(name, tidied, { shouldDirty: true });
    },
  });
  return (
    <Field label={label} hint={hint} error={error} required={required} optionalLabel={t('optional')}>
      {(control) => {
        // The counter and the warning describe the field too (each is there, empty, when it has nothing to say).
        const own = { ...control, 'aria-describedby': [control['aria-describedby'], limit === undefined ? null : counterId, link === undefined ? null : warningId].filter(Boolean).join(' ') || undefined };
        return (
          <>
            {multiline ? (
              <textarea {...own} {...registration} rows={5} onFocus={() => setEditing(true)} />
            ) : (
              <input {...own} {...registration} type={type} autoComplete={autoComplete} inputMode={inputMode} max={max} onFocus={() => setEditing(true)} />
            )}
            {limit === undefined ? null : <LengthCounter id={counterId} name={name} limit={limit} />}
            {link === undefined ? null : <LinkWarning id={warningId} name={name} kind={link} editing={editing} />}
            {after}
          </>
        );
      }}
    </Field>
  );
}
