/** A block of information, a warning or an error; errors are announced at once, the rest politely. */
import type { ReactNode } from 'react';

/** Notice tone. */
export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

/** A notice box. `live` makes it a live region (role=alert for errors, role=status otherwise). */
export function Notice({
  tone = 'info',
  title,
  live = false,
  children,
  id,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  live?: boolean;
  children?: ReactNode;
  id?: string;
}) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className="us-notice" data-tone={tone} role={role} id={id}>
      {title === undefined ? null : <p className="us-notice__title">{title}</p>}
      {children}
    </div>
  );
}
