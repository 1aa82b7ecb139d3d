/**
 * The autosave hook on its own: a change that is undone before it is written (the form reset after a send, a
 * render between them) is not written later by the unmount's flush.
 */
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { draftStorageKey } from '../../../src/widget/ticket-form/stored-draft';
import { useDraftAutosave } from '../../../src/widget/ticket-form/useDraftAutosave';
import type { DraftSnapshot } from '../../../src/widget/ticket-form/useDraftAutosave';
import { emptyValues } from '../../../src/widget/ticket-form/form-values';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('useDraftAutosave', () => {
  const key = draftStorageKey('autosave-test');
  const now = () => new Date('2026-12-06T10:00:00.000Z');
  const typed: DraftSnapshot = { values: { ...emptyValues(), subject: 'Не открывается тест' }, idempotencyKey: 'key-after-send' };

  it('drops a change undone before it was written: the unmount writes nothing', () => {
    const store = memoryStore();
    const { rerender, unmount, result } = renderHook(({ snapshot }: { snapshot: DraftSnapshot }) => useDraftAutosave({ store, storageKey: key, snapshot, now, delay: 60_000 }), {
      initialProps: { snapshot: null as DraftSnapshot },
    });
    result.current.discard();
    // One render still shows the sent fields under the new key, the next the reset form.
    rerender({ snapshot: typed });
    rerender({ snapshot: null });
    unmount();
    expect(store.items.has(key)).toBe(false);
  });

  it('still writes a change that is waiting when the form unmounts', () => {
    const store = memoryStore();
    const { rerender, unmount } = renderHook(({ snapshot }: { snapshot: DraftSnapshot }) => useDraftAutosave({ store, storageKey: key, snapshot, now, delay: 60_000 }), {
      initialProps: { snapshot: null as DraftSnapshot },
    });
    rerender({ snapshot: typed });
    unmount();
    expect(store.items.get(key)).toContain('Не открывается тест');
  });
});
