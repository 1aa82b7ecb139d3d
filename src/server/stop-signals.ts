/**
 * SIGINT, SIGTERM and SIGHUP (the terminal or SSH session the server was started from closing): the first starts a
 * graceful stop, where SIGHUP's default would kill the process with its requests in flight. The same stop often comes twice — from a terminal or a
 * supervisor to the whole process group, and from a parent that passes it on (`npm start`, the primary of
 * `--workers`) — so a repeat within 2 s is that one stop; a later one is someone insisting, and the process ends
 * at once.
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void, warn: (line: string) => void): void {
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince === undefined) {
      stoppingSince = Date.now();
      stop(signal);
    } else if (Date.now() - stoppingSince >= 2_000) {
      warn(`[support] ${signal} again: stopping now, without waiting for the requests in flight`);
      process.exit(1);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}
