/**
 * The English sentences for the form's field message codes, one for one with field-messages.ru.ts. The widget shows
 * them when it speaks English, and the server answers a 422 with them for a caller that prefers English.
 */
import type { FieldError } from '../schemas/fields';
import type { ContactFieldName, TicketFieldName } from './ticket-fields';

type Sentences = Partial<Record<FieldError, string>>;

/** Sentences of the ticket's text fields, one entry per row of the field table. */
export const TICKET_FIELD_MESSAGES_EN: Readonly<Record<TicketFieldName, Sentences>> = {
  subject: { required: 'Enter the subject' },
  description: { required: 'Say what happened: without a description the specialist cannot help' },
  courseTitle: { required: 'Enter the full course title' },
  courseUrl: { required: 'Enter the course link', url: 'Paste the whole course link: the page address with http:// or https://' },
  testQuestion: { required: 'Enter the test question text' },
  testAttemptDate: {
    invalid: 'Pick the attempt date in the calendar, e.g. 14.11.2026',
    future: 'The attempt date cannot be later than today',
  },
  orderUrl: { required: 'Enter the order link', url: 'Paste the whole order link: the page address with http:// or https://' },
  documentUrl: { required: 'Enter the document link', url: 'Paste the whole document link: the page address with http:// or https://' },
  steps: { required: 'Describe the actions that lead to the error' },
};

/** Sentences of the guest's contact, one entry per contact row of the field table. */
export const CONTACT_FIELD_MESSAGES_EN: Readonly<Record<ContactFieldName, Sentences>> = {
  organization: { required: 'Enter the organisation name' },
  lmsUrl: { required: 'Enter the LMS link', url: 'Paste the whole LMS link: the page address with http:// or https://' },
  fullName: { required: 'Enter your full name' },
  role: { required: 'Choose your role in the LMS', invalid: 'Choose your LMS role from the list' },
  phone: { required: 'Enter a contact phone', phone: 'Enter a phone number: a Russian one, for example +7 912 345-67-89, or another country’s with its code, for example +44 20 7946 0958' },
  email: { email: 'Check the e-mail address, e.g. ivanova@example.ru' },
};

/** Sentences of the other fields of the form (category, impact, the guest's contact). */
export const FORM_FIELD_MESSAGES_EN = {
  category: { required: 'Choose the request category', invalid: 'Choose a category from the list' },
  impact: {
    required: 'Tell us how much the problem affects your work',
    invalid: 'Choose how much the problem affects your work from the options given',
  },
  contact: CONTACT_FIELD_MESSAGES_EN,
} as const satisfies Record<string, Sentences | Readonly<Record<string, Sentences>>>;
