/** The npm package's entry for any framework: `mount(element, options)` renders the widget inline. */
import { UchiSupportOptionError } from '../options';
import { mountWidget } from './mount-widget';
import type { MountedWidget, MountOptions } from './types';

/**
 * Renders the widget into `element` (inline mode). Options are checked at run time too: a wrong one throws an
 * `UchiSupportOptionError` naming it, as does an element that holds a widget already.
 */
export function mount(element: HTMLElement, options: MountOptions): MountedWidget {
  // A second widget in the same element is a mount without its unmount (an effect run twice): one is meant. (The
  // React component mounts its next widget before the last one's unmount, in its own element: it does not come here.)
  if (typeof element === 'object' && element !== null && (element as Node).nodeType === 1 && element.querySelector(':scope > uchi-support-inline') !== null) {
    throw new UchiSupportOptionError('UchiSupport mount: the element holds a widget already; unmount that one first');
  }
  return mountWidget(element, options);
}

export { UchiSupportOptionError };
export type {
  GetToken,
  HostContext,
  HostEvent,
  HostEventHandler,
  HostEventPayloads,
  InitOptions,
  Locale,
  MountedWidget,
  MountOptions,
  OpenArgs,
  Theme,
  UchiProAccount,
  WidgetCommands,
  WidgetOptions,
} from './types';
