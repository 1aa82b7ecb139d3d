/** A registered radio group: a fieldset (role radiogroup) with a legend, its options and its error. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useFieldErrorText } from './field-errors';
import type { TicketFormValues } from './form-values';

/** One option. */
export interface RadioOption {
  value: string;
  label: string;
}

/** Radio buttons for `category` or `impact`; the error and hint describe the whole group. */
export function RadioGroup({
  name,
  legend,
  hint,
  options,
  onChange,
  children,
}: {
  name: 'category' | 'impact';
  legend: string;
  hint?: string;
  options: readonly RadioOption[];
  onChange?: (value: string) => void;
  /** Shown under the options (the priority line). */
  children?: ReactNode;
}) {
  const id = useId();
  const { register } = useFormContext<TicketFormValues>();
  const error = useFieldErrorText(name);
  const registration: UseFormRegisterReturn = register(name, onChange === undefined ? undefined : { onChange: (e: { target: { value: string } }) => onChange(e.target.value) });
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter(Boolean).join(' ');
  return (
    <fieldset
      className="us-radio-group"
      role="radiogroup"
      aria-required
      aria-invalid={error === undefined ? undefined : true}
      aria-describedby={describedBy === '' ? undefined : describedBy}
      data-invalid={error === undefined ? undefined : true}
    >
      <legend className="us-field__label">{legend}</legend>
      {hint === undefined ? null : (
        <p className="us-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="us-radio-group__options">
        {options.map((option) => (
          <label key={option.value} className="us-radio">
            <input type="radio" value={option.value} {...registration} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error === undefined ? null : (
        <p className="us-field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}
