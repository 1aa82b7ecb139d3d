/**
 * The `Authorization` header: `Bearer <token>` for a signed-in user, `Guest <key>` for a guest. A token
 * getter is asked once up front and once more after a 401; concurrent 401s share one refresh.
 */

/** Where the reporter token comes from. */
export interface AuthOptions {
  token?: string | null | undefined;
  /** Returns a fresh token (the embed's `getToken` callback); called at first use and after a 401. */
  getToken?: (() => Promise<string | null> | string | null) | undefined;
  /** The guest's key, used when there is no token. */
  guestKey?: string | undefined;
}

/** The auth state of one client. */
export interface AuthState {
  /** The header to send now, or null when the caller is anonymous. */
  header(): Promise<string | null>;
  /**
   * After a 401 answered to a request sent with `usedHeader`: gets a new token and says whether retrying
   * makes sense (a different header is available). Never asks the getter more than once per 401.
   */
  refresh(usedHeader: string | null): Promise<boolean>;
  /** Replaces the token (the embed's `setToken`); null switches to guest mode. */
  setToken(token: string | null): void;
  /** Replaces the guest key. */
  setGuestKey(key: string | null): void;
}

/** Creates the auth state. */
export function createAuth(options: AuthOptions): AuthState {
  let token: string | null = nonEmpty(options.token);
  let guestKey: string | null = nonEmpty(options.guestKey);
  let asked = token !== null;
  let pending: Promise<void> | null = null;
  const getToken = options.getToken;

  // One call to the getter at a time; a failing getter counts as "no token".
  const ask = (): Promise<void> => {
    if (getToken === undefined) return Promise.resolve();
    pending ??= (async () => {
      try {
        token = nonEmpty(await getToken());
      } catch {
        token = null;
      } finally {
        asked = true;
        pending = null;
      }
    })();
    return pending;
  };

  const current = () => (token !== null ? `Bearer ${token}` : guestKey !== null ? `Guest ${guestKey}` : null);

  return {
    async header() {
      if (!asked) await ask();
      else if (pending !== null) await pending;
      return current();
    },
    async refresh(usedHeader) {
      if (getToken === undefined) return false;
      // Another request's refresh may already have replaced the token this one was sent with.
      if (pending !== null) await pending;
      else if (current() === usedHeader) await ask();
      // Only a new token is worth a retry: falling back to guest would silently change who is asking.
      return token !== null && `Bearer ${token}` !== usedHeader;
    },
    setToken(value) {
      token = nonEmpty(value);
      asked = true;
    },
    setGuestKey(value) {
      guestKey = nonEmpty(value);
    },
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}
