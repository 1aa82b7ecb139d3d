/** A BlobStore that opens IndexedDB on first use and falls back to memory where it is refused. */
import { createMemoryBlobStore } from '../widget/shared/memory-stores';
import type { BlobStore } from '../widget/shared/env';
import { createIdbBlobStore } from './idb-blob-store';

/** The store drafts use; never rejects because storage is unavailable. */
export function createLazyBlobStore(): BlobStore {
  let opened: Promise<BlobStore> | undefined;
  const store = () => (opened ??= createIdbBlobStore().then((idb) => idb ?? createMemoryBlobStore(), () => createMemoryBlobStore()));
  return {
    put: async (key, blob, name) => (await store()).put(key, blob, name),
    get: async (key) => (await store()).get(key),
    remove: async (key) => (await store()).remove(key),
    keys: async (prefix) => (await store()).keys(prefix),
  };
}
