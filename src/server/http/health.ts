/**
 * Health checks for load balancers and orchestrators, at the root and under `/api/v1`: no auth, no rate limit,
 * never cached. `/healthz` says the process serves requests; `/readyz` also checks that the database answers
 * and takes a write (a write at most every few seconds) and that the disk holding the database and
 * attachments has room.
 */
import { constants } from 'node:fs';
import { access, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';

/** How long the database may take to answer a readiness check before it counts as not ready. */
const DATABASE_CHECK_MS = 2_000;

/**
 * How long a good readiness write stands for. Anyone may call `/readyz`, and probes call it every few
 * seconds: between two writes a call only reads.
 */
const WRITE_CHECK_MS = 5_000;

/** The counter row the readiness write ticks (a minute's window) and the read reads. */
const READY_KEY = 'health:ready';
const READY_WINDOW_MS = 60_000;

/** One check of `/readyz`: `detail` is for the log, `reason` for the public answer (no paths, no internals). */
interface Check {
  ok: boolean;
  detail?: string;
  reason?: string;
}

const NO_CACHE = { 'Cache-Control': 'no-store' };

/** Bytes free for this process on the file system holding `path`. */
async function freeBytes(path: string): Promise<number> {
  const stats = await statfs(path);
  return stats.bavail * stats.bsize;
}

/** One database check (`what` names it in the log) that must answer within DATABASE_CHECK_MS. */
async function databaseAnswers(what: 'read' | 'write', work: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_CHECK_MS} ms`)), DATABASE_CHECK_MS);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    const reason = what === 'write' ? 'the database takes no write' : 'the database does not answer';
    return { ok: false, detail: `${what}: ${error instanceof Error ? error.message : String(error)}`, reason };
  } finally {
    clearTimeout(timer);
  }
}

/** A readiness write: when it started, its outcome once known. */
interface Write {
  at: number;
  check: Promise<Check>;
  result: Check | null;
}

/**
 * The database check of `/readyz`: a write (one tick of a counter row, in a transaction of its own) when the
 * last good one is WRITE_CHECK_MS old, or failed; the calls that come while it runs share it; otherwise a read
 * of the same row.
 */
function databaseCheck(deps: AppDeps): () => Promise<Check> {
  let last: Write | null = null;
  return () => {
    const now = deps.clock().getTime();
    const write = last;
    if (write === null || write.result?.ok === false || now < write.at || now - write.at >= WRITE_CHECK_MS) {
      const started: Write = {
        at: now,
        check: databaseAnswers('write', () => deps.store.counters.add(READY_KEY, 1, READY_WINDOW_MS, now)),
        result: null,
      };
      void started.check.then((result) => {
        started.result = result;
      });
      last = started;
      return started.check;
    }
    if (write.result === null) return write.check;
    return databaseAnswers('read', () => deps.store.counters.peek(READY_KEY, READY_WINDOW_MS, now));
  };
}

/** The attachments folder is writable and its file system (and the SQLite file's) has the configured room. */
async function checkDisk(deps: AppDeps): Promise<Check> {
  const { attachmentsDir, dbPath, databaseUrl, minFreeDiskBytes } = deps.config;
  const paths = [attachmentsDir, ...(databaseUrl === null ? [dirname(dbPath)] : [])];
  try {
    await access(attachmentsDir, constants.W_OK);
    for (const path of paths) {
      const free = await freeBytes(path);
      if (free < minFreeDiskBytes) return { ok: false, detail: `${free} bytes free under ${path}, below ${minFreeDiskBytes}`, reason: 'too little free disk space' };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error), reason: 'the attachments folder is not writable' };
  }
}

/** `GET /healthz` and `GET /readyz`; mounted before identity and rate limits. */
export function healthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // One for both mounts (the root and /api/v1), so a write stands for either.
  const checkDatabase = databaseCheck(deps);
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_CACHE));
  app.get('/readyz', async (c) => {
    // Stopping soon: a load balancer is to send nothing more, whatever the checks would say.
    if (deps.draining?.() === true) return c.json({ status: 'draining', checks: {} }, 503, NO_CACHE);
    const [database, disk] = await Promise.all([checkDatabase(), checkDisk(deps)]);
    const ready = database.ok && disk.ok;
    if (!ready) deps.logger.warn(`[support] not ready: ${JSON.stringify({ database, disk })}`);
    // Anyone may ask: the answer names what failed, the log says where and why.
    const publicCheck = ({ ok, reason }: Check) => (ok ? { ok } : { ok, reason });
    return c.json({ status: ready ? 'ok' : 'unavailable', checks: { database: publicCheck(database), disk: publicCheck(disk) } }, ready ? 200 : 503, NO_CACHE);
  });
  return app;
}
