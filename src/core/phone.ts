/**
 * Phone numbers: a Russian one in every usual spelling, or another country's written with its code. One stored
 * form (`+` and the digits), the familiar one shown for a Russian number.
 */

/**
 * Normalises a Russian number (`+7 912 345-67-89`, `8 (912) 3456789`, `79123456789`, `9123456789`) to
 * `+7XXXXXXXXXX`, and another country's number written with `+` and its code (`+44 20 7946 0958`, at most 15
 * digits) to `+` and its digits; null when it is neither.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s()\-.]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  const plus = trimmed.startsWith('+');
  let national: string;
  if (digits.length === 11 && digits.startsWith('7')) national = digits.slice(1);
  else if (digits.length === 11 && digits.startsWith('8') && !plus) national = digits.slice(1);
  else if (digits.length === 10 && !plus) national = digits;
  // Another country's code: not +7 of the wrong length, nor +89… or +8 800…, no country's numbers (each a Russian
  // number mistyped with a plus).
  else return plus && /^(?!89|8800)[1-689]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  // Russian numbers (and the 8-800 free lines) start with 3, 4, 8 or 9 after the code; Kazakhstan's, which share
  // +7, with 6 or 7, and are taken written with the code.
  return /^[3489]/.test(national) || (plus && /^[67]/.test(national)) ? `+7${national}` : null;
}

/** Shows a +7 number as `+7 (XXX) XXX-XX-XX`, anything else as typed. */
export function formatPhone(input: string): string {
  const normalized = normalizePhone(input);
  if (!normalized?.startsWith('+7')) return input;
  const d = normalized.slice(2);
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
