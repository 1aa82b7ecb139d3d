/**
 * The attachments folder and its database: a server started on another database refuses the folder instead of
 * taking its files for orphans, and a start never removes what another process may still be writing.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentSchema } from '../../src/core';
import { checkFolderOwner, FOLDER_OWNER_FILE } from '../../src/server/attachments/folder-owner';
import { call, copyDatabase, createEmptyTestDatabase, dropTestDatabase, startTestServer, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pdfFile } from './images';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.cleanup().catch(() => undefined);
});

async function serverWithFile(): Promise<{ ts: TestServer; folder: string; stored: string[] }> {
  const ts = await startTestServer();
  servers.push(ts);
  const reply = await call(ts, 'POST', '/attachments', { auth: await userAuth(ts, 'folder-user'), body: fileForm(pdfFile(), 'act.pdf') });
  attachmentSchema.parse(reply.body);
  const folder = join(ts.dir, 'attachments');
  return { ts, folder, stored: readdirSync(folder).filter((name) => name !== FOLDER_OWNER_FILE) };
}

/**
 * A server on a new database (a new SQLite file, or a new PostgreSQL database migrated at its start rather than
 * copied from the tests' template, whose copies share one identity as any copy of a database does) with `folder`.
 */
async function startOnNewDatabase(folder: string): Promise<TestServer> {
  const databaseUrl = TEST_ENGINE === 'postgres' ? await createEmptyTestDatabase() : null;
  try {
    const ts = await startTestServer({ config: { attachmentsDir: folder, ...(databaseUrl === null ? {} : { databaseUrl }) } });
    servers.push(ts);
    return ts;
  } catch (error) {
    if (databaseUrl !== null) await dropTestDatabase(databaseUrl);
    throw error;
  }
}

describe('the attachments folder', () => {
  it('is marked with its database at the first start', async () => {
    const { folder, stored } = await serverWithFile();
    expect(stored).toHaveLength(1);
    const [id, location] = readFileSync(join(folder, FOLDER_OWNER_FILE), 'utf8').split('\n');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    // PostgreSQL's place starts with the cluster's own id: a dump restored on another server has another.
    expect(location).toMatch(/^(sqlite \/.*support\.sqlite|postgres \d+:\d+\/support_[0-9a-f]+)$/);
  });

  it('is refused, and nothing removed, when a copy of its database kept elsewhere starts beside the original', async () => {
    const { ts, folder, stored } = await serverWithFile();
    await ts.close();
    // A backup restored under another name: the same identity, another place.
    const copy = TEST_ENGINE === 'postgres' ? await copyDatabase(ts.dbPath) : join(ts.dir, 'copy.sqlite');
    if (TEST_ENGINE === 'sqlite') copyFileSync(ts.dbPath, copy);
    const start = startTestServer({ dir: ts.dir, config: { attachmentsDir: folder, ...(TEST_ENGINE === 'postgres' ? { databaseUrl: copy } : { dbPath: copy }) } });
    await expect(start.then((server) => servers.push(server))).rejects.toThrow(/holds the files of this database at .* names a copy of it at .*Nothing was removed/);
    if (TEST_ENGINE === 'postgres') await dropTestDatabase(copy);
    expect(readdirSync(folder).filter((name) => name !== FOLDER_OWNER_FILE)).toEqual(stored);
    const again = await ts.restart();
    servers.push(again);
    expect((await call(again, 'GET', '/meta')).status).toBe(200);
  });

  it('is refused, and nothing removed, when the server starts on another database', async () => {
    const { ts, folder, stored } = await serverWithFile();
    await ts.close();
    await expect(startOnNewDatabase(folder)).rejects.toThrow(/SUPPORT_ATTACHMENTS_DIR .* holds the files of another database .*Nothing was removed/);
    expect(readdirSync(folder).filter((name) => name !== FOLDER_OWNER_FILE)).toEqual(stored);
    // Its own database takes it back.
    const again = await ts.restart();
    servers.push(again);
    expect((await call(again, 'GET', '/meta')).status).toBe(200);
    expect(readdirSync(folder).filter((name) => name !== FOLDER_OWNER_FILE)).toEqual(stored);
  });

  it('from before the marker, is refused by a database that knows none of its files, and taken by its own', async () => {
    const { ts, folder, stored } = await serverWithFile();
    await ts.close();
    rmSync(join(folder, FOLDER_OWNER_FILE));
    await expect(startOnNewDatabase(folder)).rejects.toThrow(/holds 1 file\(s\) and the database .* knows none of them/);
    expect(readdirSync(folder)).toEqual(stored);
    const again = await ts.restart();
    servers.push(again);
    expect(existsSync(join(folder, FOLDER_OWNER_FILE))).toBe(true);
    expect(readdirSync(folder).filter((name) => name !== FOLDER_OWNER_FILE)).toEqual(stored);
  });

  it('is taken by one of two databases starting on it at the same moment, and refused to the other', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'support-folder-'));
    const folder = join(parent, 'attachments');
    const results = await Promise.allSettled([startOnNewDatabase(folder), startOnNewDatabase(folder)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    expect(String(refused?.reason)).toMatch(/holds the files of another database/);
    expect(readdirSync(folder)).toEqual([FOLDER_OWNER_FILE]);
    rmSync(parent, { recursive: true, force: true });
  });

  it('keeps at start what another process may be writing, and removes what a crash left once it is old', async () => {
    const { ts, folder, stored } = await serverWithFile();
    await ts.close();
    const name = () => randomBytes(16).toString('hex');
    // Another process's upload in progress, and a file it has just stored and not yet committed.
    const writing = `${name()}.part`;
    const adopting = name();
    // Left by a crash ten minutes ago (older than twice the request timeout of two minutes).
    const leftPart = `${name()}.part`;
    const leftFile = name();
    for (const file of [writing, adopting, leftPart, leftFile]) writeFileSync(join(folder, file), 'x');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    for (const file of [leftPart, leftFile]) utimesSync(join(folder, file), tenMinutesAgo, tenMinutesAgo);

    const again = await ts.restart();
    servers.push(again);
    const after = readdirSync(folder);
    expect(after).toEqual(expect.arrayContaining([...stored, writing, adopting]));
    expect(after).not.toContain(leftPart);
    expect(after).not.toContain(leftFile);
  });
});

describe('the attachments folder’s marker', () => {
  const ID = 'a'.repeat(32);
  /** A database as the check sees it: its identity and its place, said now and as an older server said it. */
  const database = (place: string, formerly?: string) => ({
    identity: async () => ID,
    location: async () => ({ place, ...(formerly === undefined ? {} : { formerly }) }),
    attachments: { storageNames: async () => [] },
  });
  const folderMarked = (place: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'support-marker-'));
    writeFileSync(join(dir, FOLDER_OWNER_FILE), `${ID}\n${place}\n`);
    return dir;
  };
  const config = (attachmentsDir: string) => ({ attachmentsDir, databaseUrl: 'postgres://support@db.example/support' });

  it('refuses the same database restored on another PostgreSQL server with the same port and name', async () => {
    const dir = folderMarked('postgres 7301000000000000001:5432/support');
    const restored = database('postgres 7301000000000000002:5432/support', 'postgres :5432/support');
    await expect(checkFolderOwner(restored as never, config(dir))).rejects.toThrow(/names a copy of it at postgres 7301000000000000002:5432\/support.*without its \.support-database/);
    expect(readFileSync(join(dir, FOLDER_OWNER_FILE), 'utf8')).toBe(`${ID}\npostgres 7301000000000000001:5432/support\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a marker an older server wrote without the cluster, and names the cluster in it from then on', async () => {
    const dir = folderMarked('postgres :5432/support');
    await checkFolderOwner(database('postgres 7301000000000000001:5432/support', 'postgres :5432/support') as never, config(dir));
    expect(readFileSync(join(dir, FOLDER_OWNER_FILE), 'utf8')).toBe(`${ID}\npostgres 7301000000000000001:5432/support\n`);
    rmSync(dir, { recursive: true, force: true });
  });
});
