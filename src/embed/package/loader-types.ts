/**
 * Types of `loader.js`, the script-tag loader: the `window.UchiSupport` command function and its method form.
 * A page that loads the script itself gets them with `import type {} from '@uchi-pro/support-widget/loader.js'`.
 */
import type { HostContext, HostEvent, HostEventHandler, Locale, OpenArgs, UchiProAccount, WidgetCommands, WidgetOptions } from './types';

/** `UchiSupport('command', …args)`: every command with its arguments. */
export interface UchiSupportCommand {
  (command: 'init', options: WidgetOptions): void;
  (command: 'open', args?: OpenArgs): void;
  (command: 'close'): void;
  (command: 'setToken', token: string | null): void;
  (command: 'setContext', context: HostContext | UchiProAccount | null): void;
  (command: 'setLocale', locale: Locale): void;
  /**
   * Returns the unsubscribe once `loader.js` has run; the embed snippet's queue, before that, returns nothing (a
   * handler given then stays until `destroy`). The loader takes the event's name as given: check it here.
   */
  <E extends HostEvent>(command: 'on', event: E, handler: HostEventHandler<E>): (() => void) | undefined;
  (command: 'destroy'): void;
}

/** `window.UchiSupport`: the command function, and each command as a method (`UchiSupport.open()`). */
export interface UchiSupportApi extends UchiSupportCommand, WidgetCommands {
  /** Creates the widget: draws the launcher, or renders inline into `container` with `mode: 'inline'`. */
  init(options: WidgetOptions): void;
  /** Subscribes to an event; returns the unsubscribe. */
  on<E extends HostEvent>(event: E, handler: HostEventHandler<E>): () => void;
  /**
   * Removes the widget and the launcher, and puts back what `window.UchiSupport` was before `loader.js` ran (the
   * embed snippet's queue, or nothing): to create the widget again, load `loader.js` again.
   */
  destroy(): void;
}

declare global {
  interface Window {
    /** Defined by `loader.js` (or by the embed snippet's queue until the loader runs). */
    UchiSupport: UchiSupportApi;
  }
  /** `UchiSupport.open()` without `window.`, as the embed snippet writes it. */
  var UchiSupport: UchiSupportApi;
}

export type { HostContext, HostEvent, HostEventHandler, Locale, OpenArgs, UchiProAccount, WidgetOptions };
