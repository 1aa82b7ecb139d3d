/**
 * i18next set-up: one instance per widget (never the host's global one), Russian first. Russian texts come
 * with the chunks that use them; English ones, for every namespace at once, only when the widget speaks English.
 */
import i18next from 'i18next';
import type { i18n as I18n, Resource } from 'i18next';

/** Locales the widget speaks. */
export const LOCALES = ['ru', 'en'] as const;
/** One locale. */
export type Locale = (typeof LOCALES)[number];

/** Russian texts of one namespace (English ones come for every namespace at once: {@link EnglishMessages}). */
export type Messages = { ru: Record<string, unknown> };

/** English texts by namespace. */
export type EnglishMessages = Record<string, Record<string, unknown>>;

/** Builds an initialised i18next instance over the given namespaces, plus English texts when given. */
export function createWidgetI18n(locale: Locale, namespaces: Record<string, Messages>, english: EnglishMessages = {}): I18n {
  const resources: Resource = {
    ru: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.ru])),
    en: english,
  };
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'ru',
    supportedLngs: [...LOCALES],
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes; i18next's escaping would double it.
    returnNull: false,
  });
  return instance;
}

/** Adds namespaces' Russian texts to an instance unless present (lazy chunks bring their own); idempotent. */
export function ensureNamespaces(instance: I18n, namespaces: Record<string, Messages>): void {
  for (const [ns, messages] of Object.entries(namespaces)) {
    if (!instance.hasResourceBundle('ru', ns)) instance.addResourceBundle('ru', ns, messages.ru, true, false);
  }
}

/** The message objects each instance has taken into a namespace it already had. */
const extended = new WeakMap<I18n, WeakSet<object>>();

/**
 * Adds more Russian texts to a namespace that is already there (a lazy part's own keys of a namespace the first
 * screen has); once per instance and object, so a part can call it on every render.
 */
export function extendNamespace(instance: I18n, ns: string, messages: Messages): void {
  let seen = extended.get(instance);
  if (seen === undefined) extended.set(instance, (seen = new WeakSet()));
  if (seen.has(messages)) return;
  seen.add(messages);
  instance.addResourceBundle('ru', ns, messages.ru, true, false);
}

/** Adds every namespace's English texts (those of screens not loaded yet too); idempotent. */
export function addEnglish(instance: I18n, english: EnglishMessages): void {
  for (const [ns, texts] of Object.entries(english)) {
    if (!instance.hasResourceBundle('en', ns)) instance.addResourceBundle('en', ns, texts, true, false);
  }
}
