/**
 * The form namespace's Russian texts as the widget ends up with them: the first screen's (messages.ts) and those
 * the fields' part adds (fields-messages.ts), merged deeply as `addResourceBundle` does; no text in both.
 */
import { formFieldsMessages } from '../../../src/widget/ticket-form/fields-messages';
import { formMessages } from '../../../src/widget/ticket-form/messages';

type Texts = Record<string, unknown>;

const isTexts = (value: unknown): value is Texts => typeof value === 'object' && value !== null;

/** Dotted paths of the texts in both (none expected). */
export function sharedTexts(a: Texts, b: Texts, prefix = ''): string[] {
  return Object.entries(b).flatMap(([key, value]) => {
    if (!(key in a)) return [];
    const mine = a[key];
    return isTexts(mine) && isTexts(value) ? sharedTexts(mine, value, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

function merge(a: Texts, b: Texts): Texts {
  const out: Texts = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = isTexts(mine) && isTexts(value) ? merge(mine, value) : value;
  }
  return out;
}

/** Every Russian text of the form namespace. */
export const formRussian = (): Texts => merge(formMessages.ru, formFieldsMessages.ru);
