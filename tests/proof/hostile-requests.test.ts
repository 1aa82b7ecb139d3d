/**
 * Proof: hundreds of generated malformed requests across every endpoint (agent and dev included) over real
 * sockets are all answered 4xx with the error shape — never 5xx — and leave the store exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema } from '../../src/core';
import { serverErrorSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, guestContact, newKey, profile, startTestServer, tableCounts, userAuth } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import { fileForm, pngImage } from '../server/images';
import { findOrphans, histogram, NO_ORPHANS } from './db-audit';
import { hostileJsonCases } from './hostile-json';
import type { HostileCase, JsonEndpoint } from './hostile-json';
import { hostileRouteCases } from './hostile-routes';
import { sendRaw } from './raw-http';

const SEED = 20_260_301;

/** Every route of the contract (and dev mode's), as `METHOD /template`. */
const ROUTES = [
  'GET /meta', 'GET /openapi.json', 'POST /attachments', 'GET /attachments/:id', 'DELETE /attachments/:id', 'POST /tickets',
  'GET /tickets', 'GET /tickets/:id', 'POST /tickets/:id/messages', 'POST /tickets/:id/cancel', 'GET /tickets/:id/events',
  'GET /agent/tickets', 'GET /agent/tickets/:id', 'POST /agent/tickets/:id/status', 'POST /agent/tickets/:id/messages', 'POST /agent/tickets/:id/assignee', 'POST /dev/token',
  'GET /dev/agent-token',
];

/** The route a request aims at (any method: a wrong method counts for the path), `:id` for any id. */
function pathTemplate(path: string): string {
  return path
    .replace(/^\/api\/v1/, '')
    .replace(/\?.*$/, '')
    .replace(/^(\/(?:agent\/)?tickets|\/attachments)\/[^/]+/, '$1/:id');
}

describe('hostile requests', () => {
  let ts: TestServer;
  let ticketId: string;
  let attachmentId: string;
  let user: string;
  beforeAll(async () => {
    ts = await startTestServer({ config: { dev: true } });
    user = await userAuth(ts, 'fuzz-target');
    ticketId = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.technical)).body).ticket.id;
    const upload = await call(ts, 'POST', '/attachments', { auth: user, body: fileForm(await pngImage(), 'pending.png', 'image/png') });
    attachmentId = attachmentSchema.parse(upload.body).id;
  });
  afterAll(() => ts.cleanup());

  /** The JSON endpoints, each with a body it accepts. */
  const jsonEndpoints = (): JsonEndpoint[] => [
    { name: 'create', path: '/api/v1/tickets', headers: () => ({ authorization: user, 'idempotency-key': newKey() }), valid: { ...validDrafts.technical }, optional: ['attachmentIds'] },
    { name: 'guest create', path: '/api/v1/tickets', headers: () => ({ authorization: `Guest ${'q'.repeat(43)}`, 'idempotency-key': newKey() }), valid: { ...validDrafts.other, contact: { ...guestContact }, consent: true }, optional: ['attachmentIds', 'contact.email'] },
    { name: 'message', path: `/api/v1/tickets/${ticketId}/messages`, headers: () => ({ authorization: user }), valid: { text: 'Ответ', attachmentIds: [] }, optional: ['attachmentIds'] },
    { name: 'agent status', path: `/api/v1/agent/tickets/${ticketId}/status`, headers: () => ({ authorization: agentAuth }), valid: { status: 'in_progress', text: 'Берём в работу' }, optional: ['text'] },
    { name: 'agent message', path: `/api/v1/agent/tickets/${ticketId}/messages`, headers: () => ({ authorization: agentAuth }), valid: { text: 'Исправление займёт два дня', attachmentIds: [] }, optional: ['attachmentIds'] },
    // Releasing a ticket nobody handles: what already is, so the valid body changes nothing either.
    { name: 'agent assignee', path: `/api/v1/agent/tickets/${ticketId}/assignee`, headers: () => ({ authorization: agentAuth }), valid: { agent: null }, optional: ['from'] },
    { name: 'dev token', path: '/api/v1/dev/token', headers: () => ({}), valid: { ...profile('dev-user') }, optional: ['org.id', 'phone', 'email'] },
  ];

  function batch(png: Buffer, endpoints: JsonEndpoint[]): HostileCase[] {
    return [
      ...endpoints.flatMap((endpoint, index) => hostileJsonCases(endpoint, SEED + index)),
      ...hostileRouteCases({ ticketId, attachmentId, user, agent: agentAuth, png, newKey }, SEED),
    ];
  }

  it('answers every one 4xx with the error shape, stores nothing, and stays healthy', async () => {
    const endpoints = jsonEndpoints();
    const cases = batch(await pngImage(), endpoints);
    const before = tableCounts(ts.dbPath);
    const statuses: number[] = [];
    const wrong: string[] = [];
    const origin = new URL(ts.api).origin;
    const started = Date.now();
    for (const item of cases) {
      const reply = await sendRaw(origin, item);
      statuses.push(reply.status);
      let shaped = false;
      try {
        shaped = serverErrorSchema.safeParse(JSON.parse(reply.text)).success;
      } catch {
        shaped = false;
      }
      if (reply.status < 400 || reply.status > 499 || !shaped) wrong.push(`${item.name} → ${reply.status} ${reply.text.slice(0, 160)}`);
    }
    console.info(`[proof] ${cases.length} hostile requests in ${Date.now() - started} ms; statuses ${JSON.stringify(histogram(statuses))}`);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const covered = new Set(cases.map((item) => pathTemplate(item.path)));
    expect(ROUTES.map((route) => route.split(' ')[1]).filter((path) => !covered.has(path ?? ''))).toEqual([]);
    expect(wrong).toEqual([]);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect((await call(ts, 'GET', '/meta')).status).toBe(200);
    expect(tableCounts(ts.dbPath)).toEqual(before);
    expect(findOrphans(ts.dbPath, `${ts.dir}/attachments`)).toEqual(NO_ORPHANS);
    expect(ts.logs.filter((line) => line.level === 'error')).toEqual([]);
    // Still fully working, and every mutation was refused for what it broke: each valid body is accepted.
    for (const endpoint of endpoints) {
      const reply = await sendRaw(origin, { method: 'POST', path: endpoint.path, headers: { ...endpoint.headers(), 'content-type': 'application/json' }, body: JSON.stringify(endpoint.valid) });
      expect(reply.status, `${endpoint.name}: ${reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(reply.status, `${endpoint.name}: ${reply.text.slice(0, 200)}`).toBeLessThan(300);
    }
    expect(findOrphans(ts.dbPath, `${ts.dir}/attachments`)).toEqual(NO_ORPHANS);
  });

  it('a header block over Node’s 16 kB limit is refused by the HTTP layer (431), and the server keeps serving', async () => {
    const reply = await sendRaw(new URL(ts.api).origin, { method: 'GET', path: '/api/v1/tickets', headers: { authorization: user, 'x-pad': 'p'.repeat(20_000) } });
    expect(reply.status).toBe(431);
    expect((await call(ts, 'GET', '/tickets', { auth: user })).status).toBe(200);
  });
});
