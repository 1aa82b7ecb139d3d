import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketListSchema, ticketSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, guestContact, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

describe('ownership: someone else’s ticket, file or stream is 404', () => {
  let ts: TestServer;
  let alice: string;
  let bob: string;
  let ticketId: string;
  let attachmentId: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'alice');
    bob = await userAuth(ts, 'bob');
    const upload = await call(ts, 'POST', '/attachments', { auth: alice, body: fileForm(await pngImage(), 'screen.png') });
    attachmentId = attachmentSchema.parse(upload.body).id;
    const created = await createTicket(ts, alice, { ...validDrafts.technical, attachmentIds: [attachmentId] });
    ticketId = createTicketResponseSchema.parse(created.body).ticket.id;
  });
  afterAll(() => ts.cleanup());

  it('bob cannot read, list, message, cancel or stream alice’s ticket', async () => {
    expectError(await call(ts, 'GET', `/tickets/${ticketId}`, { auth: bob }), 404, 'not_found');
    expect(ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: bob })).body).tickets).toEqual([]);
    expectError(await call(ts, 'POST', `/tickets/${ticketId}/messages`, { auth: bob, json: { text: 'hi' } }), 404, 'not_found');
    expectError(await call(ts, 'POST', `/tickets/${ticketId}/cancel`, { auth: bob }), 404, 'not_found');
    expectError(await call(ts, 'GET', `/tickets/${ticketId}/events`, { auth: bob }), 404, 'not_found');
  });

  it('a ticket is read by its number too (the deep links name it so), by its reporter only', async () => {
    const number = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticketId}`, { auth: alice })).body).number;
    const byNumber = ticketSchema.parse((await call(ts, 'GET', `/tickets/${number}`, { auth: alice })).body);
    expect(byNumber).toMatchObject({ id: ticketId, number });
    expectError(await call(ts, 'GET', `/tickets/${number}`, { auth: bob }), 404, 'not_found');
    expectError(await call(ts, 'GET', `/tickets/${number}`, { auth: guestAuth() }), 404, 'not_found');
    expectError(await call(ts, 'GET', '/tickets/UP-2026-999999', { auth: alice }), 404, 'not_found');
  });

  it('bob cannot download alice’s attachment; a guest neither; alice and the agent can', async () => {
    expectError(await call(ts, 'GET', `/attachments/${attachmentId}`, { auth: bob }), 404, 'not_found');
    expectError(await call(ts, 'GET', `/attachments/${attachmentId}`, { auth: guestAuth() }), 404, 'not_found');
    expectError(await call(ts, 'GET', `/attachments/${attachmentId}`), 401, 'unauthorized');
    expect((await call(ts, 'GET', `/attachments/${attachmentId}`, { auth: alice })).status).toBe(200);
    expect((await call(ts, 'GET', `/attachments/${attachmentId}`, { auth: agentAuth })).status).toBe(200);
  });

  it('support reads a user’s file once a ticket has it, not while it is still the user’s draft; its own uploads it reads', async () => {
    const draft = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth: alice, body: fileForm(await pngImage(), 'draft.png') })).body);
    expectError(await call(ts, 'GET', `/attachments/${draft.id}`, { auth: agentAuth }), 404, 'not_found');
    expect((await call(ts, 'GET', `/attachments/${draft.id}`, { auth: alice })).status).toBe(200);
    const own = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth: agentAuth, body: fileForm(await pngImage(), 'how-to.png') })).body);
    expect((await call(ts, 'GET', `/attachments/${own.id}`, { auth: agentAuth })).status).toBe(200);
    expectError(await call(ts, 'GET', `/attachments/${own.id}`, { auth: alice }), 404, 'not_found');
    expect((await createTicket(ts, alice, { ...validDrafts.other, attachmentIds: [draft.id] })).status).toBe(201);
    expect((await call(ts, 'GET', `/attachments/${draft.id}`, { auth: agentAuth })).status).toBe(200);
  });

  it('bob cannot attach alice’s upload to his ticket (422 on attachmentIds), nor an unknown or used id', async () => {
    const fresh = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth: alice, body: fileForm(await pngImage(), 'a.png') })).body);
    for (const ids of [[fresh.id], ['unknownattachment1'], [attachmentId]]) {
      const reply = await createTicket(ts, bob, { ...validDrafts.other, attachmentIds: ids });
      expectError(reply, 422, 'validation_failed');
      expect((reply.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('attachmentIds');
    }
    // Alice's already-claimed upload cannot be reused by alice either.
    expectError(await createTicket(ts, alice, { ...validDrafts.other, attachmentIds: [attachmentId] }), 422, 'validation_failed');
    // The refused creates left nothing behind: the fresh upload is still claimable by its owner.
    const ok = await createTicket(ts, alice, { ...validDrafts.other, attachmentIds: [fresh.id] });
    expect(createTicketResponseSchema.parse(ok.body).ticket.attachments.map((a) => a.id)).toEqual([fresh.id]);
  });

  it('a ticket access key opens its own ticket and files only', async () => {
    const guest = guestAuth();
    const upload = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth: guest, body: fileForm(await pngImage(), 'g.png') })).body);
    const created = createTicketResponseSchema.parse(
      (await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true, attachmentIds: [upload.id] })).body,
    );
    const device = `Guest ${created.accessKey ?? ''}`;
    expect((await call(ts, 'GET', `/attachments/${upload.id}`, { auth: device })).status).toBe(200);
    expectError(await call(ts, 'GET', `/tickets/${ticketId}`, { auth: device }), 404, 'not_found');
    expectError(await call(ts, 'GET', `/attachments/${attachmentId}`, { auth: device }), 404, 'not_found');
  });

  it('malformed ids are simply not found', async () => {
    for (const id of ['x', '..%2F..%2Fetc', 'a'.repeat(65), '%00%00%00%00%00%00%00%00']) {
      expectError(await call(ts, 'GET', `/tickets/${id}`, { auth: alice }), 404, 'not_found');
      expectError(await call(ts, 'GET', `/attachments/${id}`, { auth: alice }), 404, 'not_found');
    }
  });
});
