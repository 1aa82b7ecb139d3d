/**
 * Formatting for the picker: byte sizes and the list of accepted types. Russian and English are written here,
 * to the letter as Intl writes them (the tests compare the two): the picker is on the first screen, and a
 * page's first Intl.NumberFormat or Intl.ListFormat loads the ICU data, a task of 30–500 ms. Other languages
 * go through Intl.
 */

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

/** The words that join the last two items of a list, as ICU has them. */
const JOINERS: Record<string, { and: string; or: string; comma: boolean }> = {
  ru: { and: 'и', or: 'или', comma: false },
  en: { and: 'and', or: 'or', comma: true },
};

/** "PNG, JPEG, WebP, GIF и PDF" (`and`) or "… или PDF" (`or`). */
export function listTypes(types: readonly string[], locale: string, joiner: 'and' | 'or'): string {
  const labels = types.map(typeLabel);
  const words = JOINERS[locale];
  if (words !== undefined) {
    if (labels.length <= 1) return labels.join('');
    const last = labels.at(-1) ?? '';
    const head = labels.slice(0, -1).join(', ');
    // English puts a serial comma before the last word of three or more.
    return `${head}${words.comma && labels.length > 2 ? ',' : ''} ${words[joiner]} ${last}`;
  }
  const format = new Intl.ListFormat(locale, { type: joiner === 'and' ? 'conjunction' : 'disjunction' });
  return format.format(labels);
}

/** How Russian and English write a size: separators and unit symbols (ICU's short unit forms). */
const UNITS: Record<string, { decimal: string; group: string | null; groupFrom: number; mb: string; kb: string }> = {
  ru: { decimal: ',', group: '\u00a0', groupFrom: 4, mb: 'МБ', kb: 'кБ' },
  en: { decimal: '.', group: ',', groupFrom: 4, mb: 'MB', kb: 'kB' },
};

/** "10 МБ", "512 КБ": binary units, as the limits are set (10 × 1024 × 1024). */
export function formatBytes(bytes: number, locale: string): string {
  const kib = 1024;
  const [value, unit] = bytes >= kib * kib ? [bytes / (kib * kib), 'megabyte'] : [Math.max(bytes / kib, bytes > 0 ? 0.1 : 0), 'kilobyte'];
  const units = UNITS[locale];
  if (units !== undefined) {
    const digits = value < 10 ? 1 : 0;
    // Rounded half away from zero, as Intl does; no trailing zero.
    const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
    const [whole = '0', fraction] = String(rounded).split('.');
    const grouped = units.group === null || whole.length < units.groupFrom ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, units.group);
    return `${grouped}${fraction === undefined ? '' : units.decimal + fraction} ${unit === 'megabyte' ? units.mb : units.kb}`;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
