/** The launcher's badge: how many tickets changed while the panel was closed. */
import { useTranslation } from '../shared/i18n-react';

/** A count bubble with its meaning in words for screen readers; nothing when the count is 0. */
export function UnseenBadge({ count }: { count: number }) {
  const { t } = useTranslation('unseen');
  if (count <= 0) return null;
  return (
    <span className="us-unseen-badge">
      <span aria-hidden="true">{count > 9 ? t('badgeMax') : count}</span>
      <span className="us-visually-hidden">{t('badge', { count })}</span>
    </span>
  );
}
