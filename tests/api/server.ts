/** The real reference server for the client's tests: started in-process on a free port with a temp SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Status } from '../../src/core';
import { signReporterToken, startServer } from '../../src/server';
import type { RunningServer, ServerConfig } from '../../src/server';

const SECRET = 'api-client-test-secret-0123456789-abcdefghij';
const AGENT_TOKEN = 'api-client-agent-token-5f4e3d2c1b';

/** A running server and what the client tests need of it. */
export interface ApiTestServer {
  server: RunningServer;
  /** The API base URL (`…/api/v1`). */
  baseUrl: string;
  /** A reporter token for user `sub`; `expiresIn` like `'1h'` or `'-5m'` (already expired). */
  token(sub: string, expiresIn?: string): Promise<string>;
  /** The specialist moves a ticket (agent endpoint); returns the HTTP status. */
  setStatus(id: string, status: Status, text?: string): Promise<number>;
  /** Stops the server and removes its files. */
  cleanup(): Promise<void>;
}

/** Starts a server; `config` overrides the test defaults. */
export async function startApiTestServer(config: Partial<ServerConfig> = {}): Promise<ApiTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'support-api-client-'));
  const quiet = () => undefined;
  const server = await startServer({
    env: {},
    logger: { info: quiet, warn: quiet, error: quiet },
    config: {
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'support.sqlite'),
      attachmentsDir: join(dir, 'attachments'),
      tokenSecret: SECRET,
      agentToken: AGENT_TOKEN,
      dev: false,
      rateLimitPerMinute: 100_000,
      agentRateLimitPerMinute: 100_000,
      allowedOrigins: [],
      ...config,
    },
  });
  const baseUrl = `${server.url}/api/v1`;
  return {
    server,
    baseUrl,
    token: (sub, expiresIn = '1h') =>
      signReporterToken(
        { sub, name: `Пользователь ${sub}`, role: 'teacher', org: { id: 'org-1', title: 'ООО «Учебный центр»' }, lms: 'https://lms.example.ru' },
        SECRET,
        expiresIn,
      ),
    async setStatus(id, status, text) {
      const response = await fetch(`${baseUrl}/agent/tickets/${encodeURIComponent(id)}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${AGENT_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(text === undefined ? { status } : { status, text }),
      });
      await response.body?.cancel();
      return response.status;
    },
    async cleanup() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real sleep shortened to at most `maxMs`, still abortable: keeps reconnect and polling tests fast. */
export function shortSleep(maxMs = 5) {
  return (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.min(ms, maxMs));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}

/** Resolves when `check` passes, polling every 10 ms; fails after `timeoutMs`. */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
