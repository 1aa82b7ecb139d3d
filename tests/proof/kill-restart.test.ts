/**
 * Proof: the server process is SIGKILLed at random points while the real client sends 50 tickets (5 at a time)
 * and restarted on the same database and port; the client's retries with the same Idempotency-Key end with
 * exactly 50 tickets, none duplicated, none lost, and a consistent store.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpSupportApi, newIdempotencyKey } from '../../src/api';
import type { ApiResult } from '../../src/api';
import type { CreateTicketResponse } from '../../src/core';
import { signReporterToken } from '../../src/server';
import { agentTicketListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { AGENT_TOKEN, profile, tableCounts, TEST_SECRET } from '../server/helpers';
import { findOrphans, NO_ORPHANS } from './db-audit';
import { freePort } from '../fixtures/ports';

const ROOT = resolve(import.meta.dirname, '../..');
const SENDS = 50;
const CONCURRENCY = 5;
const SEED = Number(process.env.PROOF_SEED ?? Date.now() % 1_000_000_007);


const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `npm run server` as a child process with its output kept for the failure message. */
function spawnServer(env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return child;
}

async function waitReady(base: string, child: ChildProcess, output: string[], timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join('')}`);
    if (await fetch(`${base}/meta`).then((response) => response.ok, () => false)) return;
    await sleep(50);
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output.join('')}`);
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

describe(`kill -9 during ${SENDS} sends (seed ${SEED})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-kill-'));
  let child: ChildProcess | null = null;
  afterAll(async () => {
    if (child !== null) await stop(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with exactly one ticket per draft', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const dbPath = join(dir, 'support.sqlite');
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SUPPORT_DB: dbPath,
      SUPPORT_TOKEN_SECRET: TEST_SECRET,
      SUPPORT_AGENT_TOKEN: AGENT_TOKEN,
      SUPPORT_RATE_LIMIT: '100000',
      SUPPORT_SENDS_PER_USER_HOUR: '100000',
      SUPPORT_DEV: '0',
    };
    const output: string[] = [];
    child = spawnServer(env, output);
    await waitReady(base, child, output);

    let attempts = 0;
    const api = createHttpSupportApi({
      baseUrl: base,
      token: await signReporterToken(profile('kill-restart'), TEST_SECRET),
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
      // Enough attempts, small enough waits, to outlast a restart of a few seconds.
      retry: { baseMs: 100, capMs: 800 },
      maxAttempts: 60,
      timeoutMs: 10_000,
    });
    const drafts = Array.from({ length: SENDS }, (_, i) => ({ ...validDrafts.technical, subject: `Обращение под нагрузкой №${i + 1}` }));
    const results: Array<ApiResult<CreateTicketResponse> | undefined> = new Array(SENDS);
    let done = 0;
    // Kill when the count of finished sends reaches each random threshold (sends are in flight then), plus a jitter.
    const [draw] = fc.sample(
      fc.record({ at: fc.uniqueArray(fc.integer({ min: 3, max: SENDS - 6 }), { minLength: 3, maxLength: 3 }), jitter: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 3, maxLength: 3 }) }),
      { seed: SEED, numRuns: 1 },
    );
    const thresholds = [...(draw?.at ?? [])].sort((a, b) => a - b);
    // A send more than one round past the next kill's threshold waits for that kill: however fast the server
    // answers, every kill finds sends in flight and sends still to come.
    let killed = 0;
    let waitingForKill: (() => void)[] = [];
    const nextKill = () => new Promise<void>((resolve) => waitingForKill.push(resolve));

    let next = 0;
    const worker = async () => {
      for (let i = next++; i < SENDS; i = next++) {
        while (killed < thresholds.length && i >= (thresholds[killed] ?? SENDS) + CONCURRENCY) await nextKill();
        results[i] = await api.createTicket(drafts[i] ?? validDrafts.technical, newIdempotencyKey());
        done++;
      }
    };
    const sending = Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const kills: number[] = [];
    for (const [index, threshold] of thresholds.entries()) {
      while (done < threshold) await sleep(5);
      await sleep(draw?.jitter[index] ?? 0);
      if (done >= SENDS) break;
      kills.push(done);
      await stop(child, 'SIGKILL');
      killed += 1;
      for (const release of waitingForKill) release();
      waitingForKill = [];
      await sleep(300);
      child = spawnServer(env, output);
      await waitReady(base, child, output);
    }
    await sending;

    const failed = results.map((result, i) => [i, result] as const).filter(([, result]) => result?.ok !== true);
    expect(failed).toEqual([]);
    const tickets = agentTicketListSchema.parse(
      await (await fetch(`${base}/agent/tickets`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } })).json(),
    ).tickets;
    expect(tickets).toHaveLength(SENDS);
    expect(tickets.map((ticket) => ticket.subject).sort()).toEqual(drafts.map((draft) => draft.subject).sort());
    const idsBySubject = new Map(tickets.map((ticket) => [ticket.subject, ticket.id]));
    results.forEach((result, i) => {
      if (result?.ok) expect(result.value.ticket.id).toBe(idsBySubject.get(drafts[i]?.subject ?? ''));
    });
    await stop(child, 'SIGTERM');
    expect(tableCounts(dbPath)).toMatchObject({ tickets: SENDS, events: SENDS, idempotency_keys: SENDS });
    expect(findOrphans(dbPath, join(dir, 'attachments'))).toEqual(NO_ORPHANS);
    console.info(`[proof] ${SENDS} creates, ${attempts} attempts, killed at ${kills.join(', ')} done; ${Date.now() - started} ms`);
    expect(kills).toHaveLength(thresholds.length);
    expect(Date.now() - started).toBeLessThan(40_000);
  });
});
