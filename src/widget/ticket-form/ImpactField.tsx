/** The one impact question and the priority it gives with the category, shown before sending. */
import { useTranslation } from '../shared/i18n-react';
import { IMPACTS, priorityFor } from '../../core';
import type { Category, Impact } from '../../core';
import { chosenImpact } from './form-values';
import { RadioGroup } from './RadioGroup';

/** Impact radios plus "Приоритет: высокий" once both category and impact are known. */
export function ImpactField({ category, impact: value }: { category: Category | ''; impact: Impact | '' | null }) {
  const impact = chosenImpact(value);
  const { t } = useTranslation('form');
  const options = IMPACTS.map((value) => ({ value, label: t(`common:impact.${value}`) }));
  const priority = category === '' || impact === '' ? null : priorityFor(category, impact);
  return (
    <RadioGroup name="impact" legend={t('field.impact')} options={options}>
      <p className="us-priority" role="status" data-priority={priority ?? undefined}>
        {priority === null ? null : t('priority', { priority: t(`priorityValue.${priority}`) })}
      </p>
    </RadioGroup>
  );
}
