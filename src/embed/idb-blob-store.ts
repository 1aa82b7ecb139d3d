/** Draft attachments' blobs in IndexedDB, so a reload or a crash does not lose a screenshot. */
import type { BlobStore } from '../widget/shared/env';

const DB_NAME = 'uchi-support';
const STORE = 'draft-blobs';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (and on first use creates) the store; null where IndexedDB is unavailable or refused. */
export async function createIdbBlobStore(): Promise<BlobStore | null> {
  if (typeof indexedDB === 'undefined') return null;
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    db = await request(open);
  } catch {
    return null;
  }
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    put: async (key, blob, name) => void (await request(store('readwrite').put({ blob, name }, key))),
    get: async (key) => {
      const value = (await request(store('readonly').get(key))) as { blob: Blob; name: string } | undefined;
      return value instanceof Object && value.blob instanceof Blob ? value : null;
    },
    remove: async (key) => void (await request(store('readwrite').delete(key))),
    keys: async (prefix) => {
      const keys = await request(store('readonly').getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
      return keys.map(String);
    },
  };
}
