/**
 * Types of `element.js`: importing it registers `<uchi-support-widget api-url="…" token="…" locale="ru"
 * theme="auto">` and exports the element's class.
 */
import type { UchiSupportElement } from '../element';
import type { HostEvent, HostEventPayloads } from './types';

/** The element's events, `uchi-support:<event>`, each a CustomEvent with the event's payload as `detail`. */
export type UchiSupportElementEvents = { [E in HostEvent as `uchi-support:${E}`]: CustomEvent<HostEventPayloads[E]> };

// Only for the declarations: the build never bundles this file (element.js is built from ../element.ts).
export { defineSupportElement, UchiSupportElement } from '../element';

declare global {
  interface HTMLElementTagNameMap {
    'uchi-support-widget': UchiSupportElement;
  }
  // They bubble out of the element (and its shadow root), so any element may listen: `e.detail.number`.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the map is extended, not declared anew.
  interface HTMLElementEventMap extends UchiSupportElementEvents {}
}
