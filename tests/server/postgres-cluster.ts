/**
 * A throw-away PostgreSQL cluster for the tests: `initdb` in a temporary folder, `postgres` on a free port of
 * 127.0.0.1 with its socket in that folder, no fsync (the data dies with the run), removed afterwards.
 * As root (CI), the server runs as `nobody`, because PostgreSQL refuses to run as root.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../fixtures/ports';

/** A running cluster. */
export interface PostgresCluster {
  /** URL of its `postgres` database as the superuser `support`. */
  url: string;
  /** The folder of its programs (psql among them). */
  binDir: string;
  stop(): Promise<void>;
}

const NOBODY = 65534;

/** The folder holding initdb: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (newest first). */
export function postgresBinDir(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath !== '') {
    const real = spawnSync('readlink', ['-f', onPath], { encoding: 'utf8' }).stdout.trim() || onPath;
    return real.slice(0, real.lastIndexOf('/'));
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}


/** The command line that runs `program` as an unprivileged user when we are root. */
function asServerUser(program: string, args: string[]): [string, string[]] {
  const root = process.getuid?.() === 0;
  return root ? ['setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', '--', program, ...args]] : [program, args];
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > until) throw new Error(`postgres did not start: ${String(error)}\n${log()}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

/** Creates and starts a cluster. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binDir = postgresBinDir();
  if (binDir === null) throw new Error('PostgreSQL is not installed (initdb not found); .ci/run installs Debian\'s postgresql package.');
  const dir = mkdtempSync(join(tmpdir(), 'support-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, NOBODY, NOBODY);
  const data = join(dir, 'data');
  const [initProgram, initArgs] = asServerUser(join(binDir, 'initdb'), ['-D', data, '-U', 'support', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const init = spawnSync(initProgram, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || String(init.error)}`);
  const port = await freePort();
  const settings = ['listen_addresses=127.0.0.1', `port=${port}`, `unix_socket_directories=${dir}`, 'fsync=off', 'synchronous_commit=off',
    'full_page_writes=off', 'max_connections=400', 'shared_buffers=64MB', 'log_min_messages=warning'];
  const [program, args] = asServerUser(join(binDir, 'postgres'), ['-D', data, ...settings.flatMap((s) => ['-c', s])]);
  const server = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  });
  const url = `postgres://support@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, server, () => output);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    binDir,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.once('exit', done));
        // Fast shutdown: disconnects clients, no waiting for them.
        server.kill('SIGINT');
        const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
