/**
 * Saves the draft to the text store (localStorage) on every change, debounced, so nothing typed is lost:
 * per user, with the draft's idempotency key, flushed when the form unmounts or the page is hidden.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { TextStore } from '../shared/env';
import { listenWindow } from './browser';
import { serializeDraft } from './stored-draft';
import type { StoredDraft } from './stored-draft';

/** How long typing must pause before the draft is written. */
export const AUTOSAVE_DELAY_MS = 500;

/** What is saved; `null` means there is nothing worth keeping (the stored draft is removed). */
export type DraftSnapshot = Omit<StoredDraft, 'version' | 'savedAt'> | null;

// Storage may refuse (quota, private mode, sandboxed frames): the form keeps working without it.
function write(store: TextStore, key: string, snapshot: DraftSnapshot, now: Date): void {
  try {
    if (snapshot === null) store.removeItem(key);
    else store.setItem(key, serializeDraft(snapshot, now));
  } catch {
    /* the draft lives on in memory */
  }
}

/** Autosaves `snapshot` under `key`; returns `discard()` that removes the stored draft at once. */
export function useDraftAutosave({
  store,
  storageKey,
  snapshot,
  now,
  delay = AUTOSAVE_DELAY_MS,
}: {
  store: TextStore;
  storageKey: string;
  snapshot: DraftSnapshot;
  now: () => Date;
  delay?: number;
}): { discard(): void } {
  const serialized = JSON.stringify(snapshot);
  // What the store holds now; starts as what was restored (or nothing), so mounting writes nothing.
  const saved = useRef<string | null>(null);
  const pending = useRef<{ serialized: string; snapshot: DraftSnapshot } | null>(null);
  const context = useRef({ store, storageKey, now });

  const flush = useCallback(() => {
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    saved.current = next.serialized;
    write(context.current.store, context.current.storageKey, next.snapshot, context.current.now());
  }, []);

  useEffect(() => {
    context.current = { store, storageKey, now };
  }, [store, storageKey, now]);

  useEffect(() => {
    if (saved.current === null) {
      saved.current = serialized; // the first render shows what is already stored (restored or nothing)
      return undefined;
    }
    if (serialized === saved.current) {
      // Back to what is stored (a sent draft's fields reset after its new key): a change still waiting is
      // obsolete, and the unmount's or pagehide's flush must not write it.
      pending.current = null;
      return undefined;
    }
    pending.current = { serialized, snapshot: JSON.parse(serialized) as DraftSnapshot };
    const timer = setTimeout(flush, delay);
    return () => clearTimeout(timer);
  }, [serialized, delay, flush]);

  useEffect(() => {
    const stop = listenWindow('pagehide', flush);
    return () => {
      stop();
      flush();
    };
  }, [flush]);

  const discard = useCallback(() => {
    pending.current = null;
    saved.current = JSON.stringify(null);
    write(context.current.store, context.current.storageKey, null, context.current.now());
  }, []);

  return { discard };
}
