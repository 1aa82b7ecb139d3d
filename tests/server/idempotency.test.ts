import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketListSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { call, createTicket, expectError, guestAuth, guestContact, newKey, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('idempotent create', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'alice');
  });
  afterAll(() => ts.cleanup());

  it('a replay with the same key and body returns the first answer and creates nothing', async () => {
    const key = newKey();
    const first = await createTicket(ts, alice, validDrafts.course, key);
    // Same body, keys in another order: the canonical hash is the same.
    const reordered = Object.fromEntries(Object.entries(validDrafts.course).reverse());
    const second = await createTicket(ts, alice, reordered, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const list = ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: alice })).body);
    expect(list.tickets).toHaveLength(1);
    expect(tableCounts(ts.dbPath)).toMatchObject({ tickets: 1, events: 1, idempotency_keys: 1 });
  });

  it('concurrent replays still create one ticket', async () => {
    const key = newKey();
    const replies = await Promise.all(Array.from({ length: 8 }, () => createTicket(ts, alice, validDrafts.other, key)));
    const ids = new Set(replies.map((r) => createTicketResponseSchema.parse(r.body).ticket.id));
    expect(ids.size).toBe(1);
  });

  it('the same key with another body is refused with idempotency_conflict', async () => {
    const key = newKey();
    expect((await createTicket(ts, alice, validDrafts.order, key)).status).toBe(201);
    const conflict = await createTicket(ts, alice, { ...validDrafts.order, subject: 'Другая тема' }, key);
    expectError(conflict, 409, 'idempotency_conflict');
  });

  it('a body that fails the checks is 422 whatever its key, and leaves the key for the corrected body', async () => {
    const key = newKey();
    const invalid = await createTicket(ts, alice, { ...validDrafts.order, orderUrl: 'не ссылка' }, key);
    expectError(invalid, 422, 'validation_failed');
    const corrected = await createTicket(ts, alice, validDrafts.order, key);
    expect(corrected.status, corrected.text).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    // Once the key holds a ticket, an invalid body under it is still told what is wrong with it.
    expectError(await createTicket(ts, alice, { ...validDrafts.order, orderUrl: 'не ссылка' }, key), 422, 'validation_failed');
  });

  it('keys are per owner: another user with the same key gets their own ticket', async () => {
    const key = newKey();
    const a = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other, key)).body).ticket;
    const b = createTicketResponseSchema.parse((await createTicket(ts, await userAuth(ts, 'bob'), validDrafts.other, key)).body).ticket;
    expect(a.id).not.toBe(b.id);
  });

  it('Idempotency-Key is required and 8–128 printable characters', async () => {
    for (const headers of [{}, { 'idempotency-key': 'short' }, { 'idempotency-key': 'x'.repeat(129) }, { 'idempotency-key': 'has space inside' }]) {
      const reply = await call(ts, 'POST', '/tickets', { auth: alice, json: validDrafts.other, headers });
      expectError(reply, 400, 'bad_request');
    }
  });

  it('a guest’s replay returns the same access key', async () => {
    const guest = guestAuth();
    const key = newKey();
    const draft = { ...validDrafts.other, contact: guestContact, consent: true };
    const first = createTicketResponseSchema.parse((await createTicket(ts, guest, draft, key)).body);
    const again = createTicketResponseSchema.parse((await createTicket(ts, guest, draft, key)).body);
    expect(first.accessKey).toBeDefined();
    expect(again).toEqual(first);
  });
});

describe('idempotency survives a restart', () => {
  it('replays after closing and restarting on the same database file', async () => {
    let ts = await startTestServer();
    try {
      const key = newKey();
      const guest = guestAuth();
      const draft = { ...validDrafts.suggestion, contact: guestContact, consent: true };
      const first = await createTicket(ts, guest, draft, key);
      expect(first.status).toBe(201);
      ts = await ts.restart();
      const replay = await createTicket(ts, guest, draft, key);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expectError(await createTicket(ts, guest, { ...draft, description: 'другое' }, key), 409, 'idempotency_conflict');
      expect(tableCounts(ts.dbPath).tickets).toBe(1);
      // Numbering continues after the restart.
      const next = createTicketResponseSchema.parse((await createTicket(ts, guest, draft)).body).ticket;
      expect(next.number.endsWith('000002')).toBe(true);
    } finally {
      await ts.cleanup();
    }
  });
});
