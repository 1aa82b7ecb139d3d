/**
 * The Russian sentences for the category choice's message codes: the first screen's only field, so the widget's
 * first file carries these and the form's other sentences (field-messages.ru.ts) come with the fields.
 */
export const CATEGORY_FIELD_MESSAGES_RU = {
  required: 'Выберите категорию обращения',
  invalid: 'Выберите категорию обращения из списка',
} as const;
