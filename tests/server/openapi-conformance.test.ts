/**
 * The served OpenAPI document describes what the server really answers and sends: real answers of the reporter and
 * agent routes — a named specialist's events included, which carry `agent` — and the webhooks a real receiver got,
 * body and headers, validated against its schemas with a JSON Schema validator, as a client generated from the
 * document or a strict check would.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachmentSchema, createTicketResponseSchema } from '../../src/core';
import { agentTicketSchema, deliveryListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk, verify } from '../fixtures/receivers';
import { agentAuth, call, createTicket, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

const ANNA = { name: 'Анна Смирнова', token: 'anna-conformance-0123456789-abcdefghijklmnopqrstuvwxyz' };
const WEBHOOK_SECRET = 'whsec-conformance-0123456789-abcdefghijklmnopqrstuvwxyz';

/** A webhook entry of the document, as far as the test reads it. */
interface WebhookEntry {
  post: { parameters: Array<{ name: string; in: string; required?: boolean; schema: object }>; requestBody: { content: Record<string, unknown> } };
}

describe('the OpenAPI document against the server’s answers', { timeout: 45_000 }, () => {
  const desk = new Desk();
  let ts: TestServer;
  let doc: { webhooks: Record<string, WebhookEntry> };
  let ajv: Ajv2020;
  const errorsOf = (validate: ValidateFunction | undefined, value: unknown) => {
    if (validate === undefined) return ['no such schema'];
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  };
  const check = (schema: string, value: unknown) => errorsOf(ajv.getSchema(`openapi#/components/schemas/${schema}`), value);
  /** The errors of `body` against the JSON body of the document's webhook `type`. */
  const checkWebhook = (type: string, body: unknown) => errorsOf(ajv.getSchema(`openapi#/webhooks/${type}/post/requestBody/content/application~1json/schema`), body);
  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({ config: { agents: [ANNA], notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, pollMs: 50 } } });
    doc = (await call(ts, 'GET', '/openapi.json')).body as typeof doc;
    // OpenAPI's own keywords (`x-…`, `discriminator`) are not JSON Schema's: not strict about unknown ones.
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ ...doc, $id: 'openapi' });
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  it('a ticket a named specialist and the user both acted on reads as the document says, for each of them', async () => {
    const user = await userAuth(ts, 'conformance-user');
    const anna = `Bearer ${ANNA.token}`;
    const upload = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth: user, body: fileForm(await pngImage(), 'screen.png', 'image/png') })).body);
    const created = await createTicket(ts, user, { ...validDrafts.technical, attachmentIds: [upload.id] });
    expect(check('CreateTicketResponse', created.body)).toEqual([]);
    const { ticket } = createTicketResponseSchema.parse(created.body);

    const moved = await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: anna, json: { status: 'clarification_requested', text: 'В каком браузере?' } });
    expect(moved.status, moved.text).toBe(200);
    expect(check('AgentTicketChange', moved.body)).toEqual([]);
    const replied = await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: user, json: { text: 'Chrome 120' } });
    expect(check('TicketChange', replied.body)).toEqual([]);
    const wrote = await call(ts, 'POST', `/agent/tickets/${ticket.id}/messages`, { auth: anna, json: { text: 'Спасибо, проверяем.' } });
    expect(wrote.status, wrote.text).toBe(201);
    expect(check('AgentTicketChange', wrote.body)).toEqual([]);

    const forAgent = await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: anna });
    expect(JSON.stringify(forAgent.body)).toContain(`"agent":"${ANNA.name}"`);
    const { events, lastEventId } = forAgent.body as { events: { id: number }[]; lastEventId: number };
    expect(lastEventId).toBe(events.at(-1)?.id);
    expect(check('AgentTicket', forAgent.body)).toEqual([]);
    expect(check('AgentTicketList', (await call(ts, 'GET', '/agent/tickets', { auth: anna })).body)).toEqual([]);
    expect(check('Ticket', (await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: user })).body)).toEqual([]);
    expect(check('TicketList', (await call(ts, 'GET', '/tickets', { auth: user })).body)).toEqual([]);
    expect(check('Meta', (await call(ts, 'GET', '/meta')).body)).toEqual([]);

    // Erased on request, the ticket still reads as the document says, and so does the erasure's answer.
    const erased = await call(ts, 'POST', '/agent/erasures', { auth: anna, json: { userId: 'conformance-user' } });
    expect(erased.status, erased.text).toBe(200);
    expect(check('Erasure', erased.body)).toEqual([]);
    expect(check('AgentTicket', (await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: anna })).body)).toEqual([]);
  });

  it('the webhooks a desk receives read as the document’s `webhooks` say, body and headers, for each type', async () => {
    const user = await userAuth(ts, 'conformance-desk');
    const anna = `Bearer ${ANNA.token}`;
    const old = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.technical)).body).ticket;
    // Anna handles it, so the later bodies carry an assignee.
    expect((await call(ts, 'POST', `/agent/tickets/${old.id}/assignee`, { auth: anna, json: { agent: 'me' } })).status).toBe(200);
    expect((await call(ts, 'POST', `/agent/tickets/${old.id}/status`, { auth: anna, json: { status: 'clarification_requested', text: 'Пришлите снимок' } })).status).toBe(200);
    const upload = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth: user, body: fileForm(await pngImage(), 'reply.png', 'image/png') })).body);
    expect((await call(ts, 'POST', `/tickets/${old.id}/messages`, { auth: user, json: { text: 'Вот снимок', attachmentIds: [upload.id] } })).status).toBe(201);
    expect((await call(ts, 'POST', `/agent/tickets/${old.id}/messages`, { auth: anna, json: { text: 'Спасибо, проверяем.' } })).status).toBe(201);
    expect((await call(ts, 'POST', `/agent/tickets/${old.id}/status`, { auth: agentAuth, json: { status: 'resolved', text: 'Готово' } })).status).toBe(200);
    // A follow-up: created naming the old ticket, and the server's note on the old one.
    const created = await createTicket(ts, user, { ...validDrafts.order, followUpOf: old.number });
    expect(created.status, created.text).toBe(201);
    const next = createTicketResponseSchema.parse(created.body).ticket;
    // The notices besides the events: the user's rating of the old ticket, and another user erased once the desk has
    // their ticket.
    expect((await call(ts, 'POST', `/tickets/${old.id}/rating`, { auth: user, json: { score: 5, comment: 'Спасибо' } })).status).toBe(200);
    const gone = createTicketResponseSchema.parse((await createTicket(ts, await userAuth(ts, 'conformance-erased'), validDrafts.other)).body).ticket;
    await vi.waitFor(() => expect(desk.hits.some((hit) => hit.body.includes(gone.id))).toBe(true), { timeout: 15_000, interval: 25 });
    expect((await call(ts, 'POST', '/agent/erasures', { auth: agentAuth, json: { userId: 'conformance-erased' } })).status).toBe(200);

    const ticketIds = [old.id, next.id, gone.id];
    const eventIds = new Set<number>();
    for (const id of ticketIds) {
      for (const event of agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body).events) eventIds.add(event.id);
    }
    const pending = async () => deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=pending', { auth: agentAuth })).body).deliveries;
    await vi.waitFor(async () => expect((await pending()).filter((d) => ticketIds.includes(d.ticketId))).toEqual([]), { timeout: 15_000, interval: 25 });
    const hits = desk.hits.map((hit) => ({ hit, body: JSON.parse(hit.body) as { id: number; type: string; ticket: { id: string } } }))
      .filter(({ body }) => ticketIds.includes(body.ticket.id));
    // Every event of the tickets came, and every notice, so each type below was checked.
    const notices = new Set(['ticket.rated', 'ticket.assigned', 'ticket.erased']);
    expect(new Set(hits.filter(({ body }) => !notices.has(body.type)).map(({ body }) => body.id))).toEqual(eventIds);
    expect(hits.filter(({ body }) => notices.has(body.type)).every(({ body }) => !eventIds.has(body.id))).toBe(true);
    expect(new Set(hits.map(({ body }) => body.type))).toEqual(new Set(Object.keys(doc.webhooks)));

    const now = Math.floor(Date.now() / 1000);
    for (const { hit, body } of hits) {
      const entry = doc.webhooks[body.type]?.post;
      expect(entry, body.type).toBeDefined();
      expect(checkWebhook(body.type, body), `${body.type} ${hit.body}`).toEqual([]);
      expect(Object.keys(entry?.requestBody.content ?? {})).toEqual([hit.headers['content-type']?.split(';')[0]]);
      const headers = (entry?.parameters ?? []).filter((parameter) => parameter.in === 'header');
      for (const { name, required, schema } of headers) {
        const value = hit.headers[name.toLowerCase()];
        if (required === true) expect(value, name).toBeDefined();
        if (value !== undefined) expect(errorsOf(ajv.compile(schema), value), `${name}: ${String(value)}`).toEqual([]);
      }
      // The server's own headers are all documented.
      const named = new Set(headers.map(({ name }) => name.toLowerCase()));
      expect(Object.keys(hit.headers).filter((name) => name.startsWith('x-uchi-') && !named.has(name))).toEqual([]);
      expect(hit.headers['x-uchi-event-id']).toBe(String(body.id));
      expect(verify(WEBHOOK_SECRET, hit.headers['x-uchi-signature'] as string, hit.body, now)).toBe(true);
    }
    // Each type's body is its own: a body read under another type's name does not pass.
    const [first] = hits;
    for (const other of Object.keys(doc.webhooks).filter((type) => type !== first?.body.type)) {
      expect(checkWebhook(other, first?.body), other).not.toEqual([]);
    }
  });
});
