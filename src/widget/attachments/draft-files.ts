/**
 * Saves a draft's attachments in the BlobStore (IndexedDB in the browser) so a reload brings them back.
 * Storage is best effort: a full or refused store must never break the form, so errors are swallowed here.
 */
import type { BlobStore } from '../shared/env';
import type { RestoredFile } from './model/queue-reducer';
import { parseManifest } from './model/manifest';
import type { ManifestEntry } from './model/manifest';

/** The saved files of one draft. */
export interface DraftFiles {
  saveFile(id: string, blob: Blob, name: string): void;
  saveManifest(entries: ManifestEntry[]): void;
  forget(id: string): void;
  forgetAll(): void;
  /** Reads back the saved files in their order, dropping blobs the list does not know (left by a crash). */
  restore(): Promise<RestoredFile[]>;
}

/** The key prefix of a draft; the draft key is escaped so one draft's prefix never matches another's keys. */
export function draftPrefix(draftKey: string): string {
  return `attachments:${encodeURIComponent(draftKey)}:`;
}

/** Draft files over a BlobStore. Writes run one after another, in the order they were asked for. */
export function createDraftFiles(store: BlobStore, draftKey: string): DraftFiles {
  const prefix = draftPrefix(draftKey);
  const manifestKey = `${prefix}manifest`;
  const fileKey = (id: string) => `${prefix}file:${id}`;
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = (task: () => Promise<unknown>) => {
    chain = chain.then(task).catch(() => undefined);
  };
  return {
    saveFile: (id, blob, name) => enqueue(() => store.put(fileKey(id), blob, name)),
    saveManifest: (entries) =>
      enqueue(() =>
        entries.length === 0
          ? store.remove(manifestKey)
          : store.put(manifestKey, new Blob([JSON.stringify(entries)], { type: 'application/json' }), 'manifest.json'),
      ),
    forget: (id) => enqueue(() => store.remove(fileKey(id))),
    forgetAll: () => enqueue(async () => Promise.all((await store.keys(prefix)).map((key) => store.remove(key)))),
    restore() {
      // Queued like the writes: files saved while it runs are not mistaken for leftovers and removed.
      const reading = chain.then(async (): Promise<RestoredFile[]> => {
        try {
          const saved = await store.get(manifestKey);
          const entries = saved === null ? [] : parseManifest(await saved.blob.text());
          const files: RestoredFile[] = [];
          for (const entry of entries) {
            const file = await store.get(fileKey(entry.id));
            if (file === null) continue;
            files.push({
              id: entry.id,
              name: entry.name,
              type: entry.type,
              blob: file.blob,
              ...(entry.serverId === undefined ? {} : { serverId: entry.serverId }),
              ...(entry.size === undefined ? {} : { size: entry.size }),
            });
          }
          const wanted = new Set([manifestKey, ...files.map((file) => fileKey(file.id))]);
          for (const key of await store.keys(prefix)) if (!wanted.has(key)) await store.remove(key);
          return files;
        } catch {
          return [];
        }
      });
      chain = reading;
      return reading;
    },
  };
}
