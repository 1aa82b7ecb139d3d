// The slow-loris rows of `npm run bench`: create latency (p50, p99) of a few reporters creating tickets back to
// back against the API as a child process, first alone, then while 2,000 slow-loris sockets are open — spread
// over eight loopback source addresses (250 each, under the per-IP cap, so all of them are held) and dribbling
// a header line a second, reconnecting whenever the server cuts them at the header deadline. The reporters run
// in a worker thread, the attack on this thread, the server in its own process.
//   node scripts/bench/slow-loris.mjs [--quick]   (run.mjs runs it after its own rows)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import { AGENT_TOKEN, benchDraft, ROOT } from './setup.mjs';
import { markdownTable, ms, quantile } from './stats.mjs';

const SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const load = (path) => tsImport(join(ROOT, path), import.meta.url);
const log = (line) => console.error(`[bench] ${line}`);

/** The budget: a normal client's create stays under a second at p99 while the attack runs. */
export const SLOW_LORIS_BUDGET_MS = 1000;
const SOCKETS = 2_000;
const SOURCES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
const REPORTERS = 4;

function throughputInWorker(data) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { job: 'throughput', ...data } });
    worker.once('message', (message) => (message.ok ? resolve(message.result) : reject(new Error(message.error))));
    worker.once('error', reject);
  });
}

/** Measures creates without and with the attack; returns the raw figures. */
export async function measureSlowLoris({ quick = false } = {}) {
  const [{ startChildServer }, { startSlowLoris }, { signReporterToken }] = await Promise.all([
    load('tests/server/child-server.ts'),
    load('tests/server/slow-loris.ts'),
    load('src/server/index.ts'),
  ]);
  const durationMs = quick ? 4_000 : 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'support-bench-loris-'));
  const server = await startChildServer({
    SUPPORT_DB: join(dir, 'support.sqlite'),
    SUPPORT_DATABASE_URL: '',
    SUPPORT_ATTACHMENTS_DIR: join(dir, 'attachments'),
    SUPPORT_TOKEN_SECRET: SECRET,
    SUPPORT_AGENT_TOKEN: AGENT_TOKEN,
    SUPPORT_RATE_LIMIT: '1000000000',
    SUPPORT_SENDS_PER_USER_HOUR: '1000000000',
  });
  try {
    const profile = (sub) => ({ sub, name: `Пользователь ${sub}`, role: 'listener', org: { title: 'ООО «Учебный центр»' }, lms: 'https://lms.example.ru' });
    const tokens = await Promise.all(Array.from({ length: REPORTERS }, (_, i) => signReporterToken(profile(`loris-${i}`), SECRET, '2h')));
    const job = { apiUrl: server.api, tokens, durationMs, draft: benchDraft('') };
    // Warm-up, so the first row does not pay for the server's first requests.
    await throughputInWorker({ ...job, durationMs: 1_000 });
    log(`slow-loris: ${REPORTERS} reporters alone for ${durationMs / 1000} s…`);
    const calm = await throughputInWorker(job);
    log(`slow-loris: opening ${SOCKETS} sockets from ${SOURCES.length} addresses…`);
    const attack = startSlowLoris({ port: server.port, sockets: SOCKETS, sources: SOURCES });
    let underAttack;
    let before;
    let after;
    try {
      before = await attack.until((stats) => stats.open >= SOCKETS * 0.95, 60_000);
      log(`slow-loris: ${before.open} open; the reporters again for ${durationMs / 1000} s…`);
      underAttack = await throughputInWorker(job);
      after = attack.stats();
    } finally {
      await attack.stop();
    }
    return { sockets: SOCKETS, sources: SOURCES.length, reporters: REPORTERS, durationMs, calm, underAttack, before, after };
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows as markdown. */
export function renderSlowLoris(r) {
  const row = (label, result) => {
    const p99 = quantile(result.latencies, 0.99);
    return [
      label,
      `p50 ${ms(quantile(result.latencies, 0.5))}, p99 ${ms(p99)}; ${result.created} created, ${result.errors} errors`,
      `p99 ≤ ${ms(SLOW_LORIS_BUDGET_MS)}, 0 errors`,
      p99 <= SLOW_LORIS_BUDGET_MS && result.errors === 0 ? 'ok' : '**over**',
    ];
  };
  const rows = [
    row(`create, ${r.reporters} reporters back to back for ${r.durationMs / 1000} s (API as its own process)`, r.calm),
    row(`the same while ${r.sockets.toLocaleString('en')} slow-loris sockets are open (${r.sources} source addresses)`, r.underAttack),
  ];
  const attack = `Attack: ${r.before.open} sockets open when the reporters started, ${r.after.open} when they stopped; ${r.after.cut} cut by the server at the header deadline, ${r.after.refused} refused at a connection cap.`;
  return `${markdownTable(['measure', 'result', 'budget', ''], rows)}\n\n${attack}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureSlowLoris({ quick: process.argv.includes('--quick') }).then(
    (result) => console.log(renderSlowLoris(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
