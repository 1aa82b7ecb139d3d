/**
 * The served OpenAPI document describes what the server really answers: real answers of the reporter and agent
 * routes — a named specialist's events included, which carry `agent` — validated against its schemas with a JSON
 * Schema validator, as a client generated from the document or a strict response check would.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { call, createTicket, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

const ANNA = { name: 'Анна Смирнова', token: 'anna-conformance-0123456789-abcdefghijklmnopqrstuvwxyz' };

describe('the OpenAPI document against the server’s answers', () => {
  let ts: TestServer;
  let check: (schema: string, value: unknown) => string[];
  beforeAll(async () => {
    ts = await startTestServer({ config: { agents: [ANNA] } });
    const doc = (await call(ts, 'GET', '/openapi.json')).body as Record<string, unknown>;
    // OpenAPI's own keywords (`x-…`, `discriminator`) are not JSON Schema's: not strict about unknown ones.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ ...doc, $id: 'openapi' });
    check = (schema, value) => {
      const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`);
      if (validate === undefined) return [`no schema ${schema}`];
      return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
    };
  });
  afterAll(() => ts.cleanup());

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
  });
});
