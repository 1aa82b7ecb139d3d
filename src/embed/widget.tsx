/**
 * One widget instance on a page: validates options, and ties together its parts — who it speaks for
 * (identity.ts), its place on the page (panel-host.ts), its language (locale.ts) and the environment it renders
 * with (environment.ts) — around one React root. Used by the script tag and by `mount()`.
 */
import { QueryClient } from '@tanstack/react-query';
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { WidgetRoot } from '../widget/app';
import { createMemoryTextStore } from '../widget/shared/memory-stores';
import type { Prefill, WidgetEvent } from '../widget/shared/env';
import { takeDeepLink } from './deep-link';
import { createEnvironment } from './environment';
import { createIdentity } from './identity';
import { createLazyBlobStore } from './lazy-blob-store';
import { createWidgetLocale } from './locale';
import { initOptionsSchema, localeSchema, openArgsSchema, parseOrThrow } from './options';
import { safeLocalStorage } from './page';
import { createPanelHost } from './panel-host';
import { releaseQueryClient } from './release-query-client';

/** Events a host can subscribe to. */
export type HostEvent = 'ready' | 'open' | 'close' | 'ticket:created' | 'ticket:status' | 'unread' | 'error';

/** How a widget talks back to whoever created it. */
export interface WidgetHooks {
  emit(event: HostEvent, payload?: unknown): void;
  /** The loader's launcher button, in launcher mode. */
  launcher?: () => HTMLButtonElement | undefined;
  /** Page errors the loader recorded. */
  errors?: readonly unknown[];
  /** Runs a command as the host's own call would (in order with what is still queued): the launcher's clicks. */
  run?(command: 'open' | 'close'): void;
}

/** A running widget. */
export interface WidgetInstance {
  open(args?: unknown): void;
  close(): void;
  setToken(token: unknown): void;
  setContext(context: unknown): void;
  setLocale(locale: unknown): void;
  destroy(): void;
}

/** A widget the loader runs: it can also get ready ahead of its first open. */
export interface PreparableWidget extends WidgetInstance {
  /**
   * Renders the closed panel's content ahead of the first open (the pointer rests on the launcher, or it has
   * focus), in a transition that yields to the page, so the click only shows it.
   */
  prepare(): void;
}

/** Creates and renders a widget; throws a clear message for a wrong option. */
export function createWidget(rawOptions: unknown, hooks: WidgetHooks): PreparableWidget {
  const options = parseOrThrow('init', initOptionsSchema, rawOptions);
  const mode = options.mode ?? 'launcher';
  const launcher = () => hooks.launcher?.();
  const textStore = safeLocalStorage() ?? createMemoryTextStore();
  const locale = createWidgetLocale((message) => hooks.emit('error', { message }));
  const identity = createIdentity(
    options,
    textStore,
    () => hooks.emit('error', { code: 'unauthorized', message: 'UchiSupport: the support server refused the token (expired or invalid); call setToken with a new one' }),
    () => locale.i18n.language,
  );
  const host = createPanelHost(options, launcher);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const environment = createEnvironment({
    identity,
    textStore,
    blobStore: createLazyBlobStore(),
    shadow: host.shadow,
    nonce: options.nonce,
    privacyPolicyUrl: options.privacyPolicyUrl,
    // `pageErrors: false`: the host keeps its page's errors out of the tickets (no «Приложить ошибки страницы»).
    errors: (options.pageErrors !== false && hooks.errors) || [],
    emit: (event: WidgetEvent) => (event.type === 'error' ? hooks.emit('error', { message: event.message }) : hooks.emit(event.type, event)),
    hide: () => host.hide(),
  });
  const root = createRoot(host.mountPoint);

  // The panel's state: whether it is shown, whether its content may render while closed, the last pre-fill.
  let open = mode === 'inline';
  let prepared = false;
  let openRequest: { id: number; prefill?: Prefill; ticket?: string } = { id: 0 };
  // The last unseen count told to the host (`unread`), so each change is told once.
  let unread: number | undefined;
  // Until a non-Russian locale's texts are there, nothing renders (no flash of Russian).
  let held = options.locale !== undefined && options.locale !== 'ru';
  let destroyed = false;
  // What had the focus when the panel opened (a page's own «Сообщить о проблеме» button): it gets it back.
  let opener: HTMLElement | null = null;

  const onClose = () => instance.close();
  const onUnseenChange = (count: number, label: string) => {
    host.setBadge(count, label);
    if (count === unread) return;
    unread = count;
    hooks.emit('unread', count);
  };
  // `#uchi-support=<number>` in the address, now or later: that ticket opens (and the fragment is removed).
  const onHashChange = () => {
    const link = takeDeepLink();
    if (link === null) return;
    if (link.ticket === undefined) hooks.emit('error', { message: `UchiSupport: "${link.raw}" in the address is not a ticket number` });
    else instance.open({ ticket: link.ticket });
  };
  // The panel and the loader's launcher in the widget's language (an `init` again may name another).
  const showLanguage = () => {
    if (destroyed) return;
    host.setLauncherText(locale.i18n.t('launcher', { ns: 'app' }));
    render();
  };
  const render = () => {
    if (destroyed || held) return;
    root.render(
      <WidgetRoot
        env={environment.current(openRequest.prefill)}
        i18n={locale.i18n}
        queryClient={queryClient}
        theme={options.theme ?? 'auto'}
        mode={mode}
        headingLevel={options.headingLevel}
        open={open}
        prepared={prepared}
        openRequest={openRequest}
        onClose={onClose}
        onUnseenChange={onUnseenChange}
      />,
    );
  };

  // Another user (or none) now: nothing read for the previous one may show, not even while the new answers come
  // (the panel's content remounts on the new user's drafts, see WidgetRoot). The same user's new token only
  // refreshes what is shown.
  const afterIdentityChange = (before: string) => {
    if (identity.userKey() === before) void queryClient.invalidateQueries();
    else queryClient.clear();
    render();
  };

  const setOpen = (next: boolean) => {
    if (open === next) return;
    open = next;
    if (next) opener = focusedOnPage(host.shadow);
    launcher()?.setAttribute('aria-expanded', String(next));
    render();
    hooks.emit(next ? 'open' : 'close');
    if (next) {
      // An open right after a close that has not rendered yet (Escape, then Enter, faster than a busy page
      // renders) changes nothing React sees, so the shell does not focus its title: the panel, still shown, takes
      // the focus here. A panel closed or not yet rendered takes nothing, and the shell focuses it once shown.
      host.shadow.querySelector<HTMLElement>('.us-shell__title')?.focus();
    } else {
      const back = opener?.isConnected === true ? opener : launcher();
      opener = null;
      back?.focus();
    }
  };

  // The loader's button opens the panel until the widget runs; from now on it toggles it, and says whether the
  // panel is open from the start (the loader has no room to say it).
  const button = launcher();
  if (button !== undefined) {
    button.setAttribute('aria-expanded', 'false');
    button.onclick = () => {
      const command = open ? 'close' : 'open';
      if (hooks.run === undefined) instance[command]();
      else hooks.run(command);
    };
  }

  const instance: PreparableWidget = {
    open(args) {
      const parsed = parseOrThrow('open', openArgsSchema, args);
      if (parsed !== undefined) {
        const { ticket, ...prefill } = parsed;
        openRequest = ticket === undefined ? { id: openRequest.id + 1, prefill } : { id: openRequest.id + 1, ticket };
      }
      if (open) render();
      setOpen(true);
    },
    close() {
      if (mode === 'launcher') setOpen(false);
    },
    prepare() {
      if (prepared || open) return;
      prepared = true;
      host.warmFonts();
      // A transition renders in slices of a few milliseconds: the host page keeps its frames while we work.
      startTransition(render);
    },
    setToken(next) {
      const before = identity.userKey();
      identity.setToken(next);
      afterIdentityChange(before);
    },
    setContext(next) {
      const before = identity.userKey();
      identity.setContext(next);
      afterIdentityChange(before);
    },
    setLocale(next) {
      void locale.set(parseOrThrow('setLocale', localeSchema, next)).then(showLanguage);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      // An open panel goes as a close does (`init` again, `destroy`): the host is told, the focus goes back.
      setOpen(false);
      window.removeEventListener('hashchange', onHashChange);
      root.unmount();
      releaseQueryClient(queryClient);
      host.remove();
    },
  };

  identity.whenFirstToken(() => {
    if (!destroyed) render();
  });

  if (held) {
    void locale.set(options.locale ?? 'ru').finally(() => {
      held = false;
      showLanguage();
    });
  } else {
    showLanguage();
  }
  hooks.emit('ready');
  // The inline widget is open from the start: it says so once, as the launcher's panel does on each open.
  if (mode === 'inline') hooks.emit('open');
  window.addEventListener('hashchange', onHashChange);
  onHashChange();
  return instance;
}

/**
 * The page's focused element, inside open shadow roots too (the loader's launcher button is in one), or null for
 * none, the body, or something of the widget's own.
 */
function focusedOnPage(own: ShadowRoot): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body || active.getRootNode() === own) return null;
  return active;
}
