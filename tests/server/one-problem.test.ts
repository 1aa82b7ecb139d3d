/** «Одна заявка — одна проблема» on the server: the same check as the widget, whatever the client. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, createTicketResponseSchema, ticketSchema } from '../../src/core';
import { agentTicketListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, guestContact, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

const TWO = 'Не открывается видео в курсе «Охрана труда». Кроме того, в отчёте по группе неверные даты.';
const draft = (extra: Record<string, unknown>) => ({ ...validDrafts.other, ...extra });

describe('one problem per ticket, enforced on create', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'alice');
  });
  afterAll(() => ts.cleanup());

  it('refuses several problems without confirmation: 422 several_problems with the parts and markers, nothing stored', async () => {
    const before = tableCounts(ts.dbPath);
    const reply = await createTicket(ts, alice, draft({ description: TWO }));
    expectError(reply, 422, 'several_problems');
    const { error } = apiErrorSchema.parse(reply.body);
    expect(error.parts).toEqual(['Не открывается видео в курсе «Охрана труда».', 'В отчёте по группе неверные даты.']);
    expect(error.markers).toEqual(['Кроме того']);
    expect(tableCounts(ts.dbPath)).toEqual(before);
  });

  it('accepts one problem and stores no check result', async () => {
    const { ticket } = createTicketResponseSchema.parse((await createTicket(ts, alice, draft({}))).body);
    expect(ticket.oneProblemCheck).toBeUndefined();
  });

  it('a confirmed ticket keeps what the check found, for the reporter and for support', async () => {
    const reply = await createTicket(ts, alice, draft({ description: TWO, oneProblemConfirmed: true }));
    expect(reply.status, reply.text).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    expect(ticket.oneProblemCheck).toEqual({ parts: 2, markers: ['Кроме того'] });
    const agentView = ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: agentAuth })).body);
    expect(agentView.oneProblemConfirmed).toBe(true);
    expect(agentView.oneProblemCheck).toEqual({ parts: 2, markers: ['Кроме того'] });
    // This server sends no e-mail (no SUPPORT_SMTP_URL): support reads that an answer reaches the user in the widget only.
    expect((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: agentAuth })).body).toHaveProperty('reporterEmails', 'no_mail_server');
    // The specialist's list says it too, before the ticket is opened; a ticket of one problem carries nothing.
    const single = createTicketResponseSchema.parse((await createTicket(ts, alice, draft({}))).body).ticket;
    const list = agentTicketListSchema.parse((await call(ts, 'GET', '/agent/tickets?limit=100', { auth: agentAuth })).body).tickets;
    expect(list.find((line) => line.id === ticket.id)?.oneProblemCheck).toEqual({ parts: 2, markers: ['Кроме того'] });
    expect(list.find((line) => line.id === single.id)).not.toHaveProperty('oneProblemCheck');
  });

  it('links tickets split from one description, within one owner only', async () => {
    const group = 'split-group-0001';
    const first = createTicketResponseSchema.parse((await createTicket(ts, alice, draft({ splitGroup: group }))).body).ticket;
    const second = createTicketResponseSchema.parse(
      (await createTicket(ts, alice, draft({ description: 'В отчёте по группе неверные даты.', splitGroup: group }))).body,
    ).ticket;
    expect(second.createdWith).toEqual([{ id: first.id, number: first.number }]);
    const firstNow = ticketSchema.parse((await call(ts, 'GET', `/tickets/${first.id}`, { auth: alice })).body);
    expect(firstNow.createdWith).toEqual([{ id: second.id, number: second.number }]);

    // Someone else using the same token gets no link to Alice's tickets.
    const mallory = await userAuth(ts, 'mallory');
    const theirs = createTicketResponseSchema.parse((await createTicket(ts, mallory, draft({ splitGroup: group }))).body).ticket;
    expect(theirs.createdWith).toBeUndefined();
  });

  it('shows a guest ticket\'s access key that ticket alone: no link to the tickets created with it', async () => {
    const guest = guestAuth();
    const group = 'split-group-0002';
    const guestDraft = (extra: Record<string, unknown>) => draft({ contact: guestContact, consent: true, splitGroup: group, ...extra });
    const created = await createTicket(ts, guest, guestDraft({}));
    const first = createTicketResponseSchema.parse(created.body).ticket;
    const accessKey = (created.body as { accessKey?: string }).accessKey ?? '';
    const second = createTicketResponseSchema.parse((await createTicket(ts, guest, guestDraft({ description: 'В отчёте по группе неверные даты.' }))).body).ticket;
    // The guest who sent both sees the link; the first ticket's key reads the first ticket only, unlinked.
    expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${first.id}`, { auth: guest })).body).createdWith).toEqual([{ id: second.id, number: second.number }]);
    const byKey = await call(ts, 'GET', `/tickets/${first.id}`, { auth: `Guest ${accessKey}` });
    expect(byKey.status, byKey.text).toBe(200);
    expect(ticketSchema.parse(byKey.body).createdWith).toBeUndefined();
    const cancelled = await call(ts, 'POST', `/tickets/${first.id}/cancel`, { auth: `Guest ${accessKey}` });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(ticketSchema.parse(cancelled.body).createdWith).toBeUndefined();
  });

  it('rejects a malformed split group as a field error', async () => {
    const reply = await createTicket(ts, alice, draft({ splitGroup: 'a b' }));
    expectError(reply, 422, 'validation_failed');
    expect(apiErrorSchema.parse(reply.body).error.fields).toHaveProperty('splitGroup');
  });
});
