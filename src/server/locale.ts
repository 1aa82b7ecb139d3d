/**
 * The language the server writes in: its error sentences, and what it writes to a reporter outside the widget
 * (e-mails, the unsubscribe pages). Russian, or English when the caller asks for English before Russian. A browser
 * sends its preference with every request (`Accept-Language`); the widget sends the language it shows.
 */

/** The languages of errors, e-mails and pages. */
export type Locale = 'ru' | 'en';

/** The language `Accept-Language` prefers of Russian and English (by weight, then order); Russian when neither. */
export function preferredLocale(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const weight = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/iu.exec(param)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: weight === undefined ? 1 : Number(weight), index };
    })
    .filter(({ language, q }) => (language === 'ru' || language === 'en') && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language === 'en' ? 'en' : 'ru';
}

/** The language a ticket was sent in, as stored with it (none before languages were stored: Russian). */
export function storedLocale(stored: string | null): Locale {
  return stored === 'en' ? 'en' : 'ru';
}
