/** `mount` without its check of the element (the React component's own element may still hold the last widget, leaving). */
import { version } from 'react';
import { UchiSupportOptionError } from '../options';
import { createWidget } from '../widget';
import { HOST_EVENTS } from './events';
import type { HostEvent as WidgetHostEvent } from '../widget';
import type { HostEvent, HostEventHandler, MountedWidget, MountOptions } from './types';

/** The events named here and those the widget emits are the same set (a compile error otherwise). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventsMatch: Same<HostEvent, WidgetHostEvent> = true;
void eventsMatch;

/** Calls a host's handler: one that throws is the host's mistake, logged, and neither the widget nor the other handlers stop. */
function tell(handler: (payload: unknown) => void, payload: unknown): void {
  try {
    handler(payload);
  } catch (error) {
    console.error(error);
  }
}

/** Renders the widget into `element` (inline mode), checking the options and the page's React. */
export function mountWidget(element: HTMLElement, options: MountOptions): MountedWidget {
  // Checked here, or the widget would name its own option ("container") that the caller never passed.
  if (typeof element !== 'object' || element === null || (element as Node).nodeType !== 1) {
    throw new UchiSupportOptionError(`UchiSupport mount: the first argument must be the element to render into, not ${element === null ? 'null' : typeof element}`);
  }
  // The page's React renders the widget: React 18 lacks what it uses, and would fail deep inside with a name no
  // host could read.
  if (Number(version.split('.')[0]) < 19) {
    throw new UchiSupportOptionError(`UchiSupport mount: the widget needs React 19 or newer, and this page has React ${version}; load loader.js or element.js instead, which bring their own`);
  }
  const handlers = new Map<HostEvent, Set<(payload: unknown) => void>>();
  // `ready` and `open` (the inline widget is open from the start) are emitted while the widget is created, before
  // anyone could subscribe, and the unread count whenever it changes: all are kept and told to a later subscriber.
  const kept = new Map<HostEvent, unknown>();
  let creating = true;
  const widget = createWidget(
    { ...options, mode: 'inline', container: element },
    {
      emit(event, payload) {
        if (event === 'unread' || (creating && (event === 'ready' || event === 'open'))) kept.set(event, payload);
        handlers.get(event)?.forEach((handler) => tell(handler, payload));
      },
    },
  );
  creating = false;
  return {
    open: (args) => widget.open(args),
    close: () => widget.close(),
    setToken: (token) => widget.setToken(token),
    setContext: (context) => widget.setContext(context),
    setLocale: (locale) => widget.setLocale(locale),
    on<E extends HostEvent>(event: E, handler: HostEventHandler<E>) {
      // A misspelt event would never be told: say so at once (TypeScript catches it before, plain JS here).
      if (!HOST_EVENTS.includes(event)) throw new UchiSupportOptionError(`UchiSupport on: "${String(event)}" is not an event; the events are ${HOST_EVENTS.map((name) => `"${name}"`).join(', ')}`);
      if (typeof handler !== 'function') throw new UchiSupportOptionError(`UchiSupport on: the handler of "${event}" must be a function`);
      const set = handlers.get(event) ?? new Set();
      const listener = handler as (payload: unknown) => void;
      handlers.set(event, set.add(listener));
      if (kept.has(event)) {
        const payload = kept.get(event);
        queueMicrotask(() => {
          if (set.has(listener)) tell(listener, payload);
        });
      }
      return () => void set.delete(listener);
    },
    unmount() {
      widget.destroy();
      handlers.clear();
    },
  };
}

