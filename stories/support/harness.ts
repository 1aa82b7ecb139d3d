/**
 * Everything one story renders with: the memory API (seeded, scripted), the story clock, the WidgetEnv with
 * memory stores, a QueryClient and the i18n instance of the chosen locale. Built by the preview's loader, so a
 * play function reaches the same API through `context.loaded.harness`.
 */
import { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n, TFunction } from 'i18next';
import { action } from 'storybook/actions';
import type { HostContext, PageError } from '../../src/core';
import { adoptStyles } from '../../src/embed/styles';
import { widgetNamespaces } from '../../src/widget/app';
import { englishMessages } from '../../src/widget/app/english';
import { rememberGuestTicket, seenKey } from '../../src/widget/my-tickets';
import type { Prefill, WidgetEnv } from '../../src/widget/shared/env';
import { createWidgetI18n } from '../../src/widget/shared/i18n';
import type { Locale } from '../../src/widget/shared/i18n';
import { createMemoryBlobStore, createMemoryTextStore } from '../../src/widget/shared/memory-stores';
import { emptyValues } from '../../src/widget/ticket-form/form-values';
import type { TicketFormValues } from '../../src/widget/ticket-form/form-values';
import { REMEMBERED_CONTACT_KEY } from '../../src/widget/ticket-form/remembered-contact';
import { draftStorageKey, serializeDraft } from '../../src/widget/ticket-form/stored-draft';
import { createStoryClock } from './clock';
import type { StoryClock } from './clock';
import { BROWSER_SNAPSHOT, OPEN_NOW, TEACHER } from './fixtures';
import { createMemoryApi, storyAccessKey } from './memory-api';
import type { MemoryApi, MemoryApiOptions } from './memory-api';
import { ALL_NAMESPACES } from './parts';
import { seedTickets } from './seed';
import type { SeedTicket } from './seed';

/** `parameters.widget` of a story: plain data, so it survives the trip to the Storybook manager. */
export interface WidgetParameters {
  /** A signed-in user (default), one whose LMS profile has no e-mail, or a guest. */
  user?: 'host' | 'host-without-email' | 'guest';
  /** The story's fixed "now" (default: a Tuesday morning, support open). */
  now?: string;
  tickets?: SeedTicket[];
  /** Seeded tickets whose newest event the user has not seen yet. */
  unseen?: string[];
  /**
   * Guest tickets this browser remembers (number and access key), newest first: seeded ones by id (`opened`: opened
   * here by number and key, not sent here), or one the server no longer knows, with its `number`.
   */
  guestTickets?: Array<string | { id: string; opened?: true; number?: string }>;
  /** A draft saved earlier (the form restores it). */
  draft?: { values: Partial<Omit<TicketFormValues, 'contact'>> & { contact?: Partial<TicketFormValues['contact']> }; savedAt: string; idempotencyKey?: string };
  prefill?: Prefill;
  /** A guest's contact remembered on this device earlier («Запомнить на этом устройстве»). */
  rememberedContact?: Partial<TicketFormValues['contact']>;
  pageUrl?: string;
  pageErrors?: PageError[];
  /** The host's personal data policy (`privacyPolicyUrl`), linked from a guest's consent; `null` for none. */
  privacyPolicyUrl?: string | null;
  api?: Omit<MemoryApiOptions, 'clock' | 'host'>;
  /** The story renders WidgetRoot itself (its own providers and `.us-root`): the frame only gives the shadow root. */
  bare?: boolean;
}

/** What a story runs on. */
export interface StoryHarness {
  /** Unique per render: the frame remounts for a new harness (another locale, a re-run). */
  id: string;
  api: MemoryApi;
  clock: StoryClock;
  env: WidgetEnv;
  queryClient: QueryClient;
  i18n: I18n;
  locale: Locale;
  /** Texts of every namespace in the story's locale, for play functions (lazy parts register theirs on render). */
  t: TFunction;
  /** Called by the frame when its shadow root exists. */
  attach(shadow: ShadowRoot): void;
  shadow(): ShadowRoot | null;
  dispose(): void;
}

function seedStores(params: WidgetParameters, env: WidgetEnv, api: MemoryApi): void {
  if (params.rememberedContact !== undefined) {
    env.textStore.setItem(REMEMBERED_CONTACT_KEY, JSON.stringify({ ...emptyValues().contact, ...params.rememberedContact }));
  }
  if (params.draft !== undefined) {
    const { values, savedAt, idempotencyKey = 'story-draft-key-0001' } = params.draft;
    const empty = emptyValues();
    const full: TicketFormValues = { ...empty, ...values, contact: { ...empty.contact, ...values.contact } };
    env.textStore.setItem(draftStorageKey(env.userKey), serializeDraft({ values: full, idempotencyKey }, new Date(savedAt)));
  }
  for (const remembered of [...(params.guestTickets ?? [])].reverse()) {
    const { id, opened = false, number = api.store.get(id)?.number } = typeof remembered === 'string' ? { id: remembered } : remembered;
    if (number === undefined) throw new Error(`guestTickets: no seeded ticket ${id}`);
    rememberGuestTicket(env.textStore, { id, number, key: storyAccessKey(id), ...(opened ? {} : { sentHere: true as const }) });
  }
  const summaries = api.store.summaries();
  if (summaries.length === 0) return;
  // Everything seeded counts as seen, except the newest event of the tickets marked unseen.
  const base = Math.max(...summaries.map((summary) => summary.lastEventId));
  const tickets: Record<string, number> = {};
  for (const id of params.unseen ?? []) {
    const events = api.store.get(id)?.events ?? [];
    tickets[id] = events.length > 1 ? (events[events.length - 2]?.id ?? 0) : 0;
  }
  env.textStore.setItem(seenKey(env.userKey), JSON.stringify({ base, tickets }));
}

/** The policy every story's host gives, unless a story says otherwise. */
export const PRIVACY_POLICY_URL = 'https://uchi.pro/privacy';

let sequence = 0;

/** The same user with no e-mail in their LMS profile. */
function withoutEmail({ email: _email, ...host }: HostContext): HostContext {
  return host;
}

/** Builds the harness of one story render. */
export function createHarness(params: WidgetParameters = {}, locale: Locale = 'ru'): StoryHarness {
  const clock = createStoryClock(params.now ?? OPEN_NOW);
  const host = params.user === 'guest' ? null : params.user === 'host-without-email' ? withoutEmail(TEACHER) : TEACHER;
  const api = createMemoryApi({ ...params.api, clock, host });
  seedTickets(api.store, clock, host, params.tickets ?? []);
  // Seeded tickets the specialist works on start moving now; new tickets start when they are created.
  for (const [id, steps] of Object.entries(params.api?.specialist?.byTicket ?? {})) api.specialist.play(id, steps);
  let shadow: ShadowRoot | null = null;
  const emit = action('widget event');
  const env: WidgetEnv = {
    api,
    host,
    userKey: host?.userId ?? 'guest',
    ...(params.pageUrl === undefined ? {} : { pageUrl: params.pageUrl }),
    ...(params.prefill === undefined ? {} : { prefill: params.prefill }),
    ...(params.privacyPolicyUrl === null ? {} : { privacyPolicyUrl: params.privacyPolicyUrl ?? PRIVACY_POLICY_URL }),
    now: clock.now,
    readBrowser: () => BROWSER_SNAPSHOT,
    pageErrors: () => params.pageErrors ?? [],
    textStore: createMemoryTextStore(),
    blobStore: createMemoryBlobStore(),
    emit: (event) => emit(event),
    container: () => shadow,
    adoptStyles: (css) => (shadow === null ? () => undefined : adoptStyles(shadow, css)),
    hide: () => () => undefined,
  };
  seedStores(params, env, api);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  sequence += 1;
  return {
    id: `harness-${sequence}`,
    api,
    clock,
    env,
    queryClient,
    i18n: createWidgetI18n(locale, widgetNamespaces, englishMessages),
    locale,
    t: createWidgetI18n(locale, ALL_NAMESPACES, englishMessages).t,
    attach: (root) => {
      shadow = root;
    },
    shadow: () => shadow,
    dispose() {
      api.dispose();
      queryClient.clear();
    },
  };
}
