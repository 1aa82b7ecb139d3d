/**
 * A start that cannot go on says why in one line naming the setting (ConfigError, which `npm run server` prints
 * as one line), never with a system error's stack trace.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import { ConfigError } from '../../src/server/config';
import type { ConfigOverrides } from '../../src/server/config';
import { TEST_ENGINE, TEST_SECRET } from './helpers';

describe.runIf(TEST_ENGINE === 'sqlite')('a start that cannot go on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const refusal = async (name: string, config: ConfigOverrides): Promise<Error> => {
    const error = await startServer({
      env: {},
      logger: quiet,
      config: { port: 0, host: '127.0.0.1', dbPath: join(dir, `${name}.sqlite`), attachmentsDir: join(dir, `${name}-files`), tokenSecret: TEST_SECRET, dev: false, ...config },
    }).then(
      async (server) => {
        await server.close();
        return null;
      },
      (thrown: unknown) => thrown as Error,
    );
    expect(error).toBeInstanceOf(ConfigError);
    return error as Error;
  };

  it('a port another process listens on', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as AddressInfo;
      const error = await refusal('taken', { port });
      expect(error.message).toBe(`cannot listen on HOST=127.0.0.1 PORT=${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port} (another process listens on that port: stop it or choose another PORT)`);
    } finally {
      holder.close();
    }
  });

  it('a port for replies by e-mail another process listens on', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as AddressInfo;
      const error = await refusal('inbound', { inbound: { port, host: '127.0.0.1', replyAddress: 'support@uchi.example', maxBytes: 1024 * 1024 } });
      expect(error.message).toMatch(new RegExp(`^cannot listen on SUPPORT_INBOUND_SMTP_HOST=127\\.0\\.0\\.1 SUPPORT_INBOUND_SMTP_PORT=${port}: listen EADDRINUSE: .* \\(another process listens on that port: stop it or choose another SUPPORT_INBOUND_SMTP_PORT\\)$`));
    } finally {
      holder.close();
    }
  });

  it('a HOST that is not an address of this machine', async () => {
    const error = await refusal('host', { host: '203.0.113.7' });
    expect(error.message).toMatch(/^cannot listen on HOST=203\.0\.113\.7 PORT=0: listen EADDRNOTAVAIL: .* \(HOST must be an address of this machine/);
    const name = await refusal('name', { host: 'not a host' });
    expect(name.message).toMatch(/^cannot listen on HOST=not a host PORT=0: getaddrinfo (ENOTFOUND|EAI_AGAIN) not a host \(HOST must be an address of this machine/);
  });

  it('an attachments folder that cannot be made', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const error = await refusal('folder', { attachmentsDir: join(file, 'attachments') });
    expect(error.message).toMatch(/^SUPPORT_ATTACHMENTS_DIR: .*a-file\/attachments cannot be used: ENOTDIR/);
  });

  // Node's recursive mkdir never returned under /proc, which answers "no such file" to every create: the start hung.
  it.runIf(process.platform === 'linux')('folders that cannot be made under /proc', async () => {
    const database = await refusal('proc-db', { dbPath: '/proc/nope/deeper/support.sqlite' });
    expect(database.message).toMatch(/^SUPPORT_DB: .*\/proc\/nope\/deeper\/support\.sqlite cannot be opened: ENOENT/);
    const files = await refusal('proc-files', { attachmentsDir: '/proc/nope/attachments' });
    expect(files.message).toMatch(/^SUPPORT_ATTACHMENTS_DIR: \/proc\/nope\/attachments cannot be used: ENOENT/);
  });
});
