/**
 * One widget instance on a page: validates options, builds the API client and the environment, renders the
 * React app into its own shadow root, and tears everything down again. Used by the script tag and by `mount()`.
 */
import { QueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { hostContextSchema } from '../core';
import type { HostContext } from '../core';
import { createLazySupportApi, isGuestKey, newGuestKey } from '../api';
import type { HttpSupportApi } from '../api';
import { WidgetRoot, widgetCss, widgetNamespaces } from '../widget/app';
import { addEnglish, createWidgetI18n } from '../widget/shared/i18n';
import type { Locale } from '../widget/shared/i18n';
import { createMemoryTextStore } from '../widget/shared/memory-stores';
import type { Prefill, WidgetEnv, WidgetEvent } from '../widget/shared/env';
import { contextFromAccount, contextFromToken } from './host-context';
import { createLazyBlobStore } from './lazy-blob-store';
import { initOptionsSchema, localeSchema, openArgsSchema, parseOrThrow, uchiProAccountSchema } from './options';
import type { InitOptions } from './options';
import { currentPageUrl, readBrowser, safeLocalStorage, toPageErrors } from './page';
import { HIDDEN_ATTRIBUTE, hostCss } from './host-styles';
import { releaseQueryClient } from './release-query-client';
import { adoptBadgeStyles, adoptStyles } from './styles';
import { shareFirstToken } from './token-source';

const GUEST_KEY = 'uchi-support:guest-key';

/** Events a host can subscribe to. */
export type HostEvent = 'ready' | 'open' | 'close' | 'ticket:created' | 'ticket:status' | 'error';

/** How a widget talks back to whoever created it. */
export interface WidgetHooks {
  emit(event: HostEvent, payload?: unknown): void;
  /** The loader's launcher button, in launcher mode. */
  launcher?: () => HTMLButtonElement | undefined;
  /** Page errors the loader recorded. */
  errors?: readonly unknown[];
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

/** The context to show: an explicit one wins, then the LMS account, then the token's claims; null = guest. */
function resolveContext(options: InitOptions, token: string | null): HostContext | null {
  if (options.context !== undefined) return options.context;
  if (options.account !== undefined) return contextFromAccount(options.account, options.lmsUrl ?? location.origin);
  return token === null ? null : contextFromToken(token);
}

/** Finds the inline container or creates the launcher panel's host. */
function resolveHost(options: InitOptions): { element: HTMLElement; created: boolean } {
  if (options.mode === 'inline') {
    const target = typeof options.container === 'string' ? document.querySelector<HTMLElement>(options.container) : options.container;
    if (target === null || target === undefined) throw new TypeError('UchiSupport init: "container" must name an element on the page in inline mode');
    const element = document.createElement('uchi-support-inline');
    target.append(element);
    return { element, created: true };
  }
  const element = document.createElement('uchi-support-panel');
  document.body.append(element);
  return { element, created: true };
}

/** Creates and renders a widget; throws a clear message for a wrong option. */
export function createWidget(rawOptions: unknown, hooks: WidgetHooks): WidgetInstance {
  const options = parseOrThrow('init', initOptionsSchema, rawOptions);
  const mode = options.mode ?? 'launcher';
  const storage = safeLocalStorage();
  const textStore = storage ?? createMemoryTextStore();
  let token = options.token ?? null;
  let context = resolveContext(options, token);
  let guestKey = textStore.getItem(GUEST_KEY);
  if (guestKey === null || !isGuestKey(guestKey)) {
    guestKey = newGuestKey();
    textStore.setItem(GUEST_KEY, guestKey);
  }
  const tokenSource = options.getToken === undefined ? undefined : shareFirstToken(options.getToken as () => Promise<string | null> | string | null);
  let tokenSetByHost = false;
  const api: HttpSupportApi = createLazySupportApi({
    baseUrl: options.apiUrl,
    token,
    guestKey,
    ...(tokenSource === undefined ? {} : { getToken: () => tokenSource.getToken() }),
  });

  const { element: hostElement } = resolveHost(options);
  const shadow = hostElement.attachShadow({ mode: 'open' });
  const removeHostStyles = adoptStyles(shadow, hostCss(mode, { zIndex: options.zIndex, offset: options.offset, placement: options.placement }), options.nonce);
  const removeStyles = adoptStyles(shadow, widgetCss, options.nonce);
  const mountPoint = document.createElement('div');
  shadow.append(mountPoint);

  let locale: Locale = options.locale ?? 'ru';
  // Russian is in the bundle; English arrives in a chunk of its own, and the widget waits for it before it
  // first renders in English (no flash of Russian), or keeps Russian when it cannot load.
  const i18n = createWidgetI18n('ru', widgetNamespaces);
  let english: Promise<void> | undefined;
  const speak = async (next: Locale): Promise<void> => {
    if (next === 'en') {
      try {
        await (english ??= import('../widget/app/english').then(({ englishMessages }) => addEnglish(i18n, englishMessages)));
      } catch {
        english = undefined; // tried again on the next setLocale('en')
        hooks.emit('error', { message: 'UchiSupport: the English texts could not be loaded; showing Russian' });
        return;
      }
    }
    if (locale === next) await i18n.changeLanguage(next);
  };
  let held = locale !== 'ru';
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const blobStore = createLazyBlobStore();
  let open = mode === 'inline';
  let openRequest: { id: number; prefill?: Prefill } = { id: 0 };
  let destroyed = false;
  const root: Root = createRoot(mountPoint);

  const emitWidgetEvent = (event: WidgetEvent) => {
    if (event.type === 'error') hooks.emit('error', { message: event.message });
    else hooks.emit(event.type, event);
  };

  const buildEnv = (): WidgetEnv => {
    const pageUrl = currentPageUrl();
    return {
      api,
      host: context,
      userKey: context?.userId ?? (token === null ? 'guest' : 'user'),
      ...(pageUrl === undefined ? {} : { pageUrl }),
      ...(openRequest.prefill === undefined ? {} : { prefill: openRequest.prefill }),
      now: () => new Date(),
      readBrowser,
      pageErrors: () => toPageErrors(hooks.errors ?? [], new Date()),
      textStore,
      blobStore,
      emit: emitWidgetEvent,
      container: () => shadow,
      adoptStyles: (css) => adoptStyles(shadow, css, options.nonce),
      hide: () => {
        // Out of the picture for a page capture: our panel and the loader's launcher button. Both hosts are
        // reset by `!important` rules inside their shadow roots, which outrank a style set on the host, so the
        // panel hides by a shadow rule keyed to an attribute, and the button by its own style.
        const button = hooks.launcher?.();
        hostElement.setAttribute(HIDDEN_ATTRIBUTE, '');
        button?.style.setProperty('visibility', 'hidden', 'important');
        return () => {
          hostElement.removeAttribute(HIDDEN_ATTRIBUTE);
          button?.style.removeProperty('visibility');
        };
      },
    };
  };

  // The loader draws a bare button to stay under 1 kB; the count bubble's style comes with the bundle.
  let badgeStyles: (() => void) | undefined;

  const render = () => {
    if (destroyed || held) return;
    root.render(
      <WidgetRoot
        env={buildEnv()}
        i18n={i18n}
        queryClient={queryClient}
        theme={options.theme ?? 'auto'}
        mode={mode}
        open={open}
        openRequest={openRequest}
        onClose={() => instance.close()}
        onUnseenChange={(count, label) => {
          const button = hooks.launcher?.();
          if (button === undefined) return;
          badgeStyles ??= adoptBadgeStyles(button, options.nonce);
          button.dataset['badge'] = count > 0 ? String(count) : '';
          button.setAttribute('aria-label', label);
        }}
      />,
    );
  };

  const setOpen = (next: boolean) => {
    if (open === next) return;
    open = next;
    hooks.launcher?.()?.setAttribute('aria-expanded', String(next));
    render();
    hooks.emit(next ? 'open' : 'close');
    if (!next) hooks.launcher?.()?.focus();
  };

  const instance: WidgetInstance = {
    open(args) {
      const prefill = parseOrThrow('open', openArgsSchema, args);
      if (prefill !== undefined) openRequest = { id: openRequest.id + 1, prefill };
      if (open) render();
      setOpen(true);
    },
    close() {
      if (mode === 'launcher') setOpen(false);
    },
    setToken(next) {
      if (typeof next === 'function') throw new TypeError('UchiSupport setToken: pass the token string; give a "getToken" function to init instead');
      if (next !== null && typeof next !== 'string') throw new TypeError('UchiSupport setToken: the token must be a string or null');
      token = next;
      tokenSetByHost = true;
      api.setToken(next);
      if (options.context === undefined && options.account === undefined) context = next === null ? null : contextFromToken(next);
      void queryClient.invalidateQueries();
      render();
    },
    setContext(next) {
      const account = uchiProAccountSchema.safeParse(next);
      context = account.success
        ? contextFromAccount(account.data, options.lmsUrl ?? location.origin)
        : next === null
          ? null
          : parseOrThrow('setContext', hostContextSchema, next);
      render();
    },
    setLocale(next) {
      locale = parseOrThrow('setLocale', localeSchema, next);
      void speak(locale).then(render);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      root.unmount();
      releaseQueryClient(queryClient);
      removeStyles();
      removeHostStyles();
      hostElement.remove();
      const button = hooks.launcher?.();
      badgeStyles?.();
      if (button !== undefined) {
        delete button.dataset['badge'];
        button.removeAttribute('aria-label');
      }
    },
  };

  // With only `getToken`, who the user is arrives with the first token: show it read-only, not a guest form.
  if (tokenSource !== undefined && token === null && options.context === undefined && options.account === undefined) {
    void tokenSource.first().then((first) => {
      if (destroyed || tokenSetByHost || first === null) return;
      token = first;
      context = contextFromToken(first);
      render();
    });
  }

  if (held) {
    void speak(locale).finally(() => {
      held = false;
      render();
    });
  } else {
    render();
  }
  hooks.emit('ready');
  return instance;
}
