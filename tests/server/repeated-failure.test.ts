/**
 * A database down under the outbox fails its round every poll in every process: the log says so once, then every
 * ten minutes with a count, and once when a round works again — not a stack trace per poll.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/server/config';
import type { AppDeps } from '../../src/server/context';
import { startDispatcher } from '../../src/server/outbox/dispatcher';

/** The error the PostgreSQL client gives for a database that refuses connections. */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('the outbox’s rounds while the database is down', () => {
  it('are said once, then every ten minutes with a count, then once when they work again', async () => {
    let now = new Date('2026-12-07T09:00:00Z').getTime();
    let claims = 0;
    let down = true;
    const lines: string[] = [];
    const { config } = loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40) }, { notifications: { pollMs: 5 } });
    const deps = {
      config,
      clock: () => new Date(now),
      logger: { info: () => undefined, warn: (...args: unknown[]) => lines.push(args.map(String).join(' ')), error: () => undefined },
      store: {
        outbox: {
          claim: async () => {
            claims += 1;
            if (down) throw refused();
            return [];
          },
        },
      },
    } as unknown as Pick<AppDeps, 'config' | 'store' | 'clock' | 'logger'>;
    const dispatcher = startDispatcher(deps);
    try {
      await vi.waitFor(() => expect(claims).toBeGreaterThanOrEqual(20), { timeout: 15_000, interval: 5 });
      expect(lines).toEqual(['[support] outbox round failed; trying again later: connect ECONNREFUSED 127.0.0.1:5432']);
      now += 10 * 60_000;
      await vi.waitFor(() => expect(lines).toHaveLength(2), { timeout: 15_000, interval: 5 });
      expect(lines[1]).toMatch(/^\[support\] outbox round still failing since 2026-12-07T09:00:00\.000Z \(\d+ times\): connect ECONNREFUSED /);
      down = false;
      await vi.waitFor(() => expect(lines).toHaveLength(3), { timeout: 15_000, interval: 5 });
      expect(lines[2]).toMatch(/^\[support\] outbox round works again after 600 s \(\d+ failed\)$/);
      const settled = claims;
      await vi.waitFor(() => expect(claims).toBeGreaterThan(settled + 5), { timeout: 15_000, interval: 5 });
      expect(lines).toHaveLength(3);
    } finally {
      await dispatcher.stop();
    }
  });
});
