/**
 * What a desk hears besides a ticket's events: a rating, a change of assignee and an erasure come as notices of their
 * own (`ticket.rated`, `ticket.assigned`, `ticket.erased`), signed like every webhook and under ids of the events'
 * sequence, so a desk keeps each once and orders them with the events by one id.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import type { Ticket } from '../../src/core';
import { webhookPayloadSchema } from '../../src/server/schemas';
import type { WebhookPayload } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk, verify } from '../fixtures/receivers';
import { agentAuth, call, createTicket, queryNumber, rowsText, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

const ANNA = { name: 'Анна Смирнова', token: 'anna-notices-0123456789-abcdefghijklmnopqrstuvwxyz' };
const WEBHOOK_SECRET = 'whsec-notices-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('notices to the desks', { timeout: 45_000 }, () => {
  // The desk refuses one ticket's deliveries (named in `refused`), so they wait in the outbox.
  const refused = new Set<string>();
  const desk = new Desk((hit) => ([...refused].some((id) => hit.body.includes(id)) ? 500 : 200));
  let ts: TestServer;
  let reporter: string;

  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({ config: { agents: [ANNA], notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, pollMs: 50, retryBaseMs: 50, retryMaxMs: 200 } } });
    reporter = await userAuth(ts, 'notices-reporter');
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  const bodies = (): WebhookPayload[] => desk.hits.map((hit) => webhookPayloadSchema.parse(JSON.parse(hit.body)));
  const of = (ticket: Ticket, type: WebhookPayload['type']) => bodies().filter((body) => body.ticket.id === ticket.id && body.type === type);
  const heard = async (ticket: Ticket, type: WebhookPayload['type'], count = 1) => {
    await vi.waitFor(() => expect(of(ticket, type)).toHaveLength(count), { timeout: 15_000, interval: 25 });
    return of(ticket, type);
  };
  const newTicket = async () => createTicketResponseSchema.parse((await createTicket(ts, reporter, validDrafts.technical)).body).ticket;
  const move = async (ticket: Ticket, status: string, auth = agentAuth, text?: string) => {
    const reply = await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth, json: { status, ...(text === undefined ? {} : { text }) } });
    expect(reply.status, reply.text).toBe(200);
  };

  it('a rating, given and then changed, comes as ticket.rated with the rating as it is, after the events it follows', async () => {
    const ticket = await newTicket();
    await move(ticket, 'answered', agentAuth, 'Очистите кэш браузера.');
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/rating`, { auth: reporter, json: { score: 4, comment: 'Помогло, но не сразу.' } })).status).toBe(200);
    const [given] = await heard(ticket, 'ticket.rated');
    expect(given).toMatchObject({ type: 'ticket.rated', ticket: { id: ticket.id, number: ticket.number, status: 'answered' }, rating: { score: 4, comment: 'Помогло, но не сразу.' } });
    // Its id comes after the answer's event, and it is signed and named in the headers like an event's.
    const [answered] = await heard(ticket, 'ticket.status');
    expect(given?.id).toBeGreaterThan(answered?.id ?? Number.POSITIVE_INFINITY);
    const hit = desk.hits.find((candidate) => candidate.body.includes('"ticket.rated"') && candidate.body.includes(ticket.id));
    expect(hit?.headers['x-uchi-event-id']).toBe(String(given?.id));
    expect(verify(WEBHOOK_SECRET, hit?.headers['x-uchi-signature'] as string | undefined, hit?.body ?? '', Math.floor(Date.now() / 1000))).toBe(true);

    expect((await call(ts, 'POST', `/tickets/${ticket.id}/rating`, { auth: reporter, json: { score: 5 } })).status).toBe(200);
    const [, changed] = await heard(ticket, 'ticket.rated', 2);
    expect(changed).toMatchObject({ rating: { score: 5 } });
    expect(changed?.id).toBeGreaterThan(given?.id ?? Number.POSITIVE_INFINITY);
    // No ticket event was added: the reporter's and support's histories are as they were.
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM events WHERE ticket_id = '${ticket.id}'`)).toBe(2);
  });

  it('taking, a move to work that takes it, and releasing come as ticket.assigned, with who handles it after', async () => {
    const ticket = await newTicket();
    const anna = `Bearer ${ANNA.token}`;
    expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/assignee`, { auth: anna, json: { agent: 'me' } })).status).toBe(200);
    const [taken] = await heard(ticket, 'ticket.assigned');
    expect(taken).toMatchObject({ ticket: { assignee: ANNA.name }, assignment: { assignee: ANNA.name, previous: null, by: ANNA.name, cause: 'assign' } });
    expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/assignee`, { auth: anna, json: { agent: null } })).status).toBe(200);
    const [, released] = await heard(ticket, 'ticket.assigned', 2);
    expect(released).toMatchObject({ ticket: { assignee: null }, assignment: { assignee: null, previous: ANNA.name, cause: 'assign' } });
    // A named specialist's move to work takes the ticket: its move, then the assignment it made.
    await move(ticket, 'in_progress', anna);
    const [, , byMove] = await heard(ticket, 'ticket.assigned', 3);
    expect(byMove).toMatchObject({ ticket: { status: 'in_progress', assignee: ANNA.name }, assignment: { assignee: ANNA.name, cause: 'status' } });
    const [moved] = await heard(ticket, 'ticket.status');
    expect(moved?.ticket.status).toBe('in_progress');
    expect(moved?.ticket.assignee).toBe(ANNA.name);
    expect(byMove?.id).toBeGreaterThan(moved?.id ?? Number.POSITIVE_INFINITY);
    // Asking for what already is changes nothing and tells nobody.
    expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/assignee`, { auth: anna, json: { agent: 'me' } })).status).toBe(200);
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}' AND payload LIKE '%"ticket.assigned"%'`)).toBe(3);
  });

  it('an erasure drops what was still queued for the ticket and tells the desk to erase its copies', async () => {
    const person = await userAuth(ts, 'notices-erased');
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, person, { ...validDrafts.technical, description: 'Текст Стёртова: курс не открывается.' })).body).ticket;
    // The desk is away for this ticket: its creation waits in the outbox, with the person's words.
    refused.add(ticket.id);
    await move(ticket, 'answered', agentAuth, 'Ответ для Стёртова.');
    await vi.waitFor(() => expect(desk.hits.some((hit) => hit.body.includes(ticket.id))).toBe(true), { timeout: 15_000, interval: 25 });
    expect((await call(ts, 'POST', '/agent/erasures', { auth: agentAuth, json: { userId: 'notices-erased' } })).status).toBe(200);
    refused.delete(ticket.id);
    const [erased] = await heard(ticket, 'ticket.erased');
    expect(erased).toMatchObject({ type: 'ticket.erased', ticket: { id: ticket.id, number: ticket.number, subject: '—' } });
    // Only the notice is left to send, and nothing of the person is in it or anywhere in the outbox.
    await vi.waitFor(() => expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}' AND status <> 'sent'`)).toBe(0), { timeout: 15_000, interval: 25 });
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}'`)).toBe(1);
    expect(rowsText(ts.dbPath, ['outbox'])).not.toContain('Стёртова');
  });
});
