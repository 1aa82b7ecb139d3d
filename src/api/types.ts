/** The client's contract: what the widget asks of a Support API, whichever implementation answers. */
import type {
  Attachment,
  CreateTicketBody,
  CreateTicketResponse,
  Meta,
  MessageBody,
  NotificationPrefs,
  RatingBody,
  Ticket,
  TicketChange,
  TicketEvent,
  TicketSummary,
} from '../core';

/** How a ticket is followed now. */
export type LiveState = 'connecting' | 'streaming' | 'polling' | 'refused' | 'closed';

/** Why a call failed, in terms the UI can act on. */
export type ApiFailure =
  /** The server could not be reached (offline, DNS, connection refused, CORS) after every retry. */
  | { kind: 'network'; message: string }
  /** The server answered with an error; `fields` holds its per-field messages. */
  | {
      kind: 'http';
      status: number;
      code: string;
      message: string;
      fields?: Record<string, string>;
      /** With `several_problems`: the problems the server's one-problem check found, and the marker of each split. */
      parts?: string[];
      markers?: string[];
      retryAfterSeconds?: number;
    }
  /** The server answered 2xx with a body that does not match the contract. */
  | { kind: 'invalid-response'; message: string }
  /** The caller aborted. */
  | { kind: 'aborted'; message: string };

/** A call's outcome: never throws for expected failures. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** Options of an upload. */
export interface UploadOptions {
  signal?: AbortSignal;
  /** Called with the fraction sent, 0…1. */
  onProgress?: (fraction: number) => void;
}

/** A live subscription to one ticket's events. */
export interface EventSubscription {
  /** Stops listening and releases the connection. */
  close(): void;
}

/** Handlers of a live subscription. */
export interface EventHandlers {
  onEvent(event: TicketEvent): void;
  /** The transport in use now: a stream, or polling after streaming failed. */
  /** `refused`: the server refused the credentials for good; following goes on once the host gives new ones. */
  onStateChange?(state: LiveState): void;
}

/** Which page of the reporter's tickets to read. */
export interface TicketPageRequest {
  /** The previous page's `nextCursor`; null for the first page. */
  cursor: string | null;
  /** Tickets per page (1–100). */
  limit: number;
}

/** One page of the reporter's tickets; `nextCursor` is null on the last. */
export interface TicketPage {
  tickets: TicketSummary[];
  nextCursor: string | null;
}

/** Every operation of the HTTP contract (docs/http-contract.md) that a reporter uses. */
export interface SupportApi {
  getMeta(signal?: AbortSignal): Promise<ApiResult<Meta>>;
  uploadAttachment(file: Blob, name: string, options?: UploadOptions): Promise<ApiResult<Attachment>>;
  /** Deletes one's own upload that no ticket uses yet, freeing the upload quota (optional for other backends). */
  deleteAttachment?(id: string, signal?: AbortSignal): Promise<ApiResult<null>>;
  /** Reads back a file of the user's (an upload, or one in their ticket's history) to open or save it. */
  downloadAttachment?(id: string, signal?: AbortSignal): Promise<ApiResult<Blob>>;
  /** Creates a ticket (optionally continuing a final one: `followUpOf`); the same `idempotencyKey` never creates a second one. */
  createTicket(draft: CreateTicketBody, idempotencyKey: string, signal?: AbortSignal): Promise<ApiResult<CreateTicketResponse>>;
  listTickets(signal?: AbortSignal): Promise<ApiResult<TicketSummary[]>>;
  /** One page of the reporter's tickets, newest first, after `cursor` (null: the first page); optional for other backends. */
  listTicketPage?(page: TicketPageRequest, signal?: AbortSignal): Promise<ApiResult<TicketPage>>;
  getTicket(id: string, signal?: AbortSignal): Promise<ApiResult<Ticket>>;
  /** Sends a message; answers the ticket's new summary and the event the message added (or, from an older backend, the whole ticket). */
  sendMessage(id: string, body: MessageBody, signal?: AbortSignal): Promise<ApiResult<TicketChange | Ticket>>;
  cancelTicket(id: string, signal?: AbortSignal): Promise<ApiResult<Ticket>>;
  /** Rates the help on a ticket (1–5, optional comment); optional for other backends — no rating is asked without it. */
  rateTicket?(id: string, body: RatingBody, signal?: AbortSignal): Promise<ApiResult<Ticket>>;
  /** The signed-in reporter's notification preferences (e-mails on); optional for other backends — no switch is shown without it. */
  getNotificationPrefs?(signal?: AbortSignal): Promise<ApiResult<NotificationPrefs>>;
  /** Replaces the reporter's notification preferences; answers what is stored. */
  setNotificationPrefs?(prefs: NotificationPrefs, signal?: AbortSignal): Promise<ApiResult<NotificationPrefs>>;
  /** Follows a ticket's events after `lastEventId`, reconnecting and falling back to polling. */
  subscribe(id: string, lastEventId: number, handlers: EventHandlers): EventSubscription;
  /**
   * The same API speaking with one guest ticket's access key (`Authorization: Guest <accessKey>`) instead of the
   * widget's own credentials: it reads, follows and writes to that ticket only, and never asks for a token. The key
   * goes in that header and nowhere else. Optional for other backends: without it a guest has no list of tickets.
   */
  withAccessKey?(accessKey: string): SupportApi;
}

