/** The human-readable ticket number. */

/** `UP-2026-000123`: the year of registration (Moscow) and a per-year sequence, at least six digits. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `UP-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Whether `text` is a ticket number as {@link formatTicketNumber} writes it. */
export function isTicketNumber(text: string): boolean {
  return /^UP-\d{4}-\d{6,}$/.test(text);
}

/**
 * The address fragment that opens a ticket in the widget on any page: `#uchi-support=UP-2026-000123`. The
 * server's e-mails write it and the widget reads it, so both take it from here.
 */
export const TICKET_LINK_PREFIX = 'uchi-support=';
