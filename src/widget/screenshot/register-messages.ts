/** Adds the screenshot texts to the widget's i18n instance when the lazy chunk arrives (idempotent). */
import type { i18n as I18n } from 'i18next';
import { screenshotMessages } from './messages';

/** The namespace. */
export const SCREENSHOT_NAMESPACE = 'screenshot';

/** Registers the namespace in every locale unless the shell already did. */
export function ensureScreenshotMessages(i18n: I18n): void {
  for (const locale of ['ru', 'en'] as const) {
    if (!i18n.hasResourceBundle(locale, SCREENSHOT_NAMESPACE)) {
      i18n.addResourceBundle(locale, SCREENSHOT_NAMESPACE, screenshotMessages[locale], true, false);
    }
  }
}
