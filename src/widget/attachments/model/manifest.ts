/** The list of a draft's saved files, stored next to their blobs: order, type and the server id once uploaded. */
import * as z from 'zod/mini';
import type { QueueItem } from './types';

/** One saved file, as stored (parsed on the way back: storage is outside input). */
export const manifestEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.maxLength(255)),
  type: z.string().check(z.maxLength(100)),
  serverId: z.optional(z.string().check(z.maxLength(100))),
  /** The size the server stored once uploaded (an image re-encoded there differs from the bytes sent). */
  size: z.optional(z.int().check(z.nonnegative())),
});
/** One saved file. */
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** The saved list. */
export const manifestSchema = z.array(manifestEntrySchema);

/** The entries worth saving: files that passed the checks and have the bytes to send (refused ones are dropped). */
export function manifestOf(items: readonly QueueItem[]): ManifestEntry[] {
  return items
    .filter((item) => item.blob !== undefined && item.status !== 'refused' && item.status !== 'preparing')
    .map((item) => {
      const entry: ManifestEntry = { id: item.id, name: item.name, type: item.type };
      if (item.serverId !== undefined) {
        entry.serverId = item.serverId;
        entry.size = item.size;
      }
      return entry;
    });
}

/** Parses a saved list; anything damaged reads as empty rather than breaking the form. */
export function parseManifest(text: string): ManifestEntry[] {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
