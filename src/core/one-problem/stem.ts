/**
 * Lowercases and folds ё→е without changing the length, so an index found in the normalized text
 * is the same index in the original (cleaning slices the original by those indices).
 */
export function normalizeText(text: string): string {
  // Almost always one code unit per character both ways: the platform's lowercasing, checked by its length.
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(/ё/g, 'е');
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    const lower = char.toLowerCase();
    // A few characters lowercase to two code units; keeping them as they are keeps the indices aligned.
    out += lower.length === 1 ? lower : char;
  }
  return out.replace(/ё/g, 'е');
}

// Longest endings first, so "ями" is cut before "и".
const ENDINGS = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'иях', 'ией',
  'ах', 'ях', 'ам', 'ям', 'ов', 'ев', 'ом', 'ем', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя',
  'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ия', 'ию', 'ь', 'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'й',
];
const STEM_LENGTH = 5;

/** A cheap Russian stem: normalized, one inflectional ending cut, then the first 5 letters ("курсов" → "курс"). */
export function stem(word: string): string {
  const w = normalizeText(word);
  const ending = ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 3);
  const base = ending === undefined ? w : w.slice(0, w.length - ending.length);
  return base.slice(0, STEM_LENGTH);
}
