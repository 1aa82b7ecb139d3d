/**
 * The simulated support specialist: moves tickets through the core's status machine on a script, so stories
 * show live changes arriving — "after 1 s: in processing, after 2 s more: a question".
 */
import type { Status } from '../../src/core';
import type { StoryClock } from './clock';
import type { MemoryStore } from './memory-store';

/** One step: wait `afterMs` (real time), let `minutes` pass on the story clock, then set the status. */
export interface SpecialistStep {
  afterMs: number;
  status: Status;
  /** The question or answer (required by the core for clarification_requested and answered). */
  text?: string;
  /** Story-clock minutes the step takes (default 7). */
  minutes?: number;
}

/** What the specialist does: to every ticket created during the story, and to seeded tickets by id. */
export interface SpecialistScript {
  onCreate?: SpecialistStep[];
  byTicket?: Record<string, SpecialistStep[]>;
}

/** The specialist of one story. */
export interface Specialist {
  /** Moves a ticket now; throws on an illegal move (a mistake in the story). */
  move(ticketId: string, status: Status, text?: string, minutes?: number): void;
  /** Plays `steps` on a ticket, one after another. */
  play(ticketId: string, steps: readonly SpecialistStep[]): void;
  /** Stops every pending step. */
  stop(): void;
}

/** A specialist working on `store` with the story clock. */
export function createSpecialist(store: MemoryStore, clock: StoryClock): Specialist {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const move = (ticketId: string, status: Status, text?: string, minutes = 7) => {
    clock.advance(minutes);
    const result = store.change(ticketId, { status, actor: 'support', text }, clock.now());
    if (typeof result === 'string') throw new Error(`specialist: cannot move ${ticketId} to ${status} (${result})`);
  };
  const play = (ticketId: string, steps: readonly SpecialistStep[]) => {
    const [step, ...rest] = steps;
    if (step === undefined) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      try {
        move(ticketId, step.status, step.text, step.minutes);
      } catch (error) {
        // The reporter may have cancelled meanwhile: the specialist simply stops, as a real one would.
        console.warn(error);
        return;
      }
      play(ticketId, rest);
    }, step.afterMs);
    timers.add(timer);
  };
  return {
    move,
    play,
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
