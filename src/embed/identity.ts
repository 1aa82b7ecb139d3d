/**
 * Who the widget speaks for: the token, the context shown read-only in the form, the guest key, and the API
 * client that carries them. One owner for all four, so a new token updates the client and the context together.
 */
import { hostContextSchema } from '../core';
import type { HostContext } from '../core';
import { createLazySupportApi, isGuestKey, newGuestKey } from '../api';
import type { HttpSupportApi } from '../api';
import type { TextStore } from '../widget/shared/env';
import { contextFromAccount, contextFromToken } from './host-context';
import { parseOrThrow, uchiProAccountSchema } from './options';
import type { InitOptions } from './options';
import { shareFirstToken } from './token-source';

const GUEST_KEY = 'uchi-support:guest-key';

/** The identity of one widget instance. */
export interface Identity {
  readonly api: HttpSupportApi;
  /**
   * Who the user is as far as the widget knows: the token's claims, else the host's context (which a guest may
   * have too: the environment shows none while the widget speaks as a guest); null when neither.
   */
  context(): HostContext | null;
  /** Whose drafts these are: the user id, `user` for a token without one, or `guest`. */
  userKey(): string;
  /** Whether the API speaks as a guest: no token, and none still awaited from `getToken`. */
  guest(): boolean;
  /** The host's `setToken`: a string or null (a function is a mistake: it belongs in `getToken`). */
  setToken(next: unknown): void;
  /** The host's `setContext`: an LMS account, a context, or null. */
  setContext(next: unknown): void;
  /**
   * With only `getToken`, who the user is arrives with the first token: calls `changed` once it does (unless
   * the host set a token first), so the form shows the user read-only rather than as a guest — and when it
   * turns out to be none, so a guest's remembered tickets show.
   */
  whenFirstToken(changed: () => void): void;
}

/** The host's own context: an explicit one, else the LMS account; undefined when it gave neither. */
function hostContextOf(options: InitOptions): HostContext | null | undefined {
  return options.context ?? (options.account === undefined ? undefined : contextFromAccount(options.account, options.lmsUrl ?? location.origin));
}

/**
 * The guest key kept in `store`, or a new one when missing or malformed; `save` stores a new one, which waits until
 * the widget speaks as a guest: a signed-in session leaves nothing of a guest's behind.
 */
function guestKeyIn(store: TextStore): { key: string; save(): void } {
  const stored = store.getItem(GUEST_KEY);
  let saved = stored !== null && isGuestKey(stored);
  const key = saved ? (stored as string) : newGuestKey();
  return {
    key,
    save() {
      // A full or refused storage keeps the key for this page only, as a guest without storage has it.
      try {
        if (!saved) store.setItem(GUEST_KEY, key);
      } catch {
        // Tried again at the next render.
        return;
      }
      saved = true;
    },
  };
}

/**
 * Builds the identity from the init options. `onTokenRefused` is told once per token when the server refuses it
 * for good (expired, or signed with another secret), so the host can sign a new one. `language` is the widget's,
 * which the server answers in.
 */
export function createIdentity(options: InitOptions, store: TextStore, onTokenRefused: () => void = () => undefined, language?: () => string): Identity {
  let token = options.token ?? null;
  // Who the form says sends the ticket: the server files it under the token's claims, so a token that carries them
  // is shown, whatever context the host gave; the host's context only without one (while the first token is
  // awaited, or with one the widget cannot read: environment.ts shows none to a guest).
  let hostContext: HostContext | null | undefined = hostContextOf(options);
  let tokenContext = token === null ? null : contextFromToken(token);
  let tokenSetByHost = false;
  // Whether `getToken`'s first answer has come (until then a missing token may still be a signed-in user's), and was one.
  let firstSettled = false;
  let firstWasToken = false;
  let refusedTold = false;
  const guestKey = guestKeyIn(store);
  const tokenSource = options.getToken === undefined ? undefined : shareFirstToken(options.getToken as () => Promise<string | null> | string | null);
  const api = createLazySupportApi({
    baseUrl: options.apiUrl,
    token,
    guestKey: guestKey.key,
    ...(language === undefined ? {} : { language }),
    ...(tokenSource === undefined ? {} : { getToken: () => tokenSource.getToken() }),
    onUnauthorized: () => {
      // A guest's key is the widget's own: only a token is the host's to replace.
      if (refusedTold || (token === null && tokenSource === undefined)) return;
      refusedTold = true;
      onTokenRefused();
    },
  });
  return {
    api,
    context: () => tokenContext ?? hostContext ?? null,
    userKey: () => (tokenContext ?? hostContext)?.userId ?? (token === null ? 'guest' : 'user'),
    guest() {
      const guest = token === null && (tokenSource === undefined || tokenSetByHost || (firstSettled && !firstWasToken));
      if (guest) guestKey.save();
      return guest;
    },
    setToken(next) {
      if (typeof next === 'function') throw new TypeError('UchiSupport setToken: pass the token string; give a "getToken" function to init instead');
      if (next !== null && typeof next !== 'string') throw new TypeError('UchiSupport setToken: the token must be a string or null');
      token = next;
      tokenSetByHost = true;
      refusedTold = false;
      api.setToken(next);
      tokenContext = next === null ? null : contextFromToken(next);
    },
    setContext(next) {
      const account = uchiProAccountSchema.safeParse(next);
      hostContext = account.success
        ? contextFromAccount(account.data, options.lmsUrl ?? location.origin, 'setContext')
        : next === null
          ? null
          : parseOrThrow('setContext', hostContextSchema, next);
    },
    whenFirstToken(changed) {
      if (tokenSource === undefined || token !== null) return;
      void tokenSource.first().then((first) => {
        firstSettled = true;
        firstWasToken = first !== null;
        if (tokenSetByHost) return;
        if (first !== null) {
          token = first;
          tokenContext = contextFromToken(first);
        }
        // Told even without a token: the user is a guest after all, whose remembered tickets may show now.
        changed();
      });
    },
  };
}
