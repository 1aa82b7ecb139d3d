/**
 * Specialists with tokens of their own (SUPPORT_AGENTS): what each does is recorded under their name, which
 * support reads (the agent API, support's event stream, the webhooks) and a reporter never does; each token has
 * its rate-limit bucket; a move refused because a colleague acted first names the colleague.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { ConfigError, DEV_AGENT_TOKEN, DEV_TOKEN_SECRET, loadConfig } from '../../src/server';
import { agentTicketChangeSchema, agentTicketSchema } from '../../src/server/schemas';
import type { AgentTicketEvent } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk } from '../fixtures/receivers';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { openSse } from './sse-client';

const ANNA = { name: 'Анна Смирнова', token: 'anna-0123456789-abcdefghijklmnopqrstuvwxyz' };
const IVAN = { name: 'Иван Петров', token: 'ivan-0123456789-abcdefghijklmnopqrstuvwxyz' };
const WEBHOOK_SECRET = 'whsec-agents-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('SUPPORT_AGENTS in the configuration', () => {
  const base = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
  const load = (agents: unknown, extra: Record<string, string> = {}) =>
    loadConfig({ ...base, ...extra, SUPPORT_AGENTS: typeof agents === 'string' ? agents : JSON.stringify(agents) });
  const refusal = (agents: unknown, extra: Record<string, string> = {}) => {
    try {
      load(agents, extra);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return 'started';
  };

  it('reads a JSON array of names and tokens, names trimmed; the agent API is on without SUPPORT_AGENT_TOKEN', () => {
    const { config, warnings } = load([{ ...ANNA, name: `  ${ANNA.name} ` }, IVAN]);
    expect(config.agents).toEqual([ANNA, IVAN]);
    expect(config.agentToken).toBeNull();
    expect(warnings.join('\n')).not.toMatch(/agent endpoints are disabled/);
    expect(loadConfig(base).warnings.join('\n')).toMatch(/Neither SUPPORT_AGENT_TOKEN nor SUPPORT_AGENTS is set/);
    expect(load('  ').config.agents).toEqual([]);
  });

  it('stops the start on each mistake, naming the entry and never printing a token', () => {
    expect(refusal('[{"name": "Анна"')).toMatch(/SUPPORT_AGENTS must be a JSON array .*: it is not JSON/);
    expect(refusal({ name: 'Анна', token: ANNA.token })).toMatch(/SUPPORT_AGENTS must be a JSON array/);
    expect(refusal([ANNA, { name: 'Иван' }])).toMatch(/entry 2 is not/);
    expect(refusal([{ name: ' ', token: ANNA.token }])).toMatch(/entry 1: the name must be 1–100 characters/);
    expect(refusal([{ name: 'Анна\nСмирнова', token: ANNA.token }])).toMatch(/the name must be 1–100 characters of visible text on one line/);
    expect(refusal([{ name: 'Анна', token: 'short' }])).toMatch(/entry 1 \(Анна\): the token must be at least 32 printable ASCII characters/);
    expect(refusal([ANNA, { name: 'анна смирнова', token: IVAN.token }])).toMatch(/entry 2: the name «анна смирнова» is given twice/);
    const reused = refusal([ANNA, { name: IVAN.name, token: ANNA.token }]);
    expect(reused).toMatch(/entry 2 \(Иван Петров\): the token is already used/);
    expect(reused).not.toContain(ANNA.token);
    expect(refusal([ANNA], { SUPPORT_AGENT_TOKEN: ANNA.token })).toMatch(/already used by another specialist or by SUPPORT_AGENT_TOKEN/);
  });

  it('reads a name in one spelling and refuses names that would not print as one visible line', () => {
    expect(load([{ ...ANNA, name: 'Анна   Смирнова' }, { ...IVAN, name: 'И\u0306ван Петров' }]).config.agents.map((a) => a.name)).toEqual(['Анна Смирнова', 'Йван Петров']);
    expect(refusal([ANNA, { ...IVAN, name: 'Анна  смирнова' }])).toMatch(/is given twice/);
    for (const name of ['Анна\u2028Смирнова', 'Анна\u2029Смирнова', '\u3164', 'Анна\ud800', 'Анна\u200b', 'Анна\ue000']) {
      expect(refusal([{ ...ANNA, name }]), JSON.stringify(name)).toMatch(/1–100 characters of visible text on one line/);
    }
    for (const token of [`${ANNA.token}\u200b`, `${ANNA.token}ё`, `${ANNA.token} x`]) {
      expect(refusal([{ ...ANNA, token }])).toMatch(/printable ASCII characters without spaces/);
    }
  });

  it('refuses one value doing two jobs, the dev credentials outside dev mode, and a weak shared token', () => {
    const secret = 'x'.repeat(40);
    const start = (env: Record<string, string>) => {
      try {
        loadConfig({ SUPPORT_TOKEN_SECRET: secret, ...env });
        return 'started';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(start({ SUPPORT_AGENT_TOKEN: secret })).toMatch(/SUPPORT_AGENT_TOKEN is the same as SUPPORT_TOKEN_SECRET/);
    expect(start({ SUPPORT_AGENTS: JSON.stringify([{ name: 'Анна', token: secret }]) })).toMatch(/SUPPORT_AGENTS, entry 1 \(Анна\) is the same as SUPPORT_TOKEN_SECRET/);
    expect(start({ SUPPORT_WEBHOOK_URLS: 'https://desk.example.ru/hook', SUPPORT_WEBHOOK_SECRET: secret })).toMatch(/SUPPORT_WEBHOOK_SECRET is the same as SUPPORT_TOKEN_SECRET/);
    expect(start({ SUPPORT_TOKEN_SECRET: DEV_TOKEN_SECRET })).toMatch(/SUPPORT_TOKEN_SECRET is the published dev secret/);
    expect(start({ SUPPORT_TOKEN_SECRET_PREVIOUS: DEV_TOKEN_SECRET })).toMatch(/SUPPORT_TOKEN_SECRET_PREVIOUS is the published dev secret/);
    expect(start({ SUPPORT_AGENT_TOKEN: DEV_AGENT_TOKEN.padEnd(16, '-') })).toBe('started');
    expect(start({ SUPPORT_AGENT_TOKEN: 'short' })).toMatch(/SUPPORT_AGENT_TOKEN must be at least 16 printable ASCII characters/);
    expect(start({ SUPPORT_AGENT_TOKEN: 'agent token with spaces 0123' })).toMatch(/SUPPORT_AGENT_TOKEN must be at least 16/);
    expect(start({ SUPPORT_AGENT_TOKEN: 'agent-token-0123456789' })).toBe('started');
    // Dev mode runs with its published credentials, as the demo needs.
    expect(loadConfig({ SUPPORT_DEV: '1' }).config.agentToken).toBe(DEV_AGENT_TOKEN);
  });
});

describe('named specialists', { timeout: 45_000 }, () => {
  const desk = new Desk();
  let ts: TestServer;
  let reporter: string;

  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({
      config: {
        agents: [ANNA, IVAN],
        agentRateLimitPerMinute: 40,
        notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, pollMs: 50 },
      },
    });
    reporter = await userAuth(ts, 'named-agents');
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  const as = (agent: { token: string }) => `Bearer ${agent.token}`;
  const newTicket = async () => createTicketResponseSchema.parse((await createTicket(ts, reporter, validDrafts.technical)).body).ticket;
  const move = (auth: string, id: string, status: string, text?: string, lastEventId?: number) =>
    call(ts, 'POST', `/agent/tickets/${id}/status`, { auth, json: { status, ...(text === undefined ? {} : { text }), ...(lastEventId === undefined ? {} : { lastEventId }) } });

  it('records who moved a ticket: support reads the name, the reporter only «support»', async () => {
    const ticket = await newTicket();
    const taken = await move(as(ANNA), ticket.id, 'in_progress');
    expect(taken.status, taken.text).toBe(200);
    expect(agentTicketChangeSchema.parse(taken.body).event).toMatchObject({ actor: 'support', agent: ANNA.name });
    const answered = await move(agentAuth, ticket.id, 'answered', 'Сбросили попытку, пройдите тест снова.');
    expect(answered.status, answered.text).toBe(200);
    expect(agentTicketChangeSchema.parse(answered.body).event.agent).toBeUndefined();

    const read = agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: as(IVAN) })).body);
    expect((read.events as AgentTicketEvent[]).map((e) => [e.status, e.agent])).toEqual([
      ['registered', undefined],
      ['in_progress', ANNA.name],
      ['answered', undefined],
    ]);
    // The reporter's ticket, list and event stream never carry a specialist's name.
    const own = await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: reporter });
    expect(own.status).toBe(200);
    expect(own.text).not.toContain(ANNA.name);
    expect(own.text).not.toContain('"agent"');
    expect((await call(ts, 'GET', '/tickets', { auth: reporter })).text).not.toContain(ANNA.name);
    const reporterStream = await openSse(`${ts.api}/tickets/${ticket.id}/events`, { authorization: reporter });
    const supportStream = await openSse(`${ts.api}/tickets/${ticket.id}/events`, { authorization: as(IVAN) });
    try {
      const seenByReporter = await reporterStream.take(3);
      expect(seenByReporter.map((f) => f.data ?? '').join('\n')).not.toContain(ANNA.name);
      const seenBySupport = (await supportStream.take(3)).map((f) => JSON.parse(f.data ?? '{}') as { agent?: string });
      expect(seenBySupport.map((e) => e.agent)).toEqual([undefined, ANNA.name, undefined]);
    } finally {
      reporterStream.close();
      supportStream.close();
    }
  });

  it('the webhook of a named specialist’s move carries the name', async () => {
    const ticket = await newTicket();
    expect((await move(as(IVAN), ticket.id, 'in_progress')).status).toBe(200);
    const body = await vi.waitFor(() => {
      const hit = desk.hits.map((h) => JSON.parse(h.body) as { type: string; ticket: { id: string }; event: { status: string; agent?: string } })
        .find((b) => b.ticket.id === ticket.id && b.type === 'ticket.status');
      expect(hit).toBeDefined();
      return hit;
    }, { timeout: 15_000, interval: 25 });
    expect(body?.event).toMatchObject({ status: 'in_progress', agent: IVAN.name });
    const created = desk.hits.map((h) => JSON.parse(h.body) as { type: string; ticket: { id: string }; event: object })
      .find((b) => b.ticket.id === ticket.id && b.type === 'ticket.created');
    expect(created?.event).not.toHaveProperty('agent');
  });

  it('a move refused because a colleague acted first names the colleague', async () => {
    const ticket = await newTicket();
    const read = agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: as(IVAN) })).body);
    const seen = read.events.at(-1)?.id ?? 0;
    expect((await move(as(ANNA), ticket.id, 'in_progress', undefined, seen)).status).toBe(200);
    const late = await move(as(IVAN), ticket.id, 'answered', 'Ответ', seen);
    expectError(late, 409, 'conflict');
    expect(late.text).toContain(`изменения внёс специалист ${ANNA.name}`);
  });

  it('a wrong token is refused; each specialist has a rate-limit bucket of their own', async () => {
    expect((await call(ts, 'GET', '/agent/tickets', { auth: `Bearer ${ANNA.token}x` })).status).toBe(401);
    let limited = false;
    // Room for the minute's window to roll over once during the loop (the server keeps the real time).
    for (let i = 0; i < 100 && !limited; i += 1) limited = (await call(ts, 'GET', '/agent/stats', { auth: as(ANNA) })).status === 429;
    expect(limited).toBe(true);
    expect((await call(ts, 'GET', '/agent/stats', { auth: as(IVAN) })).status).toBe(200);
    expect((await call(ts, 'GET', '/agent/stats', { auth: agentAuth })).status).toBe(200);
  });
});
