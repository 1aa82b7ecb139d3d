/** The chosen category as a chip above the fields, with the way back to the choice. */
import { useTranslation } from '../shared/i18n-react';
import type { Category } from '../../core';

/** "Категория: Тест · Изменить". */
export function CategoryChip({ category, onChange }: { category: Category; onChange(): void }) {
  const { t } = useTranslation('form');
  const label = t(`common:category.${category}`);
  return (
    <div className="us-chip-row">
      <p className="us-chip" data-category={category}>
        <span className="us-chip__kind">{t('chip.label')}</span> <span className="us-chip__value">{label}</span>
      </p>
      <button type="button" className="us-chip__change" aria-label={t('chip.changeLabel', { category: label })} onClick={onChange}>
        {t('chip.change')}
      </button>
    </div>
  );
}
