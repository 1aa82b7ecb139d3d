// Small statistics and formatting helpers of the benchmark.

/** The q-quantile (0…1) of numbers, by linear interpolation between closest ranks; NaN for none. */
export function quantile(values, q) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** The median. */
export const median = (values) => quantile(values, 0.5);

/** Milliseconds with a precision that suits their size. */
export function ms(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** Bytes as B / kB (1024). */
export function bytes(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 1024 ? `${value} B` : `${(value / 1024).toFixed(2)} kB`;
}

/** Megabytes (1024²) of a byte count. */
export const mb = (value) => (Number.isFinite(value) ? `${(value / 1024 / 1024).toFixed(2)} MB` : 'n/a');

/** A markdown table from a header row and rows of cells. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Resolves after `delay` ms. */
export const sleep = (delay) => new Promise((resolve) => setTimeout(resolve, delay));
