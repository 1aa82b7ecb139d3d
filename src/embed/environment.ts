/**
 * The environment the widget renders with (`WidgetEnv`). Its functions are made once per widget, so what hangs
 * on them stays put across renders: a lazily loaded part adopts its stylesheet once, not again on every open
 * and close. The object itself changes only when what it describes does (the user, the page, a pre-fill).
 */
import type { Prefill, TextStore, WidgetEnv, WidgetEvent, BlobStore } from '../widget/shared/env';
import type { Identity } from './identity';
import { currentPageUrl, readBrowser, toPageErrors } from './page';
import { adoptStyles } from './styles';

/** What the environment is built from. */
export interface EnvironmentParts {
  identity: Identity;
  textStore: TextStore;
  blobStore: BlobStore;
  shadow: ShadowRoot;
  nonce: string | undefined;
  /** The operator's personal data policy (the `privacyPolicyUrl` option). */
  privacyPolicyUrl: string | undefined;
  /** Page errors the loader recorded. */
  errors: readonly unknown[];
  emit(event: WidgetEvent): void;
  hide(): () => void;
}

/** Returns `current()`: the environment for now, the same object as last time when nothing it shows changed. */
export function createEnvironment(parts: EnvironmentParts): { current(prefill: Prefill | undefined): WidgetEnv } {
  const { identity, shadow, nonce } = parts;
  const stable = {
    api: identity.api,
    now: () => new Date(),
    readBrowser,
    pageErrors: () => toPageErrors(parts.errors, new Date()),
    textStore: parts.textStore,
    blobStore: parts.blobStore,
    emit: parts.emit,
    container: () => shadow,
    adoptStyles: (css: string) => adoptStyles(shadow, css, nonce),
    hide: parts.hide,
    ...(parts.privacyPolicyUrl === undefined ? {} : { privacyPolicyUrl: parts.privacyPolicyUrl }),
  } satisfies Partial<WidgetEnv>;
  let last: WidgetEnv | undefined;
  return {
    current(prefill) {
      const guest = identity.guest();
      // A widget that speaks as a guest files as one: the form asks for the contact and the consent the server
      // requires of a guest, rather than showing a host's context it would not send.
      const host = guest ? null : identity.context();
      const userKey = identity.userKey();
      const pageUrl = currentPageUrl();
      if (last !== undefined && last.host === host && last.userKey === userKey && last.guest === guest && last.pageUrl === pageUrl && last.prefill === prefill) return last;
      last = {
        ...stable,
        host,
        userKey,
        guest,
        ...(pageUrl === undefined ? {} : { pageUrl }),
        ...(prefill === undefined ? {} : { prefill }),
      };
      return last;
    },
  };
}
