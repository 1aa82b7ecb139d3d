/**
 * The Support API as a real child process (`node --import tsx src/server/main.ts`), as a deployment runs it:
 * its own event loop, its own memory (read from /proc) and real signals. Used by the tests that prove the
 * server survives hostile clients and by the bench.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../fixtures/ports';

const ROOT = resolve(import.meta.dirname, '../..');

/** A running server process. */
export interface ChildServer {
  child: ChildProcess;
  pid: number;
  /** `http://127.0.0.1:<port>/api/v1`. */
  api: string;
  port: number;
  /** Everything it printed. */
  output: string[];
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}


/** Starts the server with `env` (on top of this process's) and resolves once `GET /meta` answers. */
export async function startChildServer(env: Readonly<Record<string, string>>, port?: number): Promise<ChildServer> {
  const listenOn = port ?? (await freePort());
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', SUPPORT_DEV: '0', ...env, PORT: String(listenOn) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });
  const api = `http://127.0.0.1:${listenOn}/api/v1`;
  const until = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join('')}`);
    if (await fetch(`${api}/meta`).then((response) => response.ok, () => false)) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server not ready:\n${output.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    child,
    pid: child.pid ?? -1,
    api,
    port: listenOn,
    output,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Resident memory of a process from /proc: now (VmRSS) and its peak so far (VmHWM), in bytes. */
export function residentMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}
