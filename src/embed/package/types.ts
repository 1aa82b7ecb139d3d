/**
 * The package's public types: the options of `mount` (the same schema `init` validates with), the methods of
 * a mounted widget and the events it reports. Depends only on the options and the core, so the shipped
 * declarations stay small.
 */
import type { HostContext } from '../../core';
import type { InitOptions, OpenArgs, UchiProAccount } from '../options';

export type { HostContext, InitOptions, OpenArgs, UchiProAccount };

/** A locale of the widget's texts. */
export type Locale = 'ru' | 'en';
/** A colour theme; `auto` follows the user's system. */
export type Theme = 'light' | 'dark' | 'auto';

/** Returns the current reporter token (null = guest); called again when the server rejects the last one. */
export type GetToken = () => Promise<string | null> | string | null;

/** Options of `init` (the script tag's command). */
export type WidgetOptions = Omit<InitOptions, 'getToken'> & {
  /** Returns a fresh reporter token; the widget asks again when the server says it expired. */
  getToken?: GetToken;
};

/** Options of `mount`: those of `init` without `mode` and `container` (the element given is the container). */
export type MountOptions = Omit<WidgetOptions, 'mode' | 'container'>;

/** What each event carries. */
export interface HostEventPayloads {
  /** The widget has rendered and takes commands. */
  ready: undefined;
  /** The panel opened (launcher mode) or the inline widget came up. */
  open: undefined;
  /** The panel closed. */
  close: undefined;
  /** A ticket was sent. */
  'ticket:created': { type: 'ticket:created'; ticketId: string; number: string };
  /** A ticket the user is looking at changed status. */
  'ticket:status': { type: 'ticket:status'; ticketId: string; number: string; status: string };
  /**
   * How many of the user's tickets changed since they last looked (0 when none): told once the widget has read
   * the list, then on every change, so the LMS can draw its own badge. `mount()` tells a later subscriber the
   * current count too.
   */
  unread: number;
  /**
   * Something went wrong (the message is for the host's logs, not for users). `code: 'unauthorized'`: the server
   * refused the token for good; sign a new one and pass it with `setToken`.
   */
  error: { message: string; code?: 'unauthorized' };
}

/** An event a host can subscribe to. */
export type HostEvent = keyof HostEventPayloads;

/** A handler of one event. */
export type HostEventHandler<E extends HostEvent> = (payload: HostEventPayloads[E]) => void;

/** The commands a widget takes, with their arguments. */
export interface WidgetCommands {
  /** Opens the panel (launcher mode) and shows the form, pre-filled with `args`. */
  open(args?: OpenArgs): void;
  /** Closes the panel (launcher mode). */
  close(): void;
  /** Replaces the reporter token (null = guest); the widget keeps its state. */
  setToken(token: string | null): void;
  /** Replaces who the user is: a host context, an Uchi.Pro account, or null for a guest. */
  setContext(context: HostContext | UchiProAccount | null): void;
  /** Switches the texts' language. */
  setLocale(locale: Locale): void;
}

/** A mounted widget. */
export interface MountedWidget extends WidgetCommands {
  /** Subscribes to an event; returns the unsubscribe. `ready` is delivered even when it came before `on`. */
  on<E extends HostEvent>(event: E, handler: HostEventHandler<E>): () => void;
  /** Removes the widget and everything it added. */
  unmount(): void;
}
