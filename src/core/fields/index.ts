/** The ticket's fields as one table, and the sentences of their messages. */
export * from './ticket-fields';
export * from './category-messages.ru';
export * from './field-messages.ru';
export * from './field-messages.en';
export * from './wire-fields';
export * from './dates';
export * from './link-mismatch';
