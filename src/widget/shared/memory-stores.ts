/** In-memory stores for tests, stories and browsers that refuse storage (private mode, sandboxed frames). */
import type { BlobStore, TextStore } from './env';

/** A TextStore over a Map. */
export function createMemoryTextStore(): TextStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** A BlobStore over a Map. */
export function createMemoryBlobStore(): BlobStore {
  const map = new Map<string, { blob: Blob; name: string }>();
  return {
    put: async (key, blob, name) => void map.set(key, { blob, name }),
    get: async (key) => map.get(key) ?? null,
    remove: async (key) => void map.delete(key),
    keys: async (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix)),
  };
}
