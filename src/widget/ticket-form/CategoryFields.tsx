/** The fields a category asks for, from the field table; hidden ones keep their text in the form state. */
import { useTranslation } from '../shared/i18n-react';
import { fieldSpec, isFieldRequired, localIsoDate } from '../../core';
import type { ReactNode } from 'react';
import type { Category, TicketFieldName } from '../../core';
import { useWidgetEnv } from '../shared/env';
import { fieldInput, textLimit } from './field-input';
import { FormTextField } from './FormTextField';
import { CATEGORY_FIELDS } from './form-values';

/** One field of the table as an input; its label and hint may be worded per category (`hint.courseTitle_test`). */
export function TableField({ name, category, after }: { name: TicketFieldName; category: Category | ''; after?: ReactNode }) {
  const { t, i18n } = useTranslation('form');
  const own = category === '' ? null : `form:hint.${name}_${category}`;
  const hintKey = own !== null && i18n.exists(own) ? own : i18n.exists(`form:hint.${name}`) ? `form:hint.${name}` : null;
  const env = useWidgetEnv();
  const spec = fieldSpec(name);
  const { multiline, type, inputMode, autoComplete, tidy, link } = fieldInput(spec.kind);
  return (
    <FormTextField
      name={name}
      label={t([`field.${name}_${category}`, `field.${name}`])}
      {...(hintKey === null ? {} : { hint: t(hintKey) })}
      required={category === '' || isFieldRequired(name, category)}
      multiline={multiline}
      type={type}
      autoComplete={autoComplete}
      {...(inputMode === undefined ? {} : { inputMode })}
      tidy={tidy}
      limit={textLimit(spec)}
      link={link}
      // No attempt after today, in the user's own zone.
      max={type === 'date' ? localIsoDate(env.now()) : undefined}
      after={after}
    />
  );
}

/** Inputs of the chosen category's own fields. */
export function CategoryFields({ category }: { category: Category | '' }) {
  if (category === '' || CATEGORY_FIELDS[category].length === 0) return null;
  return (
    <div className="us-category-fields" data-category={category}>
      {CATEGORY_FIELDS[category].map((name) => (
        <TableField key={name} name={name} category={category} />
      ))}
    </div>
  );
}
