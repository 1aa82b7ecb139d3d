import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { call, createTicket, expectError, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

// Uploads that no ticket claims (a removed file, an abandoned draft) must not lock the owner out for good.
describe('unclaimed uploads', () => {
  let ts: TestServer;
  let auth: string;
  let now = new Date('2026-11-25T09:00:00Z').getTime();
  const upload = async (who = auth) => call(ts, 'POST', '/attachments', { auth: who, body: fileForm(await pngImage(8, 8), 'a.png', 'image/png') });

  beforeAll(async () => {
    ts = await startTestServer({
      clock: () => new Date(now),
      config: { limits: { maxFileBytes: 200_000, maxFilesPerTicket: 2, maxPixels: 1_000_000, acceptedTypes: [] }, maxPendingUploads: 2 },
    });
    auth = await userAuth(ts, 'pending-owner');
  });
  afterAll(() => ts.cleanup());

  it('frees the quota when the owner deletes an upload, and removes its row', async () => {
    const first = attachmentSchema.parse((await upload()).body);
    expect((await upload()).status).toBe(201);
    expectError(await upload(), 422, 'too_many_attachments');
    const removed = await call(ts, 'DELETE', `/attachments/${first.id}`, { auth });
    expect(removed.status).toBe(204);
    expect((await call(ts, 'GET', `/attachments/${first.id}`, { auth })).status).toBe(404);
    expect((await upload()).status).toBe(201);
  });

  it('does not let anyone else delete an upload, nor delete one a ticket uses', async () => {
    now += 25 * 60 * 60 * 1000;
    auth = await userAuth(ts, 'pending-owner'); // tokens are signed on the server's clock and live an hour
    const other = await userAuth(ts, 'someone-else');
    const mine = attachmentSchema.parse((await upload()).body);
    expectError(await call(ts, 'DELETE', `/attachments/${mine.id}`, { auth: other }), 404);
    const created = await createTicket(ts, auth, { ...validDrafts.other, attachmentIds: [mine.id] });
    expect(created.status).toBe(201);
    expectError(await call(ts, 'DELETE', `/attachments/${mine.id}`, { auth }), 409);
  });

  it('stops counting uploads abandoned for a day', async () => {
    now += 25 * 60 * 60 * 1000;
    auth = await userAuth(ts, 'pending-owner');
    expect((await upload()).status).toBe(201);
    expect((await upload()).status).toBe(201);
    expectError(await upload(), 422, 'too_many_attachments');
    now += 25 * 60 * 60 * 1000;
    auth = await userAuth(ts, 'pending-owner');
    expect((await upload()).status).toBe(201);
    expect(tableCounts(ts.dbPath)['attachments']).toBeGreaterThan(0);
  });
});
