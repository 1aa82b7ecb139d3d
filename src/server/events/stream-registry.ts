/** Open event streams per reporter: a new one beyond the cap closes the oldest of the same reporter. */

/** The registry's surface. */
export interface StreamRegistry {
  /** Registers a stream of `owner`; returns its release (call when the stream ends). */
  open(owner: string, close: () => void): () => void;
  /** Open streams of `owner` (tests). */
  count(owner: string): number;
}

/** Creates a registry capping each owner at `maxPerOwner` streams. */
export function createStreamRegistry(maxPerOwner: number): StreamRegistry {
  // Insertion order of a Set is opening order, so the first entry is the oldest stream.
  const byOwner = new Map<string, Set<() => void>>();
  return {
    open(owner, close) {
      const streams = byOwner.get(owner) ?? new Set<() => void>();
      byOwner.set(owner, streams);
      while (streams.size >= maxPerOwner) {
        const oldest = streams.values().next().value;
        if (oldest === undefined) break;
        streams.delete(oldest);
        oldest();
      }
      streams.add(close);
      return () => {
        streams.delete(close);
        if (streams.size === 0 && byOwner.get(owner) === streams) byOwner.delete(owner);
      };
    },
    count: (owner) => byOwner.get(owner)?.size ?? 0,
  };
}
