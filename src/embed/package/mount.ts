/** The npm package's entry for any framework: `mount(element, options)` renders the widget inline. */
import type { HostEvent, WidgetInstance } from '../widget';
import { createWidget } from '../widget';

/** A mounted widget. */
export interface MountedWidget extends Omit<WidgetInstance, 'destroy'> {
  /** Subscribes to an event; returns the unsubscribe. */
  on(event: HostEvent, handler: (payload: unknown) => void): () => void;
  /** Removes the widget and everything it added. */
  unmount(): void;
}

/** Renders the widget into `element` (inline mode); options are those of `init` without `mode`/`container`. */
export function mount(element: HTMLElement, options: Record<string, unknown>): MountedWidget {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const widget = createWidget(
    { ...options, mode: 'inline', container: element },
    { emit: (event, payload) => handlers.get(event)?.forEach((handler) => handler(payload)) },
  );
  return {
    open: (args) => widget.open(args),
    close: () => widget.close(),
    setToken: (token) => widget.setToken(token),
    setContext: (context) => widget.setContext(context),
    setLocale: (locale) => widget.setLocale(locale),
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set.add(handler));
      return () => void set.delete(handler);
    },
    unmount() {
      widget.destroy();
      handlers.clear();
    },
  };
}

export type { HostEvent };
export type { InitOptions, OpenArgs, UchiProAccount } from '../options';
