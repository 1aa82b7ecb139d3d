/** Maps a wire path of the draft ('course.url', 'contact.phone') to the form field that shows it. */
import { CONTACT_FIELD_NAMES, fieldAtWirePath, fieldSpec, TICKET_FIELD_NAMES } from '../../core';
import type { FormFieldPath } from './form-values';

const DIRECT: Readonly<Record<string, FormFieldPath>> = { category: 'category', impact: 'impact', contact: 'contact.organization', consent: 'consent' };

/** The form field for a draft path (client schema or server `fields`), or null when no field shows it. */
export function fieldForDraftPath(path: string): FormFieldPath | null {
  const direct = DIRECT[path] ?? fieldAtWirePath(path);
  if (direct !== null && direct !== undefined) return direct;
  // A missing group ('course') is shown on its first field.
  const first = TICKET_FIELD_NAMES.find((name) => fieldSpec(name).wire.startsWith(`${path}.`));
  if (first !== undefined) return first;
  const contact = /^contact\.(\w+)$/.exec(path)?.[1];
  const known = CONTACT_FIELD_NAMES.find((name) => name === contact);
  return known === undefined ? null : `contact.${known}`;
}
