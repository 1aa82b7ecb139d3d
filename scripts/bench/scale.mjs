// The scale-out rows of `npm run bench`: tickets/s and p99 of creates with 1, 2 and 4 API processes on
// PostgreSQL (a throw-away cluster, as the tests make) next to SQLite (one file) on the same machine, the
// load spread over the processes round-robin; and the cross-process event latency: an agent's status change
// through process A until it arrives on a stream of process B (median, p95).
//   node scripts/bench/scale.mjs [--quick]   (run.mjs runs it after its own rows)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { AGENT_TOKEN, benchDraft, ROOT } from './setup.mjs';
import { markdownTable, median, ms, quantile, sleep } from './stats.mjs';

const SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const load = (path) => tsImport(join(ROOT, path), import.meta.url);
const log = (line) => console.error(`[bench] ${line}`);

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts one API process (`node --import tsx src/server/main.ts`) and waits until it answers. */
async function startProcess(env) {
  const port = await freePort();
  const output = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  const api = `http://127.0.0.1:${port}/api/v1`;
  for (const until = Date.now() + 30_000; ; await sleep(50)) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`server did not start:\n${output.join('')}`);
    if (await fetch(`${api}/meta`).then((r) => r.ok, () => false)) break;
  }
  return {
    api,
    stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))),
  };
}

/** `reporters` reporters create tickets back to back for `durationMs`, each on the next process in turn. */
async function throughput(apis, tokens, durationMs) {
  const latencies = [];
  let errors = 0;
  let turn = 0;
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(
    tokens.map(async (token, reporter) => {
      for (let n = 0; performance.now() < until; n++) {
        const api = apis[turn++ % apis.length];
        const sent = performance.now();
        const response = await fetch(`${api}/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(benchDraft(`Масштаб ${reporter}-${n}`)),
        }).catch(() => null);
        await response?.arrayBuffer();
        if (response?.status === 201) latencies.push(performance.now() - sent);
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / seconds, p99: quantile(latencies, 0.99), errors };
}

/** Status changes through `a`, each timed until it arrives on a stream opened on `b`. */
async function crossProcessLatency(a, b, token, changes) {
  const created = await fetch(`${a}/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(benchDraft('Задержка между процессами')),
  }).then((r) => r.json());
  const id = created.ticket.id;
  const abort = new AbortController();
  const response = await fetch(`${b}/tickets/${id}/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  const arrivals = new Map();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const eventId = /^id: ?(\d+)$/m.exec(buffer.slice(0, end))?.[1];
          if (eventId !== undefined) arrivals.set(Number(eventId), performance.now());
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  const latencies = [];
  for (let i = 0; i < changes; i++) {
    const sent = performance.now();
    const change = await fetch(`${a}/agent/tickets/${id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${AGENT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: i % 2 === 0 ? 'in_progress' : 'clarification_requested', text: `Замер ${i + 1}` }),
    }).then((r) => r.json());
    const eventId = change.event.id;
    for (const until = performance.now() + 5000; !arrivals.has(eventId) && performance.now() < until; ) await sleep(2);
    latencies.push(arrivals.has(eventId) ? arrivals.get(eventId) - sent : Number.POSITIVE_INFINITY);
    await sleep(20 + Math.random() * 80);
  }
  abort.abort();
  return { median: median(latencies), p95: quantile(latencies, 0.95), lost: latencies.filter((v) => !Number.isFinite(v)).length };
}

/** Runs every row; returns the results. */
export async function measureScale({ quick = false } = {}) {
  const { startPostgresCluster } = await load('tests/server/postgres-cluster.ts');
  const { signReporterToken } = await load('src/server/index.ts');
  const durationMs = quick ? 3000 : 15_000;
  const changes = quick ? 10 : 40;
  const reporters = 20;
  const tokens = await Promise.all(
    Array.from({ length: reporters }, (_, i) =>
      signReporterToken({ sub: `scale-${i}`, name: `Пользователь ${i}`, role: 'listener', org: { id: 'org-1', title: 'ООО «Учебный центр»' }, lms: 'https://lms.example.ru' }, SECRET, '2h'),
    ),
  );
  const cluster = await startPostgresCluster();
  const rows = [];
  try {
    for (const engine of ['sqlite', 'postgres']) {
      for (const processes of [1, 2, 4]) {
        const dir = mkdtempSync(join(tmpdir(), 'support-scale-'));
        let url = '';
        if (engine === 'postgres') {
          const name = `scale_${processes}_${Date.now()}`;
          const { default: pg } = await import('pg');
          const admin = new pg.Client({ connectionString: cluster.url });
          await admin.connect();
          await admin.query(`CREATE DATABASE ${name}`);
          await admin.end();
          url = cluster.url.replace(/\/postgres$/, `/${name}`);
        }
        const env = {
          ...process.env,
          HOST: '127.0.0.1',
          // The one the engine reads: the other would be said to be ignored at every start.
          ...(url === '' ? { SUPPORT_DB: join(dir, 'support.sqlite') } : {}),
          SUPPORT_DATABASE_URL: url,
          SUPPORT_ATTACHMENTS_DIR: join(dir, 'attachments'),
          SUPPORT_TOKEN_SECRET: SECRET,
          SUPPORT_AGENT_TOKEN: AGENT_TOKEN,
          SUPPORT_RATE_LIMIT: '1000000000',
          SUPPORT_SENDS_PER_USER_HOUR: '1000000000',
          SUPPORT_DEV: '0',
        };
        const servers = [];
        try {
          for (let i = 0; i < processes; i++) servers.push(await startProcess(env));
          log(`${engine}, ${processes} process(es): creates for ${durationMs / 1000} s…`);
          const result = await throughput(servers.map((s) => s.api), tokens, durationMs);
          const latency = processes >= 2 ? await crossProcessLatency(servers[0].api, servers[1].api, tokens[0], changes) : null;
          rows.push({ engine, processes, ...result, latency });
        } finally {
          await Promise.all(servers.map((s) => s.stop()));
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await cluster.stop();
  }
  return rows;
}

/** The rows as a markdown table. */
export function renderScale(rows) {
  return [
    '### Scale-out: creates and cross-process events (20 reporters, load spread over the processes)',
    '',
    markdownTable(
      ['engine', 'processes', 'tickets/s', 'p99', 'errors', 'event A→B median', 'event A→B p95'],
      rows.map((r) => [r.engine, r.processes, r.perSecond.toFixed(0), ms(r.p99), r.errors, r.latency === null ? '—' : ms(r.latency.median), r.latency === null ? '—' : ms(r.latency.p95)]),
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureScale({ quick: process.argv.includes('--quick') }).then(
    (rows) => console.log(renderScale(rows)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
