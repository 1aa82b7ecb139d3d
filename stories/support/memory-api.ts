/**
 * An in-memory SupportApi for stories, built on the core like the reference server: drafts validated with
 * `ticketDraftSchema`, priority and deadlines from `priorityFor` / `reviewDeadline` / `resolveDeadline`,
 * statuses through `canTransition`, idempotency, replies, numbers, list lines and channels from the same
 * core rules as the server, event ids growing, `subscribe` pushing events live — plus a scripted
 * specialist and failures a story can ask for (network, 5xx, upload trouble).
 */
import type { ApiResult, EventSubscription, SupportApi, UploadOptions } from '../../src/api/types';
import {
  ATTACHMENT_TYPES,
  canFollowUp,
  canonicalJson,
  followUpFieldSchema,
  DEFAULT_ATTACHMENT_LIMITS,
  DEFAULT_CHANNELS,
  IDEMPOTENCY_CONFLICT_MESSAGE,
  isSupportOpen,
  messageBodySchema,
  nextSupportOpeningInfo,
  replayOf,
  statusAfterReporterMessage,
  oneProblemVerdict,
  severalProblemsMessage,
  ticketDraftSchema,
} from '../../src/core';
import type { Attachment, AttachmentLimits, AttachmentType, CreateTicketResponse, HostContext, Meta, TicketDraft, TicketEvent } from '../../src/core';
import type { StoryClock } from './clock';
import { createFailureGate, delay, fail, failureOf, ok } from './failures';
import type { FailureKind, FailureRule } from './failures';
import { createMemoryStore, reporterOf } from './memory-store';
import type { MemoryStore } from './memory-store';
import { createSpecialist } from './specialist';
import type { Specialist, SpecialistScript } from './specialist';
import { validationFailure } from './validation';

/** The server's sentence for a guest's ticket sent without consent. */
export const CONSENT_REFUSED = 'Подтвердите согласие на обработку персональных данных: без него обращение гостя не принимается';

/** How uploads behave: progress in `steps` of `stepMs`; `hang` stops at 40 % for ever (the "uploading" state). */
export interface UploadBehaviour {
  stepMs?: number;
  steps?: number;
  hang?: boolean;
  /** Files that fail by name (the rest upload). */
  failByName?: Record<string, FailureKind>;
}

/** Operations whose failures a story can script. */
export type Operation = 'meta' | 'upload' | 'create' | 'list' | 'nextPage' | 'ticket' | 'message' | 'cancel' | 'rate' | 'notifications' | 'saveNotifications';

/** Options of the memory API. */
export interface MemoryApiOptions {
  clock: StoryClock;
  /** The signed-in user; null in guest mode. */
  host: HostContext | null;
  limits?: Partial<AttachmentLimits>;
  failures?: Partial<Record<Operation, FailureRule>>;
  uploads?: UploadBehaviour;
  specialist?: SpecialistScript;
  /** The reporter's e-mail notifications at the start (default: on). */
  emailNotifications?: boolean;
  /** The server refuses the host's token on the ticket's stream (it expired while the ticket was open). */
  liveRefused?: boolean;
  /** Simulated latency, ms: one number for every call (default: 120, 30 in tests), or per operation (a huge one shows "sending…"). */
  latencyMs?: number | Partial<Record<Operation, number>>;
}

/** The memory API with its store and specialist, for seeding and for play functions. */
export interface MemoryApi extends SupportApi {
  deleteAttachment: NonNullable<SupportApi['deleteAttachment']>;
  downloadAttachment: NonNullable<SupportApi['downloadAttachment']>;
  rateTicket: NonNullable<SupportApi['rateTicket']>;
  withAccessKey: NonNullable<SupportApi['withAccessKey']>;
  store: MemoryStore;
  specialist: Specialist;
  dispose(): void;
}

/**
 * The access key the memory API gives a guest's ticket: 43 base64url characters, like the server's (which
 * derives it from its secret and the ticket id); here anyone can work it out, which is fine for stories.
 */
export function storyAccessKey(ticketId: string): string {
  return `k${ticketId.replace(/[^A-Za-z0-9_-]/g, '_')}_`.padEnd(43, '7f3a9cQ').slice(0, 128);
}

/** Latency of a call: enough to see loading states in Storybook, shorter in the story tests (they only wait). */
const DEFAULT_LATENCY_MS = import.meta.env.MODE === 'test' ? 30 : 120;


/** Creates the API. */
export function createMemoryApi(options: MemoryApiOptions): MemoryApi {
  const { clock, host } = options;
  const latency = (operation: Operation) => (typeof options.latencyMs === 'number' ? options.latencyMs : (options.latencyMs?.[operation] ?? DEFAULT_LATENCY_MS));
  const limits: AttachmentLimits = { ...DEFAULT_ATTACHMENT_LIMITS, ...options.limits };
  const store = createMemoryStore();
  const specialist = createSpecialist(store, clock);
  const failing = createFailureGate(options.failures ?? {});
  const replies = new Map<string, { body: string; response: CreateTicketResponse }>();
  const subscriptions = new Set<() => void>();
  const uploads = options.uploads ?? {};

  /** Latency, then either the scripted failure or the work. */
  async function call<T>(operation: Operation, work: () => ApiResult<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
    try {
      await delay(latency(operation), signal);
    } catch {
      return fail({ kind: 'aborted', message: 'aborted' });
    }
    const failure = failing(operation);
    return failure === null ? work() : fail(failure);
  }

  async function uploadAttachment(file: Blob, name: string, upload: UploadOptions = {}): Promise<ApiResult<Attachment>> {
    const { stepMs = 60, steps = 5, hang = false, failByName = {} } = uploads;
    try {
      for (let step = 1; step <= steps; step += 1) {
        await delay(stepMs, upload.signal);
        const fraction = step / steps;
        if (hang && fraction > 0.4) {
          upload.onProgress?.(0.4);
          await new Promise<never>((_, reject) => upload.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
        }
        upload.onProgress?.(fraction);
      }
    } catch {
      return fail({ kind: 'aborted', message: 'aborted' });
    }
    const byName = failByName[name];
    if (byName !== undefined) return fail(failureOf(byName));
    const failure = failing('upload');
    if (failure !== null) return fail(failure);
    if (file.size > limits.maxFileBytes) return fail(failureOf('too-large'));
    const type = file.type as AttachmentType;
    if (!ATTACHMENT_TYPES.includes(type) || !limits.acceptedTypes.includes(type)) return fail(failureOf('unsupported'));
    return ok(store.addUpload(name, type, file.size, clock.now()));
  }

  /** The final ticket a create continues, as the server checks it (every story ticket is the user's own). */
  function followed(ref: string): ApiResult<string> {
    const old = store.all().find((t) => t.id === ref || t.number === ref);
    if (old === undefined) return fail(failureOf('not-found'));
    if (!canFollowUp(old.status, old.events, clock.now())) {
      const message = 'Продолжение можно создать к обращению, закрытому не больше 30 дней назад.';
      return fail({ kind: 'http', status: 422, code: 'validation_failed', message, fields: { followUpOf: message } });
    }
    return ok(old.id);
  }

  let emailNotifications = options.emailNotifications ?? true;

  function register(draft: TicketDraft, key: string, followUpOf?: string): ApiResult<CreateTicketResponse> {
    const body = canonicalJson(followUpOf === undefined ? draft : { ...draft, followUpOf });
    const previous = replies.get(key);
    if (previous !== undefined) {
      return replayOf(previous.body, body) === 'replay'
        ? ok(previous.response)
        : fail({ kind: 'http', status: 409, code: 'idempotency_conflict', message: IDEMPOTENCY_CONFLICT_MESSAGE });
    }
    // As the server: a guest's ticket without consent to the processing of personal data is refused.
    if (host === null && draft.consent !== true) {
      return fail({ kind: 'http', status: 422, code: 'validation_failed', message: 'Проверьте заполнение полей.', fields: { consent: CONSENT_REFUSED } });
    }
    const verdict = oneProblemVerdict(draft.description, draft.oneProblemConfirmed);
    if (verdict.kind === 'refuse') {
      const { parts, markers } = verdict.check;
      return fail({ kind: 'http', status: 422, code: 'several_problems', message: severalProblemsMessage(parts.length), parts, markers });
    }
    const check = verdict.kind === 'record' ? { parts: verdict.parts, markers: verdict.markers } : undefined;
    const continued = followUpOf === undefined ? null : followed(followUpOf);
    if (continued !== null && !continued.ok) return fail(continued.error);
    const created = store.create(draft, reporterOf(host, draft.contact), clock.now(), undefined, check);
    if (continued !== null) store.linkFollowUp(continued.value, created.id, clock.now());
    const ticket = store.get(created.id) ?? created;
    const response: CreateTicketResponse = host === null ? { ticket, accessKey: storyAccessKey(ticket.id) } : { ticket };
    replies.set(key, { body, response });
    if (options.specialist?.onCreate !== undefined) specialist.play(ticket.id, options.specialist.onCreate);
    return ok(response);
  }

  const api: MemoryApi = {
    store,
    specialist,
    getMeta: (signal) =>
      call<Meta>('meta', () => {
        const now = clock.now();
        const next = nextSupportOpeningInfo(now);
        return ok({ serverTime: now.toISOString(), open: isSupportOpen(now), nextOpening: next.value.toISOString(), provisional: next.provisional, timeZone: 'Europe/Moscow', channels: DEFAULT_CHANNELS, limits, version: 'storybook' });
      }, signal),
    uploadAttachment,
    // The story files have no bytes: a file of their size and type stands for one.
    downloadAttachment: (id, signal) =>
      call(
        'ticket',
        () => {
          const attachment = store.upload(id);
          return attachment === undefined ? fail(failureOf('not-found')) : ok(new Blob([new Uint8Array(attachment.size)], { type: attachment.contentType }));
        },
        signal,
      ),
    deleteAttachment: (id, signal) => call('upload', () => (store.removeUpload(id) ? ok(null) : fail(failureOf('not-found'))), signal),
    createTicket: (input, key, signal) =>
      call('create', () => {
        const parsed = ticketDraftSchema.safeParse(input);
        if (!parsed.success) return fail(validationFailure(parsed.error.issues));
        const followUp = followUpFieldSchema.safeParse(input);
        if (!followUp.success) return fail(validationFailure(followUp.error.issues));
        const missing = parsed.data.attachmentIds.filter((id) => !store.hasUpload(id));
        if (missing.length > 0) return fail({ kind: 'http', status: 422, code: 'validation_failed', message: 'Файл не найден.', fields: { attachmentIds: 'Файл не найден: загрузите его ещё раз' } });
        return register(parsed.data, key, followUp.data.followUpOf);
      }, signal),
    listTickets: (signal) => call('list', () => ok(store.summaries()), signal),
    // Cursor paging as the server does it: newest first, the cursor is the position after the page. A page after
    // the first is its own operation (`nextPage`), so a story can fail or slow it without touching the first.
    listTicketPage: ({ cursor, limit }, signal) =>
      call(cursor === null ? 'list' : 'nextPage', () => {
        const all = store.summaries().sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
        const start = cursor === null ? 0 : Number(cursor);
        const end = start + limit;
        return ok({ tickets: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
      }, signal),
    getTicket: (id, signal) => call('ticket', () => {
      // By id or, as the reference server also answers, by number.
      const ticket = store.get(id) ?? store.all().find((candidate) => candidate.number === id);
      return ticket === undefined ? fail(failureOf('not-found')) : ok(ticket);
    }, signal),
    sendMessage: (id, body, signal) =>
      call('message', () => {
        const parsed = messageBodySchema.safeParse(body);
        if (!parsed.success) return fail(validationFailure(parsed.error.issues));
        const ticket = store.get(id);
        if (ticket === undefined) return fail(failureOf('not-found'));
        const status = statusAfterReporterMessage(ticket.status);
        const result = store.change(id, { status, actor: 'reporter', text: parsed.data.text, attachmentIds: parsed.data.attachmentIds }, clock.now());
        return typeof result === 'string' ? fail(failureOf(result === 'not-found' ? 'not-found' : 'conflict')) : ok(result);
      }, signal),
    rateTicket: (id, body, signal) =>
      call('rate', () => {
        const result = store.rate(id, body, clock.now());
        return typeof result === 'string' ? fail(failureOf(result === 'not-found' ? 'not-found' : 'conflict')) : ok(result);
      }, signal),
    // The signed-in reporter's e-mail preference, on until turned off (as the server keeps it).
    getNotificationPrefs: (signal) => call('notifications', () => ok({ email: emailNotifications }), signal),
    setNotificationPrefs: (prefs, signal) =>
      call('saveNotifications', () => {
        emailNotifications = prefs.email;
        return ok({ email: emailNotifications });
      }, signal),
    cancelTicket: (id, signal) =>
      call('cancel', () => {
        const result = store.change(id, { status: 'cancelled', actor: 'reporter' }, clock.now());
        return typeof result === 'string' ? fail(failureOf(result === 'not-found' ? 'not-found' : 'conflict')) : ok(result);
      }, signal),
    subscribe(id, lastEventId, handlers): EventSubscription {
      let open = true;
      handlers.onStateChange?.('connecting');
      // Delivered asynchronously, as from a stream: first what was missed, then every new event.
      const deliver = (event: TicketEvent) => void setTimeout(() => open && handlers.onEvent(event), 0);
      const stop = store.listen(id, deliver);
      setTimeout(() => {
        if (!open) return;
        if (options.liveRefused === true) return void handlers.onStateChange?.('refused');
        handlers.onStateChange?.('streaming');
        for (const event of store.get(id)?.events ?? []) if (event.id > lastEventId) handlers.onEvent(event);
      }, 0);
      const close = () => {
        if (!open) return;
        open = false;
        stop();
        subscriptions.delete(close);
        handlers.onStateChange?.('closed');
      };
      subscriptions.add(close);
      return { close };
    },
    // As the server: the key reads the guest's ticket it was given for, and nothing else (the same 404 otherwise).
    withAccessKey(key) {
      const readable = (ref: string) => {
        const ticket = store.get(ref) ?? store.all().find((candidate) => candidate.number === ref);
        return ticket !== undefined && ticket.reporter.guest && storyAccessKey(ticket.id) === key;
      };
      const notFound = <T,>(signal?: AbortSignal) => call<T>('ticket', () => fail(failureOf('not-found')), signal);
      return {
        getMeta: api.getMeta,
        uploadAttachment: api.uploadAttachment,
        deleteAttachment: api.deleteAttachment,
        downloadAttachment: api.downloadAttachment,
        createTicket: api.createTicket,
        listTickets: (signal) => call('list', () => ok(store.summaries().filter((summary) => readable(summary.id))), signal),
        getTicket: (id, signal) => (readable(id) ? api.getTicket(id, signal) : notFound(signal)),
        sendMessage: (id, body, signal) => (readable(id) ? api.sendMessage(id, body, signal) : notFound(signal)),
        cancelTicket: (id, signal) => (readable(id) ? api.cancelTicket(id, signal) : notFound(signal)),
        rateTicket: (id, body, signal) => (readable(id) ? api.rateTicket(id, body, signal) : notFound(signal)),
        subscribe: (id, lastEventId, handlers) => (readable(id) ? api.subscribe(id, lastEventId, handlers) : { close: () => undefined }),
      };
    },
    dispose() {
      specialist.stop();
      for (const close of [...subscriptions]) close();
    },
  };
  return api;
}
