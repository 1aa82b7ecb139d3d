/** The human-readable ticket number. */

/** `UP-2026-000123`: the year of registration (Moscow) and a per-year sequence, at least six digits. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `UP-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Whether `text` is a ticket number as {@link formatTicketNumber} writes it. */
export function isTicketNumber(text: string): boolean {
  return /^UP-\d{4}-\d{6,}$/.test(text);
}
