/**
 * The story's clock: a fixed instant per story, moved forward only on purpose (a scripted specialist's step),
 * so every date and deadline on screen is the same on every run and machine.
 */

/** A clock that stands still until told to advance. */
export interface StoryClock {
  now(): Date;
  /** Moves the clock forward by `minutes` (a specialist's step takes time). */
  advance(minutes: number): void;
  /** Sets the clock to an instant (seeding a ticket's history). */
  set(at: Date): void;
}

/** A clock standing at `start`. */
export function createStoryClock(start: string | Date): StoryClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new RangeError(`story clock: invalid start ${String(start)}`);
  return {
    now: () => new Date(current),
    advance: (minutes) => {
      current += Math.round(minutes * 60_000);
    },
    set: (at) => {
      current = at.getTime();
    },
  };
}
