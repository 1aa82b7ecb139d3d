/** A ticket status as a small labelled pill; colour comes from `data-status`, the text says it all. */
import { useTranslation } from '../shared/i18n-react';
import type { Status } from '../../core';

/** The status label (policy wording) in a badge. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation('common');
  return (
    <span className="us-status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
