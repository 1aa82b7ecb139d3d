/** A stream's doorbell: any number of rings before the stream looks count as one; closing ends the wait. */

/** Ring/close from callbacks, `wait()` from the writer loop. */
export interface WakeSignal {
  ring(): void;
  close(): void;
  /** Resolves true once rung since the last wait, false once closed. */
  wait(): Promise<boolean>;
}

/** Creates an open, unrung signal. */
export function createWakeSignal(): WakeSignal {
  let rung = false;
  let closed = false;
  let resolve: (() => void) | null = null;
  const notify = () => {
    const done = resolve;
    resolve = null;
    done?.();
  };
  return {
    ring() {
      rung = true;
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    async wait() {
      while (!rung && !closed) await new Promise<void>((done) => (resolve = done));
      if (closed) return false;
      rung = false;
      return true;
    },
  };
}
