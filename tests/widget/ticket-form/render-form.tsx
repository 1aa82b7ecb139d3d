/** Renders <TicketForm> with real providers, a fake SupportApi and an in-memory text store. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { I18nProvider } from '../../../src/widget/shared/i18n-react';
import { vi } from 'vitest';
import { SupportApiProvider } from '../../../src/api';
import type { ApiFailure, ApiResult, SupportApi } from '../../../src/api/types';
import type { BrowserSnapshot, CreateTicketResponse, HostContext, PageError, Ticket, TicketDraftInput, TicketSummary } from '../../../src/core';
import type { AttachmentsSlot } from '../../../src/widget/shared/attachments-slot';
import { WidgetEnvProvider } from '../../../src/widget/shared/env';
import type { Prefill, TextStore, WidgetEnv } from '../../../src/widget/shared/env';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { commonMessages } from '../../../src/widget/shared/messages';
import { formMessages, TicketForm } from '../../../src/widget/ticket-form';

// Role queries skip jsdom's slow computed-style walk; nothing these tests query is hidden by CSS.
configure({ defaultHidden: true });

/** A signed-in LMS user. */
export const hostContext: HostContext = {
  userId: 'u-1',
  fullName: 'Иванова Мария Петровна',
  role: 'teacher',
  organization: { id: 'org-1', title: 'ООО «Учебный центр»' },
  lmsUrl: 'https://lms.example.ru',
  phone: '+79123456789',
};

/** Chrome 131 on Windows 11, 1920×1080. */
export const browserSnapshot: BrowserSnapshot = {
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  clientHints: { platform: 'Windows', platformVersion: '15.0.0', mobile: false },
  language: 'ru-RU',
  languages: ['ru-RU', 'en'],
  timeZone: 'Asia/Yekaterinburg',
  viewport: { width: 1280, height: 800 },
  screen: { width: 1920, height: 1080 },
  pixelRatio: 1,
};

/** 14:02 in Yekaterinburg (the component project's TZ). */
export const NOW = new Date('2025-03-12T09:02:00Z');

/** A ticket as the server would return it for `draft`. */
export function ticketFor(draft: TicketDraftInput, number: string, id = `t-${number}`): Ticket {
  return {
    ...draft,
    attachmentIds: draft.attachmentIds ?? [],
    id,
    number,
    status: 'registered',
    priority: 'normal',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    reviewDueAt: NOW.toISOString(),
    resolveDueAt: NOW.toISOString(),
    deadlinesProvisional: false,
    reporter: { fullName: 'x', role: 'teacher', organization: 'x', lmsUrl: 'https://lms.example.ru', guest: false },
    attachments: [],
    events: [],
  } as Ticket;
}

const notUsed = async (): Promise<ApiResult<never>> => ({ ok: false, error: { kind: 'network', message: 'not used in these tests' } });

/** A fake SupportApi: createTicket registers tickets numbered 1001, 1002, …; the rest are spies. */
export function createFakeApi(tickets: TicketSummary[] = []) {
  let next = 1001;
  return {
    getMeta: vi.fn(notUsed),
    uploadAttachment: vi.fn(notUsed),
    createTicket: vi.fn<SupportApi['createTicket']>(async (draft) => {
      const number = String(next++);
      return { ok: true, value: { ticket: ticketFor(draft, number) } satisfies CreateTicketResponse };
    }),
    listTickets: vi.fn<SupportApi['listTickets']>(async () => ({ ok: true, value: tickets })),
    getTicket: vi.fn(notUsed),
    sendMessage: vi.fn<SupportApi['sendMessage']>(async (id) => ({ ok: true, value: ticketFor({ category: 'other', subject: 's', description: 'd', impact: 'minor', browser: {} as never }, '999', id) })),
    cancelTicket: vi.fn(notUsed),
    subscribe: vi.fn(() => ({ close: () => undefined })),
  } satisfies SupportApi;
}
/** The fake API's type. */
export type FakeApi = ReturnType<typeof createFakeApi>;

/** A failed result. */
export function failed(error: ApiFailure): ApiResult<never> {
  return { ok: false, error };
}

/** A simple attachments slot (the real picker belongs to another feature). */
export function createSlot(overrides: Partial<AttachmentsSlot> = {}): AttachmentsSlot {
  return { ids: [], names: [], hasImage: false, busy: false, failed: false, clear: vi.fn(), node: null, ...overrides };
}

/** Options of {@link renderForm}. */
export interface RenderOptions {
  host?: HostContext | null;
  pageUrl?: string;
  prefill?: Prefill;
  pageErrors?: PageError[];
  /** The host's personal data policy, linked from a guest's consent. */
  privacyPolicyUrl?: string;
  store?: TextStore;
  api?: FakeApi;
  slot?: AttachmentsSlot;
  /** The final ticket a follow-up continues. */
  followUp?: Ticket;
}

/** Renders the form; keys come from a counter so tests can tell them apart. */
export function renderForm(options: RenderOptions = {}) {
  const api = options.api ?? createFakeApi();
  const store = options.store ?? createMemoryTextStore();
  const slot = options.slot ?? createSlot();
  let keyCount = 0;
  const createKey = vi.fn(() => `test-key-${++keyCount}`);
  const env: WidgetEnv = {
    api,
    host: options.host === undefined ? hostContext : options.host,
    userKey: 'u-1',
    ...(options.pageUrl === undefined ? {} : { pageUrl: options.pageUrl }),
    ...(options.prefill === undefined ? {} : { prefill: options.prefill }),
    ...(options.privacyPolicyUrl === undefined ? {} : { privacyPolicyUrl: options.privacyPolicyUrl }),
    now: () => NOW,
    readBrowser: () => browserSnapshot,
    pageErrors: () => options.pageErrors ?? [],
    textStore: store,
  };
  const onSent = vi.fn();
  const onAddedToExisting = vi.fn();
  const onSplitSent = vi.fn();
  const onCancelFollowUp = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const i18n = createWidgetI18n('ru', { common: commonMessages, form: formMessages });
  // jsdom computes styles slowly; the pointer-events check would dominate the suite's time.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider i18n={i18n}>
        <SupportApiProvider api={api}>
          <WidgetEnvProvider env={env}>
            <TicketForm
              attachments={slot}
              onSent={onSent}
              onAddedToExisting={onAddedToExisting}
              onSplitSent={onSplitSent}
              createIdempotencyKey={createKey}
              {...(options.followUp === undefined ? {} : { followUp: options.followUp, onCancelFollowUp })}
            />
          </WidgetEnvProvider>
        </SupportApiProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...view, user, api, store, slot, env, createKey, onSent, onAddedToExisting, onSplitSent, onCancelFollowUp };
}
