/**
 * The script-tag loader (docs/architecture.md): framework-free and under 1 kB gzip. At load it only defines the
 * command queue and listens for page errors and links to a ticket; it draws the launcher after `init`, fetches
 * the widget bundle on the launcher's hover or focus (at once for a link to a ticket or an `unread`
 * subscriber), and runs it, replaying the queued commands in order.
 * Commands and their arguments are checked by the bundle, which validates them with the core schemas.
 */
import type { WidgetController } from './bridge';

declare const __UCHI_SUPPORT_ENTRY__: string;

type Args = unknown[];
type Options = { mode?: string; placement?: string; zIndex?: number; offset?: { x?: number; y?: number }; locale?: string };
type Api = ((name: string, ...args: Args) => unknown) & Record<string, unknown>;

const w = window as unknown as { UchiSupport?: (Api & { q?: Iterable<unknown>[] }) | undefined };
const previous = w.UchiSupport;

// A second copy of this script (a tag added twice, an SPA that injects it again) leaves the first in charge: a
// running loader answers any name with a method (`UchiSupport.on`), the snippet's queue only has `q`.
if (!previous?.on) {
  const script = document.currentScript as HTMLScriptElement | null;
  const errors: unknown[] = [];
  let handlers: Record<string, Set<(payload: unknown) => void>> = {};
  let pending: [string, Args][] = [];
  let controller: WidgetController | undefined;
  let loading: Promise<void> | undefined;
  let host: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;

  // One listener for both: an ErrorEvent has `error` (null for a cross-origin script: then `message`), a
  // PromiseRejectionEvent has `reason`. A link to a ticket (`#uchi-support=UP-2026-000123`, as the e-mails
  // have) loads the widget, which opens the ticket.
  const onError = ((e: ErrorEvent & PromiseRejectionEvent) => errors.push(e.error ?? e.reason ?? e.message) > 20 && errors.shift()) as EventListener;
  const deepLink = () => location.hash.includes('uchi-support=') && load();
  // Given the window's own addEventListener or removeEventListener, called bare (a window method called without a
  // receiver acts on the window): three calls, fewer bytes than a loop or `window[name](…)` each time.
  const listen = (method: (type: string, listener: EventListener) => void) => {
    method('error', onError);
    method('unhandledrejection', onError);
    method('hashchange', deepLink);
  };
  listen(addEventListener);

  const emit = (event: string, payload?: unknown) => handlers[event]?.forEach((handler) => handler(payload));

  const load = () =>
    // import() takes the URL as is (it converts its argument to a string).
    (loading ??= import(/* @vite-ignore */ new URL(__UCHI_SUPPORT_ENTRY__, script!.src) as unknown as string).then(
      (module: { boot: (bridge: object) => WidgetController }) => {
        controller = module.boot({ e: emit, r: errors, l: () => button, q: pending });
      },
      (error: unknown) => {
        loading = undefined;
        emit('error', error);
      },
    ));

  // `o` may be missing or null (`UchiSupport('init')`): the launcher is drawn as by default, and the bundle names the mistake.
  function draw(o: Options | undefined) {
    host = document.createElement('uchi-support-launcher');
    const sheet = new CSSStyleSheet();
    // `!important` in a shadow root beats the page's `* {… !important}` on the host: the host is reset from inside.
    sheet.replaceSync(
      `:host{all:initial!important;position:fixed!important;z-index:${o?.zIndex ?? 2147483000}!important;${o?.placement?.slice?.(7) ?? 'right'}:${o?.offset?.x ?? 20}px!important;bottom:${o?.offset?.y ?? 20}px!important}button{all:initial;padding:14px;border-radius:24px;background:var(--uchi-support-accent,#2f6fed);color:#fff;font:600 15px var(--uchi-support-font,system-ui);cursor:pointer}`,
    );
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    // Its text comes from `call`, as every `init` and `setLocale` sets it.
    button = root.appendChild(document.createElement('button'));
    button.onpointerenter = button.onfocus = load;
    // Before the widget runs its panel is closed: a click opens it. The widget then makes the button a toggle.
    button.onclick = () => call('open');
    // <html> exists even when an async loader runs before <body> is parsed. In the top layer, no ancestor's
    // filter or transform (a "mourning" grayscale on <html>) can pin the fixed launcher to the document.
    host.popover = 'manual';
    document.documentElement.append(host);
    host.showPopover?.();
    // A link to a ticket the page was opened with: the inline widget loads anyway and opens it itself.
    deepLink();
  }

  function call(name: string, ...args: Args): unknown {
    const [first, second] = args as [Options & string, (payload: unknown) => void];
    if (name == 'on') {
      (handlers[first] ??= new Set()).add(second);
      // The unread count is the widget's to tell: it loads now rather than on the first hover.
      if (first == 'unread') load();
      return () => handlers[first]?.delete(second);
    }
    if (name == 'init') {
      if (first?.mode == 'inline') load();
      else if (!host) draw(first);
    }
    if (name == 'open') load();
    // The launcher's text follows the language at once, a repeated `init`'s too (it replaces the options): the
    // widget may not run for a long while (or ever) on this page. Once it runs it says the same text again, from its
    // own messages. (Inline mode has no launcher.)
    if (name == 'setLocale' || name == 'init') button?.replaceChildren((name == 'init' ? first?.locale : first) == 'en' ? 'Support' : 'Техподдержка');
    if (name == 'destroy') {
      host?.remove();
      host = button = loading = undefined;
      pending = [];
      handlers = {};
      listen(removeEventListener);
      // The snippet's stub again (it queues for a loader loaded anew), or nothing.
      w.UchiSupport = previous;
    }
    if (controller) {
      const result = controller.run(name, args);
      if (name == 'destroy') controller = undefined;
      return result;
    }
    if (name != 'destroy') pending.push([name, args]);
    return undefined;
  }

  // The method form (`UchiSupport.open()`) for every command, without listing them here.
  w.UchiSupport = new Proxy(call, { get: (_, name: string) => (...args: Args) => call(name, ...args) }) as Api;
  // Consumed, so a loader loaded again after `destroy` does not replay the previous life's calls.
  for (const args of previous?.q?.splice(0) ?? []) call(...(args as [string]));
}
