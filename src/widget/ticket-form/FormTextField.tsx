/** A registered text input or textarea inside the shared Field (label, hint and error tied to it). */
import { useFormContext } from 'react-hook-form';
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Field } from '../shared/ui';
import { useFieldErrorText } from './field-errors';
import type { FormFieldPath, TicketFormValues } from './form-values';

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
}) {
  const { t } = useTranslation('form');
  const { register, setValue } = useFormContext<TicketFormValues>();
  const error = useFieldErrorText(name);
  const registration = register(
    name,
    tidy === undefined
      ? undefined
      : {
          onBlur: (event: { target: { value: string } }) => {
            const tidied = tidy(event.target.value);
            if (tidied !== event.target.value) setValue(name, tidied, { shouldDirty: true });
          },
        },
  );
  return (
    <Field label={label} hint={hint} error={error} required={required} optionalLabel={t('optional')}>
      {(control) =>
        multiline ? (
          <textarea {...control} {...registration} rows={5} />
        ) : (
          <input {...control} {...registration} type={type} autoComplete={autoComplete} inputMode={inputMode} />
        )
      }
    </Field>
  );
}
