/** Russian phone numbers: accept every usual spelling, store one form, show the familiar one. */

/**
 * Normalises a Russian number (`+7 912 345-67-89`, `8 (912) 3456789`, `79123456789`, `9123456789`)
 * to `+7XXXXXXXXXX`, or returns null when it is not one.
 */
export function normalizeRuPhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s()\-.]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  const plus = trimmed.startsWith('+');
  let national: string;
  if (digits.length === 11 && digits.startsWith('7')) national = digits.slice(1);
  else if (digits.length === 11 && digits.startsWith('8') && !plus) national = digits.slice(1);
  else if (digits.length === 10 && !plus) national = digits;
  else return null;
  // Russian numbers (and the 8-800 free lines) start with 3, 4, 8 or 9 after the country code.
  if (!/^[3489]/.test(national)) return null;
  return `+7${national}`;
}

/** Shows a number as `+7 (XXX) XXX-XX-XX`, or the input unchanged when it is not a Russian number. */
export function formatRuPhone(input: string): string {
  const normalized = normalizeRuPhone(input);
  if (normalized === null) return input;
  const d = normalized.slice(2);
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
