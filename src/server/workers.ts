/**
 * `npm run server -- --workers N`: the primary process forks N workers with node:cluster; they share the
 * port (the primary hands out connections) and the database. SIGTERM or SIGINT to the primary shuts every
 * worker down gracefully; a worker that dies otherwise is replaced.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';

/** How many workers `argv` asks for (`--workers N` or `--workers=N`); 0 when none, so one process serves. */
export function workersFrom(argv: readonly string[]): number {
  const index = argv.findIndex((arg) => arg === '--workers' || arg.startsWith('--workers='));
  if (index < 0) return 0;
  const arg = argv[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[index + 1] ?? '');
  const count = Number(raw);
  if (!Number.isSafeInteger(count) || count < 1 || count > 64) throw new Error(`--workers must be a whole number from 1 to 64, got "${raw}".`);
  return count;
}

/** Runs the primary: forks `count` workers and supervises them until a signal stops them all. */
export function runPrimary(count: number): void {
  let stopping = false;
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[support] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.info(`[support] ${signal}: stopping ${count} worker(s)`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker.process.kill('SIGTERM');
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  console.info(`[support] primary ${process.pid}: starting ${count} worker(s)`);
  for (let i = 0; i < count; i++) fork();
}
