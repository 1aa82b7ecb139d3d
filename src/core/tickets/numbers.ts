/** The human-readable ticket number. */

/** `UP-2026-000123`: the year of registration (Moscow) and a per-year sequence, at least six digits. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `UP-${year}-${String(sequence).padStart(6, '0')}`;
}
