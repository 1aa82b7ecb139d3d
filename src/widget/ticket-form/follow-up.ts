/** The form of a follow-up: pre-filled from the final ticket it continues (category, its fields but a date, a guest's contact). */
import { categoryFieldNames, DRAFT_LIMITS, fieldSpec, LMS_ROLES, readWirePath } from '../../core';
import type { LmsRole, Ticket } from '../../core';
import { emptyValues } from './form-values';
import type { TicketFormValues } from './form-values';

/** The ticket a follow-up continues, as the form needs it. */
export type FollowUpSource = Pick<Ticket, 'id' | 'number' | 'category' | 'reporter' | 'subject'> & Record<string, unknown>;

/**
 * The form's values for a continuation of `ticket`, with `subject` («Продолжение обращения № …: its subject», so the
 * queue tells what it continues), cut to the subject's length.
 */
export function followUpValues(ticket: FollowUpSource, subject: string): TicketFormValues {
  const values = emptyValues();
  values.category = ticket.category;
  values.subject = subject.slice(0, DRAFT_LIMITS.subject);
  // What the problem is about (the course, the question, the order) carries over; when it happened does not: the
  // problem came back, so the test was taken again.
  for (const name of categoryFieldNames(ticket.category)) if (fieldSpec(name).kind !== 'date') values[name] = readWirePath(ticket, fieldSpec(name).wire) ?? '';
  const { reporter } = ticket;
  if (reporter.guest) {
    values.contact = {
      ...values.contact,
      organization: reporter.organization,
      lmsUrl: reporter.lmsUrl,
      fullName: reporter.fullName,
      role: (LMS_ROLES as readonly string[]).includes(reporter.role) ? (reporter.role as LmsRole) : '',
      phone: reporter.phone ?? '',
      email: reporter.email ?? '',
    };
  }
  return values;
}
