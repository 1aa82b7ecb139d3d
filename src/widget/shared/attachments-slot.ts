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
  /** Forgets every file (after a successful send). */
  clear(): void;
  /** The picker UI to render in place. */
  node: ReactNode;
}
