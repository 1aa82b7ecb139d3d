/** The React component for React hosts: the same widget, mounted into a div it renders (own React inside). */
import { useEffect, useRef } from 'react';
import type { HostEvent } from '../widget';
import { mount } from './mount';
import type { MountedWidget } from './mount';

/** Props: the options of `mount`, plus event handlers. */
export interface UchiSupportWidgetProps {
  apiUrl: string;
  token?: string | null;
  locale?: 'ru' | 'en';
  theme?: 'light' | 'dark' | 'auto';
  context?: Record<string, unknown>;
  account?: Record<string, unknown>;
  getToken?: () => Promise<string | null> | string | null;
  onEvent?: (event: HostEvent, payload: unknown) => void;
  className?: string;
}

const EVENTS: HostEvent[] = ['ready', 'open', 'close', 'ticket:created', 'ticket:status', 'error'];

/** Renders the support widget inline; token and locale changes are applied without remounting. */
export function UchiSupportWidget({ apiUrl, token, locale, theme, context, account, getToken, onEvent, className }: UchiSupportWidgetProps) {
  const ref = useRef<HTMLDivElement>(null);
  const widget = useRef<MountedWidget | null>(null);
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  useEffect(() => {
    if (ref.current === null) return undefined;
    const options: Record<string, unknown> = { apiUrl };
    if (theme !== undefined) options['theme'] = theme;
    if (token !== undefined) options['token'] = token;
    if (locale !== undefined) options['locale'] = locale;
    if (context !== undefined) options['context'] = context;
    if (account !== undefined) options['account'] = account;
    if (getToken !== undefined) options['getToken'] = getToken;
    const mounted = mount(ref.current, options);
    const unsubscribe = EVENTS.map((event) => mounted.on(event, (payload) => onEventRef.current?.(event, payload)));
    widget.current = mounted;
    return () => {
      unsubscribe.forEach((off) => off());
      mounted.unmount();
      widget.current = null;
    };
    // Remount only for a different server or identity source; token and locale have their own effects.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [apiUrl, theme, context, account]);
  useEffect(() => {
    if (token !== undefined) widget.current?.setToken(token);
  }, [token]);
  useEffect(() => {
    if (locale !== undefined) widget.current?.setLocale(locale);
  }, [locale]);
  return <div ref={ref} className={className} />;
}
