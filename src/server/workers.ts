/**
 * `npm run server -- --workers N`: the primary process forks N workers with node:cluster; they share the
 * port (the primary hands out connections) and the database. SIGTERM or SIGINT to the primary shuts every
 * worker down gracefully; a worker that dies otherwise is replaced. Workers that keep dying before they listen
 * (a database that does not answer, a port taken) are not replaced forever: after a few, slower and slower, the
 * primary stops with exit code 1, so systemd or Docker see the failure.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import type { ServerConfig } from './config';
import { errorLine } from './error-line';
import { clusterMetrics, serveMetrics } from './metrics';
import { onStopSignals } from './stop-signals';

/** What the command line says: `--workers N` (or `--workers=N`), `--copy-to-postgres`, or `--help`. */
export interface CommandLine {
  /** 0 when not asked for, so one process serves. */
  workers: number;
  help: boolean;
  /** Copy the SQLite database (SUPPORT_DB) into a new PostgreSQL one (SUPPORT_DATABASE_URL), then exit. */
  copyToPostgres: boolean;
}

/** The command line's only words; everything else is set in the environment (README). */
export const USAGE = [
  'Usage: node dist/server/main.js [--workers N | --copy-to-postgres]   (npm run server -- … in a checkout)',
  '  --workers N   N server processes (1–64) on one port and one database',
  '  --copy-to-postgres   copy the SQLite database (SUPPORT_DB) into a new PostgreSQL one (SUPPORT_DATABASE_URL), then exit',
  '  --help, -h    this text',
  'Everything else is set in the environment: PORT, HOST, SUPPORT_TOKEN_SECRET, SUPPORT_DB, … (README, "The reference Support API").',
].join('\n');

/**
 * Reads `argv`. Anything it does not know stops the start: `--port 8080` ignored would leave the server on
 * another port than its operator believes.
 */
export function commandLineFrom(argv: readonly string[]): CommandLine {
  let workers = 0;
  let help = false;
  let copyToPostgres = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg === '--copy-to-postgres') {
      copyToPostgres = true;
    } else if (arg === '--workers' || arg.startsWith('--workers=')) {
      if (workers > 0) throw new Error('--workers is given twice: give it once.');
      const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[(index += 1)] ?? '');
      // Digits only: `Number` would also take " 2", "0x2" and "1e1".
      const count = /^\d{1,2}$/u.test(raw) ? Number(raw) : 0;
      if (count < 1 || count > 64) throw new Error(`--workers must be a whole number from 1 to 64, got "${raw}".`);
      workers = count;
    } else {
      const hint = /^--(port|host)\b/u.test(arg) ? ` Set ${arg.slice(2).split('=')[0]?.toUpperCase()} in the environment instead.` : '';
      throw new Error(`Unknown argument "${arg}".${hint}\n${USAGE}`);
    }
  }
  if (copyToPostgres && workers > 0) throw new Error('--copy-to-postgres copies and exits: it serves nothing, so it takes no --workers.');
  return { workers, help, copyToPostgres };
}

/** Workers in a row that may die before listening before the primary gives up. */
export const MAX_FAILED_STARTS = 3;

/**
 * Runs the primary: forks `count` workers and supervises them until a signal stops them all. With `metrics` it
 * serves every worker's metrics, summed, on their port (the workers do not listen there).
 */
export function runPrimary(count: number, metrics: ServerConfig['metrics'] = null): void {
  let stopping = false;
  let exitCode = 0;
  let failedStarts = 0;
  const listened = new WeakSet<Worker>();
  // Each worker knows how many there are: its share of the database's connections depends on it.
  const fork = (): Worker => cluster.fork({ SUPPORT_WORKER_COUNT: String(count) });
  cluster.on('listening', (worker) => {
    listened.add(worker);
    failedStarts = 0;
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (listened.has(worker)) {
      console.error(`[support] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      fork();
      return;
    }
    failedStarts += 1;
    if (failedStarts >= MAX_FAILED_STARTS) {
      console.error(`[support] ${failedStarts} workers in a row exited before listening (the last: ${signal ?? code}); stopping`);
      exitCode = 1;
      stop(null);
      return;
    }
    const delay = 1000 * failedStarts;
    console.error(`[support] worker ${worker.process.pid} exited before listening (${signal ?? code}); starting another in ${delay / 1000} s`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  const stop = (signal: NodeJS.Signals | null) => {
    if (stopping) return;
    stopping = true;
    if (signal !== null) console.error(`[support] ${signal}: stopping ${count} worker(s)`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
  };
  onStopSignals(stop, (line) => console.error(line));
  console.error(`[support] primary ${process.pid}: starting ${count} worker(s)`);
  // Before the workers: the primary listens for their answers from the start.
  const gather = metrics === null ? null : clusterMetrics();
  for (let i = 0; i < count; i++) fork();
  if (metrics !== null && gather !== null) {
    serveMetrics(metrics.host, metrics.port, gather, console).then(
      (served) => console.error(`[support] metrics of ${count} worker(s) at ${served.url}`),
      (error: unknown) => {
        console.error(`[support] cannot listen on SUPPORT_METRICS_HOST=${metrics.host} SUPPORT_METRICS_PORT=${metrics.port}: ${errorLine(error)}; stopping`);
        exitCode = 1;
        stop(null);
      },
    );
  }
}
