/**
 * A gate for expensive work of one process: at most `running` jobs at a time, at most `waiting` more queued in
 * arrival order, and beyond that a 503 with `Retry-After`. Decoding an image costs memory and CPU by its pixels,
 * not by its bytes: a 2 kB lossless WebP may hold 40 megapixels. Through the gate, a burst of such files from
 * one client takes one job's memory and one of the worker threads that file reads and writes also need.
 */
import { ApiFailure } from '../errors';
import type { Sentence } from '../errors';

/** A bounded gate. */
export interface WorkGate {
  /** Runs `job` when a place is free (in order of arrival), or throws the 503 when too many already wait. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting now. */
  load(): { running: number; waiting: number };
}

/** Creates a gate of `running` places with a queue of `waiting`. */
export function createWorkGate(running: number, waiting: number, busyMessage: Sentence): WorkGate {
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next === undefined) active--;
    else next();
  };
  return {
    async run(job) {
      if (active < running) active++;
      else if (queue.length < waiting) await new Promise<void>((resolve) => queue.push(resolve));
      else throw new ApiFailure(503, 'unavailable', busyMessage, undefined, { 'Retry-After': '5' });
      try {
        return await job();
      } finally {
        release();
      }
    },
    load: () => ({ running: active, waiting: queue.length }),
  };
}

/** A gate shared by owners, each holding a bounded number of its places and queue at once. */
export interface OwnedGate {
  /** Runs `job` through the gate for `owner`, or throws `refusal` when the owner already has its share in it. */
  run<T>(owner: string, job: () => Promise<T>): Promise<T>;
  /** Jobs of `owner` running and waiting now. */
  held(owner: string): number;
}

/**
 * Puts `gate` under a share of `perOwner` jobs (running and waiting) per owner: the queue is first come, first
 * served, and without the share one client keeping it full would turn everyone else away. An owner past its share
 * is refused at once (the refusal is thrown as given), before it takes a place others are waiting for.
 */
export function shareWorkGate(gate: WorkGate, perOwner: number, refusal: () => Error): OwnedGate {
  const held = new Map<string, number>();
  return {
    async run(owner, job) {
      const count = held.get(owner) ?? 0;
      if (count >= perOwner) throw refusal();
      held.set(owner, count + 1);
      try {
        return await gate.run(job);
      } finally {
        const left = (held.get(owner) ?? 1) - 1;
        if (left === 0) held.delete(owner);
        else held.set(owner, left);
      }
    },
    held: (owner) => held.get(owner) ?? 0,
  };
}
