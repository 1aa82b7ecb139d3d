/** A labelled field: label, optional hint, the control, and its error tied with aria-describedby. */
import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

/** Ids a control must carry so its label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

/** Renders a label, the control built by `children(props)`, a hint and an error message. */
export function Field({
  label,
  hint,
  error,
  required = false,
  optionalLabel,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** Shown beside the label of an optional field ("необязательно"). */
  optionalLabel?: string;
  children: (props: FieldControlProps) => ReactElement;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId].filter(Boolean).join(' ');
  const control: FieldControlProps = { id };
  if (describedBy !== '') control['aria-describedby'] = describedBy;
  if (error !== undefined) control['aria-invalid'] = true;
  if (required) control['aria-required'] = true;
  return (
    <div className="us-field" data-invalid={error === undefined ? undefined : true}>
      <label className="us-field__label" htmlFor={id}>
        {label}
        {!required && optionalLabel !== undefined ? <span className="us-field__optional"> ({optionalLabel})</span> : null}
      </label>
      {children(control)}
      {hint === undefined ? null : (
        <div className="us-field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {error === undefined ? null : (
        <div className="us-field__error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
