/** The number-and-key form's rules: how what a guest typed or pasted is tidied, and what is wrong with it. */
import { GUEST_KEY_CHARACTERS, GUEST_KEY_LENGTH, GUEST_KEY_PATTERN } from '../../api/guest-key';
import { isTicketNumber } from '../../core/tickets/numbers';

/** What can be wrong with the form before anything is sent (message keys of `tickets:openByKey`). */
export interface OpenByKeyErrors {
  number?: 'numberRequired' | 'numberFormat';
  key?: 'keyRequired' | 'keyFormat' | 'keyShort' | 'keyLong';
}

/**
 * A ticket number as typed: «№ up-2026-000123», dashes of any kind, spaces, a Cyrillic «Р» for the Latin
 * «P», or the number without «UP-» all become `UP-2026-000123`; anything else is left for the check to refuse.
 */
export function tidyTicketNumber(input: string): string {
  let text = input
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^№/, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase()
    .replace(/Р/g, 'P')
    .replace(/У/g, 'U');
  if (/^\d{4}-\d{6,}$/.test(text)) text = `UP-${text}`;
  return text;
}

/** An access key as pasted: line breaks, spaces and the quotes around it removed. */
export function tidyAccessKey(input: string): string {
  return input.replace(/[\s\u00a0]+/g, '').replace(/^["'«“„]+|["'»”“]+$/g, '');
}

/** What is wrong with a tidied number and key (nothing: an empty object). */
export function checkOpenByKey(number: string, key: string): OpenByKeyErrors {
  const errors: OpenByKeyErrors = {};
  if (number === '') errors.number = 'numberRequired';
  else if (!isTicketNumber(number)) errors.number = 'numberFormat';
  if (key === '') errors.key = 'keyRequired';
  else if (!GUEST_KEY_CHARACTERS.test(key)) errors.key = 'keyFormat';
  // The right letters but not the whole key: most often a part of it was copied.
  else if (!GUEST_KEY_PATTERN.test(key)) errors.key = key.length < GUEST_KEY_LENGTH.min ? 'keyShort' : 'keyLong';
  return errors;
}
