/** The React component for React hosts: the same widget, mounted into a div it renders (own React root inside). */
import { useEffect, useRef, useState } from 'react';
import { errorPayload, HOST_EVENTS } from './events';
import { mountWidget as mount } from './mount-widget';
import type { GetToken, HostContext, HostEvent, HostEventPayloads, Locale, MountedWidget, MountOptions, Theme, UchiProAccount } from './types';

/** `onEvent`'s arguments: an event name with its payload (narrowed by comparing the name). */
export type UchiSupportEventArgs = { [E in HostEvent]: [event: E, payload: HostEventPayloads[E]] }[HostEvent];

/**
 * Props: the options of `mount` an inline widget of the package uses (no `pageErrors`: only the script-tag loader
 * records a page's errors; no `nonce` or `zIndex`), plus an event handler and a class name for the container.
 */
export interface UchiSupportWidgetProps {
  /** The Support API, e.g. `https://support.example.com/api/v1`. */
  apiUrl: string;
  /** The reporter token the LMS backend signed; null or absent = guest. A new value is applied in place. */
  token?: string | null;
  /** Returns a fresh token; asked again when the server says the last one expired. */
  getToken?: GetToken;
  /** Who the user is, shown read-only. Compared by value: an equal object on a re-render changes nothing. */
  context?: HostContext;
  /** The Uchi.Pro account as the LMS API returns it (instead of `context`). Compared by value. */
  account?: UchiProAccount;
  /** The LMS address an `account` belongs to (defaults to the page's origin). */
  lmsUrl?: string;
  /** The operator's personal data policy, linked from a guest's consent to its processing. */
  privacyPolicyUrl?: string;
  locale?: Locale;
  theme?: Theme;
  /** The level of the widget's title (default 1): 2 inside a page with its own h1; the headings below follow. */
  headingLevel?: 1 | 2 | 3 | 4;
  onEvent?: (...args: UchiSupportEventArgs) => void;
  className?: string;
}

/** What a mount is given that a change of tries again after a refusal: the token, the locale and the identity's key. */
function givenKey(token: string | null | undefined, locale: string | undefined, identityKey: string): string {
  return `${token ?? ''}|${locale ?? ''}|${identityKey}`;
}

/** A string equal for equal plain values (object keys sorted), so inline objects compare by value. */
function valueKey(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  ) ?? 'undefined';
}

/** Tells the host's `onEvent` of the props now rendered. */
function tell(props: UchiSupportWidgetProps, event: HostEvent, payload: unknown): void {
  (props.onEvent as ((event: HostEvent, payload: unknown) => void) | undefined)?.(event, payload);
}

/**
 * A wrong prop (a relative `apiUrl`, an account the widget cannot read) is the host's mistake to see, not a crash
 * of the host's React tree: it goes to the console and to `onEvent('error')`, as the script tag reports it.
 */
function report(props: UchiSupportWidgetProps, error: unknown): void {
  console.error(error);
  tell(props, 'error', errorPayload(error));
}

/**
 * Renders the support widget inline. It is created once per `apiUrl`, `theme`, `headingLevel`, `lmsUrl` and
 * `privacyPolicyUrl`; a new token, locale, context or account is applied to the running widget (what the user was
 * doing stays on screen).
 */
export function UchiSupportWidget(props: UchiSupportWidgetProps) {
  const { apiUrl, theme, headingLevel, lmsUrl, privacyPolicyUrl, token, locale, context, account, className } = props;
  const ref = useRef<HTMLDivElement>(null);
  const widget = useRef<MountedWidget | null>(null);
  const latest = useRef(props);
  // What the running widget was last given: only a different value is sent to it.
  const applied = useRef({ token, locale, identity: '' });
  const identity = context !== undefined ? 'context' : account !== undefined ? 'account' : 'none';
  const identityKey = valueKey(context ?? account ?? null);
  const hasGetToken = props.getToken !== undefined;
  // Bumped to mount again after a refused mount, once a prop changes (the account's vendor arrives, say).
  const [attempt, setAttempt] = useState(0);
  // What the refused mount was given (null: the widget runs), so only a change tries again.
  const refusedWith = useRef<string | null>(null);
  const given = givenKey(token, locale, identityKey);

  // Declared first, so the effects below see this render's props.
  useEffect(() => {
    latest.current = props;
  });


  useEffect(() => {
    if (ref.current === null) return undefined;
    const p = latest.current;
    const options: MountOptions = {
      apiUrl,
      ...(theme === undefined ? {} : { theme }),
      ...(headingLevel === undefined ? {} : { headingLevel }),
      ...(lmsUrl === undefined ? {} : { lmsUrl }),
      ...(privacyPolicyUrl === undefined ? {} : { privacyPolicyUrl }),
      ...(p.token === undefined ? {} : { token: p.token }),
      ...(p.locale === undefined ? {} : { locale: p.locale }),
      ...(p.context === undefined ? {} : { context: p.context }),
      ...(p.account === undefined ? {} : { account: p.account }),
      ...(hasGetToken ? { getToken: () => latest.current.getToken?.() ?? null } : {}),
    };
    let mounted: MountedWidget;
    try {
      mounted = mount(ref.current, options);
    } catch (error) {
      const p = latest.current;
      refusedWith.current = givenKey(p.token, p.locale, valueKey(p.context ?? p.account ?? null));
      report(p, error);
      return undefined;
    }
    refusedWith.current = null;
    applied.current = { token: p.token, locale: p.locale, identity: valueKey(p.context ?? p.account ?? null) };
    const unsubscribe = HOST_EVENTS.map((event) => mounted.on(event, (payload) => tell(latest.current, event, payload)));
    widget.current = mounted;
    return () => {
      unsubscribe.forEach((off) => off());
      widget.current = null;
      // The widget's own React root can't be unmounted while this one is committing: right after it.
      queueMicrotask(() => mounted.unmount());
    };
    // Created again only for another server, theme, heading level, LMS or policy, or when the identity's kind changes
    // (context ↔ account ↔ none); values within a kind are applied below.
  }, [apiUrl, theme, headingLevel, lmsUrl, privacyPolicyUrl, identity, hasGetToken, attempt]);

  // The last mount was refused: a new token, locale, context or account tries again (after this commit).
  useEffect(() => {
    if (refusedWith.current === null || refusedWith.current === given) return;
    queueMicrotask(() => setAttempt((n) => n + 1));
  }, [given]);

  useEffect(() => {
    if (widget.current === null || token === undefined || token === applied.current.token) return;
    applied.current.token = token;
    try {
      widget.current.setToken(token);
    } catch (error) {
      report(latest.current, error);
    }
  }, [token]);

  useEffect(() => {
    if (widget.current === null || locale === undefined || locale === applied.current.locale) return;
    applied.current.locale = locale;
    try {
      widget.current.setLocale(locale);
    } catch (error) {
      report(latest.current, error);
    }
  }, [locale]);

  useEffect(() => {
    if (widget.current === null || identityKey === applied.current.identity) return;
    applied.current.identity = identityKey;
    const p = latest.current;
    try {
      widget.current.setContext(p.context ?? p.account ?? null);
    } catch (error) {
      report(latest.current, error);
    }
  }, [identityKey]);

  return <div ref={ref} className={className} />;
}

export type { GetToken, HostContext, HostEvent, HostEventPayloads, Locale, Theme, UchiProAccount } from './types';
