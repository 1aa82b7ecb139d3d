/** The widget's environment: everything it needs from outside (API, host context, clock, storage). */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { BrowserSnapshot, Category, HostContext, PageError } from '../../core';
import type { SupportApi } from '../../api/types';

/** A key-value store for drafts (localStorage in the browser, a Map in tests). */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Fields the host (or `open({ … })`) asks to pre-fill. */
export interface Prefill {
  category?: Category | undefined;
  subject?: string | undefined;
  description?: string | undefined;
  courseTitle?: string | undefined;
  courseUrl?: string | undefined;
  orderUrl?: string | undefined;
  documentUrl?: string | undefined;
}

/** What the widget gets from its host: the embed builds it, stories and tests build their own. */
export interface WidgetEnv {
  api: SupportApi;
  /** The signed-in user's context, or null in guest mode. */
  host: HostContext | null;
  /** Whose drafts these are: the user id, or `guest`. */
  userKey: string;
  /**
   * Whether the API speaks as a guest: no token, and none awaited from the host's `getToken`. Only then are the
   * guest tickets remembered in this browser shown. Without it, a guest is whoever has no `host`.
   */
  guest?: boolean;
  /** The page the widget is open on (feeds the link pre-fill); already stripped of secrets. */
  pageUrl?: string;
  prefill?: Prefill;
  /** The operator's personal data policy, linked from a guest's consent; without it the consent has no link. */
  privacyPolicyUrl?: string;
  /** The current time; replaced in tests and stories. */
  now(): Date;
  /** Reads the browser snapshot for the browser info (navigator, screen, window). */
  readBrowser(): BrowserSnapshot;
  /** Recent uncaught errors of the host page, attached only if the user agrees. */
  pageErrors(): PageError[];
  textStore: TextStore;
  /** Where blobs of draft attachments survive a reload (IndexedDB in the browser). */
  blobStore?: BlobStore;
  /** Called when something the host subscribed to happens. */
  emit?(event: WidgetEvent): void;
  /** The shadow root or element the widget renders into: dialogs and popovers stay inside it. */
  container?: () => HTMLElement | ShadowRoot | null;
  /** Adds CSS to the widget's shadow root (for lazily loaded parts); returns the undo. */
  adoptStyles?(css: string): () => void;
  /** Hides the whole widget (during a page capture); returns the function that shows it again. */
  hide?(): () => void;
}

/** Events the widget reports to the host page. */
export type WidgetEvent =
  | { type: 'ticket:created'; ticketId: string; number: string }
  | { type: 'ticket:status'; ticketId: string; number: string; status: string }
  | { type: 'error'; message: string };

/** A store of blobs by key (draft attachments). */
export interface BlobStore {
  put(key: string, blob: Blob, name: string): Promise<void>;
  get(key: string): Promise<{ blob: Blob; name: string } | null>;
  remove(key: string): Promise<void>;
  keys(prefix: string): Promise<string[]>;
}

/** Whether the widget speaks as a guest (see {@link WidgetEnv.guest}). */
export function isGuestEnv(env: WidgetEnv): boolean {
  return env.guest ?? env.host === null;
}

const EnvContext = createContext<WidgetEnv | null>(null);

/** Provides the environment to the widget tree. */
export function WidgetEnvProvider({ env, children }: { env: WidgetEnv; children: ReactNode }) {
  return <EnvContext.Provider value={env}>{children}</EnvContext.Provider>;
}

/** The widget's environment; throws outside a provider, which is always a programming error. */
export function useWidgetEnv(): WidgetEnv {
  const env = useContext(EnvContext);
  if (env === null) throw new Error('useWidgetEnv() outside <WidgetEnvProvider>');
  return env;
}
