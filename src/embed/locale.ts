/**
 * The widget's language. Russian is in the bundle; English arrives in a chunk of its own, and the widget waits
 * for it before it first renders in English (no flash of Russian), or keeps Russian when it cannot load.
 */
import type { i18n as I18n } from 'i18next';
import { widgetNamespaces } from '../widget/app';
import { addEnglish, createWidgetI18n } from '../widget/shared/i18n';
import type { Locale } from '../widget/shared/i18n';

/** The i18n instance and the switch between languages. */
export interface WidgetLocale {
  readonly i18n: I18n;
  /** Switches to `next` once its texts are there; the last call wins. Resolves when done (or kept Russian). */
  set(next: Locale): Promise<void>;
}

/** `failed` reports that the English texts could not be loaded (tried again on the next switch to English). */
export function createWidgetLocale(failed: (message: string) => void): WidgetLocale {
  const i18n = createWidgetI18n('ru', widgetNamespaces);
  let wanted: Locale = 'ru';
  let english: Promise<void> | undefined;
  return {
    i18n,
    async set(next) {
      wanted = next;
      if (next === 'en') {
        try {
          await (english ??= import('../widget/app/english').then(({ englishMessages }) => addEnglish(i18n, englishMessages)));
        } catch {
          english = undefined;
          failed('UchiSupport: the English texts could not be loaded; showing Russian');
          return;
        }
      }
      if (wanted === next) await i18n.changeLanguage(next);
    },
  };
}
