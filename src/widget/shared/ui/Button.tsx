/** The widget's button: a real <button>, typed `button` unless asked otherwise, with variants as data. */
import type { ButtonHTMLAttributes, Ref } from 'react';

/** Button look. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/** A button with a variant and a busy state (announced, and not clickable while busy). */
export function Button({
  variant = 'secondary',
  busy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; busy?: boolean; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      {...rest}
      type={type}
      className={['us-button', className].filter(Boolean).join(' ')}
      data-variant={variant}
      data-busy={busy || undefined}
      aria-busy={busy || undefined}
      disabled={disabled === true || busy}
    >
      {children}
    </button>
  );
}
