/**
 * The process's logger: the request log's JSON lines alone on stdout, for a log pipeline to read as they are, and every
 * other line (start, warnings, errors) on stderr. Under `--workers`, every line a worker writes names it —
 * `[support worker 2] …`, a stack trace's `at …` lines too, so that two workers' traces never mix unnamed — and
 * its request lines carry `worker`.
 */
import { format } from 'node:util';
import type { Logger } from './context';

/** What a worker writes for `args`: as one text, each of its lines named (`[support] …` becomes `[support worker N] …`). */
export function workerLines(worker: number, args: readonly unknown[]): string {
  const tag = `[support worker ${worker}]`;
  return format(...args)
    .split('\n')
    .map((line) => (line.startsWith('[support]') ? `${tag}${line.slice('[support]'.length)}` : `${tag} ${line}`))
    .join('\n');
}

/** The logger of this process; `worker` is the cluster worker's id (none in a single process). */
export function processLogger(worker: number | undefined): Logger {
  const named = (args: unknown[]): unknown[] => (worker === undefined ? args : [workerLines(worker, args)]);
  return {
    info: (line: unknown, ...rest: unknown[]) => (typeof line === 'string' && line.startsWith('{') ? console.log(line, ...rest) : console.error(...named([line, ...rest]))),
    warn: (line: unknown, ...rest: unknown[]) => console.warn(...named([line, ...rest])),
    error: (line: unknown, ...rest: unknown[]) => console.error(...named([line, ...rest])),
  };
}
