/** Test helpers of the attachments feature: providers, a fake SupportApi with controllable uploads, files. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { I18nProvider } from '../../../src/widget/shared/i18n-react';
import { vi } from 'vitest';
import { SupportApiProvider } from '../../../src/api';
import type { ApiResult, SupportApi, UploadOptions } from '../../../src/api/types';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../src/core';
import type { Attachment, Meta } from '../../../src/core';
import { attachmentsMessages, useDraftAttachments } from '../../../src/widget/attachments';
import type { DraftAttachmentsOptions } from '../../../src/widget/attachments';
import { WidgetEnvProvider } from '../../../src/widget/shared/env';
import type { BlobStore, WidgetEnv } from '../../../src/widget/shared/env';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import { useFormAttachments } from '../../../src/widget/app/form-attachments';
import { appMessages } from '../../../src/widget/app/messages';
import type { AttachmentsSlot } from '../../../src/widget/shared/attachments-slot';
import { createMemoryBlobStore, createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { commonMessages } from '../../../src/widget/shared/messages';

/** One upload the fake received; the test decides how it ends. */
export interface UploadCall {
  blob: Blob;
  name: string;
  signal: AbortSignal | undefined;
  progress(fraction: number): void;
  /** Accepts the file; `size` is what the server stored (an image it re-encoded), the bytes sent by default. */
  succeed(id?: string, size?: number): void;
  fail(status?: number, code?: string): void;
  failNetwork(): void;
}

/** A SupportApi whose uploads wait for the test (or succeed at once with `autoSucceed`). */
export function createFakeApi(options: { limits?: Partial<Meta['limits']>; autoSucceed?: boolean } = {}) {
  const calls: UploadCall[] = [];
  let counter = 0;
  const attachment = (blob: Blob, name: string, id?: string, size?: number): Attachment => ({
    id: id ?? `att_${String(++counter).padStart(6, '0')}`,
    name,
    contentType: 'image/png',
    size: size ?? blob.size,
    createdAt: '2025-12-01T09:00:00.000Z',
  });
  const meta: Meta = {
    serverTime: '2025-12-01T09:00:00.000Z',
    open: true,
    nextOpening: '2025-12-02T05:00:00.000Z',
    provisional: false,
    timeZone: 'Europe/Moscow',
    channels: { email: 'support@uchi.pro', phone: '+78001000862', phoneDisplay: '8 (800) 100-08-62' },
    limits: { ...DEFAULT_ATTACHMENT_LIMITS, ...options.limits },
    version: 'test',
  };
  const uploadAttachment = vi.fn(
    (blob: Blob, name: string, upload?: UploadOptions) =>
      new Promise<ApiResult<Attachment>>((resolve) => {
        const signal = upload?.signal;
        signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted', message: 'aborted' } }));
        const call: UploadCall = {
          blob,
          name,
          signal,
          progress: (fraction) => upload?.onProgress?.(fraction),
          succeed: (id, size) => resolve({ ok: true, value: attachment(blob, name, id, size) }),
          fail: (status = 500, code = 'internal') => resolve({ ok: false, error: { kind: 'http', status, code, message: 'boom' } }),
          failNetwork: () => resolve({ ok: false, error: { kind: 'network', message: 'offline' } }),
        };
        calls.push(call);
        if (options.autoSucceed === true) call.succeed();
      }),
  );
  const unused = () => Promise.reject(new Error('not used in attachment tests'));
  const api: SupportApi = {
    getMeta: vi.fn(async () => ({ ok: true as const, value: meta })),
    uploadAttachment,
    createTicket: unused,
    listTickets: unused,
    getTicket: unused,
    sendMessage: unused,
    cancelTicket: unused,
    subscribe: () => ({ close: () => undefined }),
  };
  return { api, calls, uploadAttachment };
}

/** A widget environment around the fake API. */
export function createEnv(api: SupportApi, blobStore?: BlobStore): WidgetEnv {
  return {
    api,
    host: null,
    userKey: 'guest',
    now: () => new Date('2025-12-01T09:00:00.000Z'),
    readBrowser: () => ({ userAgent: 'test' }),
    pageErrors: () => [],
    textStore: createMemoryTextStore(),
    ...(blobStore === undefined ? {} : { blobStore }),
  };
}

/** The providers the feature needs. */
export function Providers({ api, env, children }: { api: SupportApi; env: WidgetEnv; children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = createWidgetI18n('ru', { common: commonMessages, app: appMessages, attachments: attachmentsMessages });
  return (
    <QueryClientProvider client={client}>
      <I18nProvider i18n={i18n}>
        <SupportApiProvider api={api}>
          <WidgetEnvProvider env={env}>{children}</WidgetEnvProvider>
        </SupportApiProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

/** A slot's state, printed for assertions (read back with {@link slotState}). */
export function SlotState({ slot }: { slot: AttachmentsSlot }) {
  return <pre data-testid="slot">{JSON.stringify({ ids: slot.ids, names: slot.names, busy: slot.busy, failed: slot.failed, hasImage: slot.hasImage, waiting: slot.waiting ?? [] })}</pre>;
}

/** The form's attachments (useFormAttachments) as the form screen mounts them, with the slot's state printed. */
export function FormAttachmentsProbe({ shown = true, used = true, placed = true }: { shown?: boolean; used?: boolean; placed?: boolean }) {
  const slot = useFormAttachments('form:guest', shown);
  // As the form screen does at the panel's first use.
  const { prepare } = slot;
  useEffect(() => {
    if (shown && used) void prepare?.();
  }, [shown, used, prepare]);
  return (
    <>
      {placed ? slot.node : null}
      <SlotState slot={slot} />
    </>
  );
}

/** The picker as the app shell would mount it, with the slot's state printed for assertions. */
function Harness(options: DraftAttachmentsOptions) {
  const { slot } = useDraftAttachments(options);
  return (
    <>
      {slot.node}
      <SlotState slot={slot} />
      <button type="button" onClick={slot.clear}>
        test: clear
      </button>
    </>
  );
}

/** Renders the picker; `rerenderWith` remounts it (same providers are rebuilt, like after a reload). */
export function renderPicker(
  options: { api?: SupportApi; blobStore?: BlobStore; draftKey?: string; strict?: boolean } & Partial<DraftAttachmentsOptions> = {},
) {
  const fake = options.api === undefined ? createFakeApi() : null;
  const api = options.api ?? fake!.api;
  const { api: _api, blobStore, draftKey = 'draft-1', strict = false, ...picker } = options;
  const env = createEnv(api, blobStore ?? createMemoryBlobStore());
  const utils = render(
    <Providers api={api} env={env}>
      <Harness draftKey={draftKey} {...picker} />
    </Providers>,
    { reactStrictMode: strict },
  );
  return { ...utils, fake, env };
}

/** The slot as JSON. */
export function slotState(element: HTMLElement): { ids: string[]; names: string[]; busy: boolean; failed: boolean; hasImage: boolean; waiting: string[] } {
  return JSON.parse(element.textContent ?? '{}');
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A small file whose bytes say PNG. */
export function pngFile(name = 'screenshot.png', extra = 64): File {
  return new File([new Uint8Array([...PNG, ...new Array<number>(extra).fill(1)])], name, { type: 'image/png' });
}

/** A PDF file. */
export function pdfFile(name = 'act.pdf'): File {
  return new File(['%PDF-1.7\n%…\n'], name, { type: 'application/pdf' });
}

/** An SVG file (refused: it can carry scripts). */
export function svgFile(name = 'invoice.svg'): File {
  return new File(['<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'], name, { type: 'image/svg+xml' });
}

/** A file of the given size with unknown bytes. */
export function bigFile(name: string, bytes: number, type = 'video/mp4'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** Object URLs don't work in jsdom: fake them and record what is created and revoked (restore in afterEach). */
export function stubObjectUrls() {
  let next = 0;
  const created = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:thumb-${++next}`);
  const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  return { created, revoked };
}
