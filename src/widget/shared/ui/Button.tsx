/** The widget's button: a real <button>, typed `button` unless asked otherwise, with variants as data. */
import type { ButtonHTMLAttributes, Ref } from 'react';

/** Button look. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/**
 * A button with a variant and a busy state: announced, and doing nothing while busy. A busy button stays
 * focusable (aria-disabled, not disabled): a focused button that became disabled would drop the focus to the
 * page for as long as the work takes. A button that waits for something else passes `aria-disabled` itself, and
 * its `onClick` decides what a press does then.
 */
export function Button({
  variant = 'secondary',
  busy = false,
  type = 'button',
  className,
  disabled,
  onClick,
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
      aria-disabled={busy || rest['aria-disabled']}
      disabled={disabled === true}
      // While busy a click (or a form's implicit submission through it) does nothing.
      onClick={busy ? (event) => event.preventDefault() : onClick}
    >
      {children}
    </button>
  );
}
