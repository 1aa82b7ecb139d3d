/** The fields a category asks for (DESIGN §3); hidden ones keep their text in the form state. */
import { useTranslation } from '../shared/i18n-react';
import type { Category } from '../../core';
import { FormTextField } from './FormTextField';
import { CATEGORY_FIELDS } from './form-values';
import type { CategoryFieldName } from './form-values';

const MULTILINE: readonly CategoryFieldName[] = ['testQuestion', 'steps'];
const URLS: readonly CategoryFieldName[] = ['courseUrl', 'orderUrl', 'documentUrl'];

/** The hint under a field; the course title only needs one for a test ("the course the test belongs to"). */
function hintKey(name: CategoryFieldName, category: Category): string | null {
  if (name === 'courseTitle') return category === 'test' ? 'hint.courseTitleTest' : null;
  return `hint.${name}`;
}

/** Inputs of the chosen category's own fields. */
export function CategoryFields({ category }: { category: Category | '' }) {
  const { t } = useTranslation('form');
  if (category === '' || CATEGORY_FIELDS[category].length === 0) return null;
  return (
    <div className="us-category-fields" data-category={category}>
      {CATEGORY_FIELDS[category].map((name) => {
        const hint = hintKey(name, category);
        return (
          <FormTextField
            key={name}
            name={name}
            label={t(`field.${name}`)}
            {...(hint === null ? {} : { hint: t(hint) })}
            multiline={MULTILINE.includes(name)}
            type={URLS.includes(name) ? 'url' : 'text'}
          />
        );
      })}
    </div>
  );
}
