/** Adds the screenshot texts to the widget's i18n instance when the lazy chunk arrives (idempotent). */
import type { i18n as I18n } from 'i18next';
import { screenshotMessages } from './messages';

/** The namespace. */
export const SCREENSHOT_NAMESPACE = 'screenshot';

/** Registers the namespace's Russian texts unless the shell already did (English comes with all the others). */
export function ensureScreenshotMessages(i18n: I18n): void {
  if (!i18n.hasResourceBundle('ru', SCREENSHOT_NAMESPACE)) {
    i18n.addResourceBundle('ru', SCREENSHOT_NAMESPACE, screenshotMessages.ru, true, false);
  }
}
