/** The reporter recorded on a ticket: from the verified token for users, from the contact fields for guests. */
import { normalizePhone } from '../../core';
import type { Contact, Reporter as ReporterRecord } from '../../core';
import type { Reporter } from '../auth/identity';
import { failures } from '../errors';

/** Builds the ticket's reporter; a guest without contact cannot get here (the route refuses it). */
export function reporterRecord(reporter: Reporter, contact: Contact | undefined): ReporterRecord {
  if (reporter.kind === 'user') {
    const { claims } = reporter;
    return {
      fullName: claims.name,
      role: claims.role,
      organization: claims.org.title,
      lmsUrl: claims.lms,
      ...(claims.phone === undefined ? {} : { phone: normalizePhone(claims.phone) ?? claims.phone }),
      ...(claims.email === undefined ? {} : { email: claims.email }),
      guest: false,
    };
  }
  if (contact === undefined) throw failures.validation({ contact: { ru: 'Укажите контактные данные', en: 'Give your contact details' } });
  return {
    fullName: contact.fullName,
    role: contact.role,
    organization: contact.organization,
    lmsUrl: contact.lmsUrl,
    phone: normalizePhone(contact.phone) ?? contact.phone,
    ...(contact.email === undefined || contact.email === '' ? {} : { email: contact.email }),
    guest: true,
  };
}
