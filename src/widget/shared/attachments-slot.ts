/**
 * What the ticket form and the clarification reply need from the attachments feature, without importing it:
 * the app shell builds an attachment queue and hands this over.
 */
import type { ReactNode } from 'react';

/** The attachments of one draft (or one reply), as another feature sees them. */
export interface AttachmentsSlot {
  /** Ids of files already uploaded, in order. */
  ids: string[];
  /** Names of every file in the queue (for the e-mail fallback's "add these by hand" list). */
  names: string[];
  /** Whether at least one image is attached (the checklist's "screenshot" item). */
  hasImage: boolean;
  /** True while a file is still uploading: sending waits for it. */
  busy: boolean;
  /** True when a file failed and was neither retried nor removed. */
  failed: boolean;
  /**
   * Names of the files pasted or dropped before the picker was there (the form's category not chosen yet): they
   * are attached when it comes.
   */
  waiting?: readonly string[];
  /**
   * True while the picker is being loaded (neither there nor failed), read when the reader renders: the form
   * shows its fields with it, not before (it would push them down as it arrives).
   */
  readonly pending?: boolean;
  /** Asks for the picker ahead of showing it (a failed load is tried again); resolves once it is there or failed. */
  prepare?(): Promise<void>;
  /** Forgets every file (after a successful send). */
  clear(): void;
  /** The picker UI to render in place. */
  node: ReactNode;
}
