/** The attachment queue's data: items, their statuses and the reasons a file was refused or failed. */

/** Where one file is in its life: checked and prepared, sent, done, failed (retryable) or refused (final). */
export type AttachmentStatus = 'preparing' | 'uploading' | 'uploaded' | 'failed' | 'refused';

/**
 * Why a file was refused before sending: the user must pick another file. `damaged`: its name says an accepted
 * type (fake.png) but its bytes are not one.
 */
export type RefusalReason = 'type' | 'damaged' | 'size' | 'count' | 'empty';

/** Why an upload failed: the user may retry, but for a file the server could not read (`damaged`). */
export type FailureReason = 'network' | 'too-large' | 'unsupported' | 'damaged' | 'rate-limited' | 'too-many-waiting' | 'auth' | 'server' | 'cancelled';

/** An error code shown with a refused or failed item. */
export type AttachmentError = RefusalReason | FailureReason;

/** One file in the queue. */
export interface QueueItem {
  id: string;
  /** The name shown and sent (a re-encoded image may change its extension). */
  name: string;
  /** Bytes of the file that is (or will be) sent. */
  size: number;
  /** Content type: sniffed from the bytes once checked, the browser's claim before that. */
  type: string;
  status: AttachmentStatus;
  /** Fraction sent, 0…1. */
  progress: number;
  error?: AttachmentError;
  /** For a `count` refusal: which file it would have been ("11-й файл"). */
  ordinal?: number;
  /** The server's id once uploaded. */
  serverId?: string;
  /** An object URL of the image for the list. */
  thumbnail?: string;
  /** The file as the user gave it. */
  source: Blob;
  /** What is sent: the prepared (downscaled, re-encoded) file. */
  blob?: Blob;
  /** True once type and size were checked against the limits. */
  checked: boolean;
  /** How many times the user retried: each attempt gets its own job. */
  attempt: number;
}

/** The queue's state. */
export interface QueueState {
  /** Whose files these are: switching drafts resets the queue. */
  draftKey: string;
  items: QueueItem[];
  /** False until the draft's saved files were read back (writing before that would erase them). */
  ready: boolean;
  /** The last thing worth announcing to a screen reader; `seq` tells two equal events apart. */
  lastEvent?: QueueEvent;
  /**
   * The last few such events, `lastEvent` last: uploads that end together change the state more than once before
   * the list renders again, and each of them is said.
   */
  recentEvents?: readonly QueueEvent[];
}

/** Something the picker's live region says. */
export type QueueEvent =
  | { kind: 'uploaded'; name: string; seq: number }
  | { kind: 'failed'; name: string; error: AttachmentError; seq: number }
  | { kind: 'removed'; name: string; seq: number }
  | { kind: 'restored'; count: number; seq: number };

/** Limits the queue checks files against (GET /meta `limits`). */
export interface QueueLimits {
  maxFileBytes: number;
  maxFilesPerTicket: number;
  acceptedTypes: readonly string[];
}
