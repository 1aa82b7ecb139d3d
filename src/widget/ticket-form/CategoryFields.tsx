/** The fields a category asks for, from the field table; hidden ones keep their text in the form state. */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { completeUrl, fieldSpec, isFieldRequired, isUrlKind } from '../../core';
import type { Category, TicketFieldName } from '../../core';
import { fieldInput } from './field-input';
import { FormTextField } from './FormTextField';
import { CATEGORY_FIELDS } from './form-values';
import type { TicketFormValues } from './form-values';

/** One field of the table as an input; its hint may be worded per category (`hint.courseTitle_test`). */
export function TableField({ name, category }: { name: TicketFieldName; category: Category | '' }) {
  const { t, i18n } = useTranslation('form');
  const own = category === '' ? null : `form:hint.${name}_${category}`;
  const hintKey = own !== null && i18n.exists(own) ? own : i18n.exists(`form:hint.${name}`) ? `form:hint.${name}` : null;
  const { setValue } = useFormContext<TicketFormValues>();
  const { kind } = fieldSpec(name);
  const { multiline, type, inputMode, autoComplete } = fieldInput(kind);
  return (
    <FormTextField
      name={name}
      label={t(`field.${name}`)}
      {...(hintKey === null ? {} : { hint: t(hintKey) })}
      required={category === '' || isFieldRequired(name, category)}
      multiline={multiline}
      type={type}
      autoComplete={autoComplete}
      {...(inputMode === undefined ? {} : { inputMode })}
      {...(isUrlKind(kind)
        ? {
            // «lms.example.ru/courses/1» left without its scheme becomes a link, as the user meant.
            onBlur: (event: { target: { value: string } }) => {
              const completed = completeUrl(event.target.value);
              if (completed !== event.target.value) setValue(name, completed, { shouldDirty: true });
            },
          }
        : {})}
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
