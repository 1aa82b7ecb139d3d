/**
 * A BlobStore that opens IndexedDB on first use and falls back to memory where it is refused. The IndexedDB
 * code is a chunk of its own, loaded with that first use (the attachments' queue, after the form's first frame).
 */
import { createMemoryBlobStore } from '../widget/shared/memory-stores';
import type { BlobStore } from '../widget/shared/env';

/** The store drafts use; never rejects because storage is unavailable. */
export function createLazyBlobStore(): BlobStore {
  let opened: Promise<BlobStore> | undefined;
  const store = () => (opened ??= import('./idb-blob-store').then(({ createIdbBlobStore }) => createIdbBlobStore()).then((idb) => idb ?? createMemoryBlobStore(), () => createMemoryBlobStore()));
  return {
    put: async (key, blob, name) => (await store()).put(key, blob, name),
    get: async (key) => (await store()).get(key),
    remove: async (key) => (await store()).remove(key),
    keys: async (prefix) => (await store()).keys(prefix),
  };
}
