/** i18next set-up: one instance per widget (never the host's global one), Russian first. */
import i18next from 'i18next';
import type { i18n as I18n, Resource } from 'i18next';

/** Locales the widget speaks. */
export const LOCALES = ['ru', 'en'] as const;
/** One locale. */
export type Locale = (typeof LOCALES)[number];

/** Messages of one namespace in every locale. */
export type Messages = Record<Locale, Record<string, unknown>>;

/** Builds an initialised i18next instance over the given namespaces. */
export function createWidgetI18n(locale: Locale, namespaces: Record<string, Messages>): I18n {
  const resources: Resource = {};
  for (const lng of LOCALES) {
    resources[lng] = Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages[lng]]));
  }
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

/** Adds namespaces to an instance unless present (lazy chunks bring their own texts); idempotent. */
export function ensureNamespaces(instance: I18n, namespaces: Record<string, Messages>): void {
  for (const [ns, messages] of Object.entries(namespaces)) {
    for (const lng of LOCALES) {
      if (!instance.hasResourceBundle(lng, ns)) instance.addResourceBundle(lng, ns, messages[lng], true, false);
    }
  }
}
