/** Maps a wire path of the draft ('course.url', 'contact.phone') to the form field that shows it. */
import { CONTACT_FIELDS } from './form-values';
import type { FormFieldPath } from './form-values';

const DIRECT: Readonly<Record<string, FormFieldPath>> = {
  category: 'category',
  subject: 'subject',
  description: 'description',
  impact: 'impact',
  steps: 'steps',
  testQuestion: 'testQuestion',
  orderUrl: 'orderUrl',
  documentUrl: 'documentUrl',
  course: 'courseTitle',
  'course.title': 'courseTitle',
  'course.url': 'courseUrl',
  contact: 'contact.organization',
};

/** The form field for a draft path (client schema or server `fields`), or null when no field shows it. */
export function fieldForDraftPath(path: string): FormFieldPath | null {
  const direct = DIRECT[path];
  if (direct !== undefined) return direct;
  const contact = /^contact\.(\w+)$/.exec(path)?.[1];
  const known = CONTACT_FIELDS.find((name) => name === contact);
  return known === undefined ? null : `contact.${known}`;
}
