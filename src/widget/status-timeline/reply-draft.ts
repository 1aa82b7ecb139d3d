/** The reply being typed survives closing the panel or a reload: kept per user and ticket in the text store. */
import type { TextStore } from '../shared/env';

/** Storage key of a reply draft. */
export function replyDraftKey(userKey: string, ticketId: string): string {
  return `uchi-support:reply:${userKey}:${ticketId}`;
}

/** Reads a saved reply ('' when none or when storage refuses). */
export function readReplyDraft(store: TextStore, key: string): string {
  try {
    return store.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** Saves (or, for an empty text, forgets) a reply; storage failures only cost the draft, never the typing. */
export function writeReplyDraft(store: TextStore, key: string, text: string): void {
  try {
    if (text === '') store.removeItem(key);
    else store.setItem(key, text);
  } catch {
    // Private mode or a full quota: the text is still in the textarea.
  }
}
