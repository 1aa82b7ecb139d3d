/**
 * Types of `element.js`: importing it registers `<uchi-support-widget api-url="…" token="…" locale="ru"
 * theme="auto">` and exports the element's class.
 */
import type { UchiSupportElement } from '../element';

// Only for the declarations: the build never bundles this file (element.js is built from ../element.ts).
export { defineSupportElement, UchiSupportElement } from '../element';

declare global {
  interface HTMLElementTagNameMap {
    'uchi-support-widget': UchiSupportElement;
  }
}
