/** The category question (exactly one), with the host page's gentle suggestion above it. */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { CATEGORIES } from '../../core';
import type { Category } from '../../core';
import { Button, Notice } from '../shared/ui';
import { inactiveCategoryFields } from './form-values';
import type { TicketFormValues } from './form-values';
import type { PageSuggestion } from './initial-values';
import { RadioGroup } from './RadioGroup';

/** "Похоже, вопрос о курсе на этой странице", with a button to choose it when another category is chosen. */
function SuggestionNotice({ suggestion, category }: { suggestion: PageSuggestion; category: Category | '' }) {
  const { t } = useTranslation('form');
  const { setValue } = useFormContext<TicketFormValues>();
  const label = t(`common:category.${suggestion.category}`);
  return (
    <Notice tone="info" title={t(`suggestion.${suggestion.kind}`)}>
      <p className="us-notice__text">{t('suggestion.filled')}</p>
      {category === suggestion.category ? null : (
        <Button variant="ghost" onClick={() => setValue('category', suggestion.category, { shouldDirty: true, shouldValidate: true })}>
          {t('suggestion.choose', { category: label })}
        </Button>
      )}
    </Notice>
  );
}

/** The category radio group; switching clears the errors of fields that are no longer shown (their text stays). */
export function CategoryField({ category, suggestion }: { category: Category | ''; suggestion: PageSuggestion | null }) {
  const { t } = useTranslation('form');
  const { clearErrors } = useFormContext<TicketFormValues>();
  const options = CATEGORIES.map((value) => ({ value, label: t(`common:category.${value}`) }));
  return (
    <>
      {suggestion === null ? null : <SuggestionNotice suggestion={suggestion} category={category} />}
      <RadioGroup
        name="category"
        legend={t('field.category')}
        hint={t('hint.category')}
        options={options}
        onChange={(value) => clearErrors(inactiveCategoryFields(value as Category))}
      />
    </>
  );
}
