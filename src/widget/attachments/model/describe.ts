/** Formatting for the picker: byte sizes and the list of accepted types, with Intl (never by hand). */

/** Short names of the accepted formats: names of formats, the same in every language. */
const TYPE_LABELS: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
};

/** The short name of a content type ("PNG"), or its subtype for anything else. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? (type.split('/')[1] ?? type).toUpperCase();
}

/** "PNG, JPEG, WebP, GIF и PDF" (`and`) or "… или PDF" (`or`). */
export function listTypes(types: readonly string[], locale: string, joiner: 'and' | 'or'): string {
  const format = new Intl.ListFormat(locale, { type: joiner === 'and' ? 'conjunction' : 'disjunction' });
  return format.format(types.map(typeLabel));
}

/** "10 МБ", "512 КБ": binary units, as the limits are set (10 × 1024 × 1024). */
export function formatBytes(bytes: number, locale: string): string {
  const kib = 1024;
  const [value, unit] = bytes >= kib * kib ? [bytes / (kib * kib), 'megabyte'] : [Math.max(bytes / kib, bytes > 0 ? 0.1 : 0), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
