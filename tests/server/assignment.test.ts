/**
 * Who handles a ticket (`POST /agent/tickets/{id}/assignee`, `assignee` on support's views, `assignee=` on the agent
 * list): a named specialist takes, hands over or releases a ticket; a colleague's ticket changes hands only with
 * `from` naming them; the shared token cannot take; a closed ticket keeps its assignee; a named specialist moving a
 * ticket nobody handles to work takes it; the history says who did what and when; a reporter never reads any of it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { ConfigError, loadConfig } from '../../src/server';
import { agentAssigneeChangeSchema, agentTicketChangeSchema, agentTicketListSchema, agentTicketSchema, specialistsSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk, Smtp } from '../fixtures/receivers';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { openSse } from './sse-client';

const ANNA = { name: 'Анна Смирнова', token: 'anna-assign-0123456789-abcdefghijklmnopqrstuvwxyz' };
const IVAN = { name: 'Иван Петров', token: 'ivan-assign-0123456789-abcdefghijklmnopqrstuvwxyz' };
const OLGA = { name: 'Ольга Ким', token: 'olga-assign-0123456789-abcdefghijklmnopqrstuvwxyz' };
const WEBHOOK_SECRET = 'whsec-assign-0123456789-abcdefghijklmnopqrstuvwxyz';
const as = (agent: { token: string }) => `Bearer ${agent.token}`;

describe('specialists’ names the API reads as words of its own', () => {
  it('are refused in SUPPORT_AGENTS, whatever their case', () => {
    for (const name of ['me', 'None', ' ME ']) {
      expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_AGENTS: JSON.stringify([{ name, token: ANNA.token }]) })).toThrow(ConfigError);
    }
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_AGENTS: JSON.stringify([{ name: 'Menу', token: ANNA.token }]) }).config.agents).toHaveLength(1);
  });
});

describe('assignment', { timeout: 45_000 }, () => {
  const desk = new Desk();
  const smtp = new Smtp();
  let ts: TestServer;
  let reporter: string;

  beforeAll(async () => {
    await desk.start();
    await smtp.start();
    ts = await startTestServer({
      config: {
        agents: [ANNA, IVAN, OLGA],
        notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, pollMs: 50 },
      },
    });
    reporter = await userAuth(ts, 'assign-reporter');
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
    await smtp.stop();
  });

  const newTicket = async (subject = 'Не открывается тест') =>
    createTicketResponseSchema.parse((await createTicket(ts, reporter, { ...validDrafts.technical, subject })).body).ticket;
  const assign = (auth: string, id: string, json: unknown) => call(ts, 'POST', `/agent/tickets/${id}/assignee`, { auth, json });
  const assigned = async (auth: string, id: string, json: unknown) => {
    const reply = await assign(auth, id, json);
    expect(reply.status, reply.text).toBe(200);
    return agentAssigneeChangeSchema.parse(reply.body);
  };
  const read = async (id: string, auth = agentAuth) => agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${id}`, { auth })).body);
  const move = (auth: string, id: string, status: string, text?: string) =>
    call(ts, 'POST', `/agent/tickets/${id}/status`, { auth, json: { status, ...(text === undefined ? {} : { text }) } });
  const list = async (query: string, auth = agentAuth) => {
    const reply = await call(ts, 'GET', `/agent/tickets?${query}`, { auth });
    expect(reply.status, reply.text).toBe(200);
    return agentTicketListSchema.parse(reply.body);
  };

  it('tells a specialist who they are and whom a ticket can be assigned to', async () => {
    const mine = specialistsSchema.parse((await call(ts, 'GET', '/agent/specialists', { auth: as(IVAN) })).body);
    expect(mine).toEqual({ me: IVAN.name, specialists: [ANNA.name, IVAN.name, OLGA.name] });
    expect(specialistsSchema.parse((await call(ts, 'GET', '/agent/specialists', { auth: agentAuth })).body).me).toBeNull();
    expectError(await call(ts, 'GET', '/agent/specialists', { auth: reporter }), 403, 'forbidden');
  });

  it('takes a ticket: support reads the assignee on the line, the ticket and the history; a second taker gets 409 naming the first', async () => {
    const ticket = await newTicket();
    const taken = await assigned(as(ANNA), ticket.id, { agent: 'me' });
    expect(taken.assignee).toBe(ANNA.name);
    expect(taken.assignment).toMatchObject({ assignee: ANNA.name, previous: null, by: ANNA.name, cause: 'assign' });
    expect(Date.parse(taken.assignment?.createdAt ?? '')).not.toBeNaN();

    const late = await assign(as(IVAN), ticket.id, { agent: 'me' });
    expectError(late, 409, 'conflict');
    expect(late.text).toContain(ANNA.name);
    // Also when the colleague was not the taker's own idea of the ticket: `from` that is no longer so.
    expectError(await assign(as(IVAN), ticket.id, { agent: 'me', from: null }), 409, 'conflict');

    const full = await read(ticket.id, as(IVAN));
    expect(full.assignee).toBe(ANNA.name);
    expect(full.assignments).toHaveLength(1);
    const line = (await list(`q=${ticket.number}`)).tickets[0];
    expect(line?.assignee).toBe(ANNA.name);
  });

  it('hands over only explicitly: with `from` naming who handles it, and never over a change the caller did not see', async () => {
    const ticket = await newTicket();
    await assigned(as(ANNA), ticket.id, { agent: 'me' });
    // Anna hands her own ticket over without more ado; a colleague needs to say whom they saw handling it.
    expect((await assigned(as(ANNA), ticket.id, { agent: IVAN.name })).assignee).toBe(IVAN.name);
    expectError(await assign(as(OLGA), ticket.id, { agent: 'me' }), 409, 'conflict');
    const stale = await assign(as(OLGA), ticket.id, { agent: 'me', from: ANNA.name });
    expectError(stale, 409, 'conflict');
    expect(stale.text).toContain(IVAN.name);
    const reassigned = await assigned(as(OLGA), ticket.id, { agent: 'me', from: IVAN.name });
    expect(reassigned.assignment).toMatchObject({ assignee: OLGA.name, previous: IVAN.name, by: OLGA.name });
    // Released by its assignee, then taken by another.
    expect((await assigned(as(OLGA), ticket.id, { agent: null })).assignee).toBeNull();
    expect((await assigned(as(IVAN), ticket.id, { agent: 'me' })).assignee).toBe(IVAN.name);
    // `from` is read as `agent` is: any case and spacing of the name, and `me` for oneself.
    expect((await assigned(as(OLGA), ticket.id, { agent: 'me', from: `  ${IVAN.name.toUpperCase()} ` })).assignee).toBe(OLGA.name);
    expect((await assigned(as(OLGA), ticket.id, { agent: ANNA.name, from: 'me' })).assignee).toBe(ANNA.name);
    expect((await assigned(as(IVAN), ticket.id, { agent: 'me', from: ANNA.name.toLowerCase() })).assignee).toBe(IVAN.name);

    const history = (await read(ticket.id)).assignments.map((a) => [a.previous, a.assignee, a.by]);
    expect(history).toEqual([
      [null, ANNA.name, ANNA.name],
      [ANNA.name, IVAN.name, ANNA.name],
      [IVAN.name, OLGA.name, OLGA.name],
      [OLGA.name, null, OLGA.name],
      [null, IVAN.name, IVAN.name],
      [IVAN.name, OLGA.name, OLGA.name],
      [OLGA.name, ANNA.name, OLGA.name],
      [ANNA.name, IVAN.name, IVAN.name],
    ]);
  });

  it('the shared token assigns by name and releases, but cannot take; an unknown name is 422', async () => {
    const ticket = await newTicket();
    expectError(await assign(agentAuth, ticket.id, { agent: 'me' }), 403, 'unnamed_agent');
    const unknown = await assign(agentAuth, ticket.id, { agent: 'Пётр Сидоров' });
    expectError(unknown, 422, 'unknown_agent');
    expect(unknown.text).toContain('Пётр Сидоров');
    expectError(await assign(as(ANNA), ticket.id, { agent: 'Пётр Сидоров' }), 422, 'unknown_agent');
    // A name in another case and spacing names the configured specialist, in their spelling.
    const byName = await assigned(agentAuth, ticket.id, { agent: '  иван   петров ' });
    expect(byName.assignment).toMatchObject({ assignee: IVAN.name, by: null });
    expectError(await assign(agentAuth, ticket.id, { agent: null }), 409, 'conflict');
    expect((await assigned(agentAuth, ticket.id, { agent: null, from: IVAN.name })).assignee).toBeNull();
    expect((await read(ticket.id)).assignments.map((a) => a.assignee)).toEqual([IVAN.name, null]);
  });

  it('validates the body with the shared schema', async () => {
    const ticket = await newTicket();
    for (const json of [{}, { agent: 42 }, { agent: '' }, { agent: 'x'.repeat(101) }, { agent: null, from: 7 }]) {
      const reply = await assign(as(ANNA), ticket.id, json);
      expectError(reply, 422, 'validation_failed');
    }
    expectError(await assign(as(ANNA), 'UP-2026-999999', { agent: 'me' }), 404, 'not_found');
    expectError(await assign(reporter, ticket.id, { agent: 'me' }), 403, 'forbidden');
  });

  it('asking for what already is changes nothing; a closed ticket keeps its assignee', async () => {
    const ticket = await newTicket();
    await assigned(as(ANNA), ticket.id, { agent: 'me' });
    const again = await assigned(as(ANNA), ticket.id, { agent: ANNA.name });
    expect(again.assignment).toBeNull();
    expect((await read(ticket.id)).assignments).toHaveLength(1);

    expect((await move(as(ANNA), ticket.id, 'resolved')).status).toBe(200);
    expectError(await assign(as(ANNA), ticket.id, { agent: null }), 409, 'illegal_transition');
    expectError(await assign(as(IVAN), ticket.id, { agent: 'me', from: ANNA.name }), 409, 'illegal_transition');
    expect((await assigned(as(IVAN), ticket.id, { agent: ANNA.name })).assignment).toBeNull();
    const closed = await read(ticket.id);
    expect(closed.assignee).toBe(ANNA.name);
    expect(closed.assignments).toHaveLength(1);
  });

  it('a named specialist moving a ticket nobody handles to work takes it; a colleague’s stays theirs; the shared token takes nothing', async () => {
    const ticket = await newTicket();
    const moved = await move(as(IVAN), ticket.id, 'in_progress');
    expect(moved.status, moved.text).toBe(200);
    expect(agentTicketChangeSchema.parse(moved.body).assignee).toBe(IVAN.name);
    expect((await read(ticket.id)).assignments).toMatchObject([{ assignee: IVAN.name, previous: null, by: IVAN.name, cause: 'status' }]);

    const theirs = await newTicket();
    await assigned(as(ANNA), theirs.id, { agent: 'me' });
    expect((await move(as(IVAN), theirs.id, 'in_progress')).status).toBe(200);
    expect((await read(theirs.id)).assignee).toBe(ANNA.name);

    const shared = await newTicket();
    expect((await move(agentAuth, shared.id, 'in_progress')).status).toBe(200);
    expect((await read(shared.id)).assignee).toBeNull();
    // Reviewing it and passing it on as a suggestion are triage: they take nothing.
    for (const status of ['processing', 'suggestion'] as const) {
      const triaged = await newTicket();
      expect((await move(as(IVAN), triaged.id, status)).status).toBe(200);
      expect((await read(triaged.id)).assignee).toBeNull();
    }
  });

  it('a named specialist who asks, answers or resolves a ticket nobody handles in one step takes it, and it stays on record', async () => {
    const taken: string[] = [];
    for (const [status, text] of [['clarification_requested', 'Какой браузер?'], ['answered', 'Очистите кэш.'], ['resolved', undefined]] as const) {
      const ticket = await newTicket();
      taken.push(ticket.id);
      const moved = await move(as(ANNA), ticket.id, status, text);
      expect(moved.status, moved.text).toBe(200);
      expect(agentTicketChangeSchema.parse(moved.body).assignee).toBe(ANNA.name);
      expect((await read(ticket.id)).assignments).toMatchObject([{ assignee: ANNA.name, previous: null, by: ANNA.name, cause: 'status' }]);
    }
    // Her list has them, the resolved one too.
    const hers = (await list(`assignee=${encodeURIComponent(ANNA.name)}`, agentAuth)).tickets.map((t) => t.id);
    expect(taken.filter((id) => !hers.includes(id))).toEqual([]);
  });

  it('filters the list by assignee (me, none, a name) with the other filters, the cursor and the queue', async () => {
    const stamp = `Фильтр ${Date.now()}`;
    const olgas = [await newTicket(`${stamp} 1`), await newTicket(`${stamp} 2`), await newTicket(`${stamp} 3`)];
    for (const t of olgas) await assigned(as(OLGA), t.id, { agent: 'me' });
    const nobodys = await newTicket(`${stamp} ничей`);
    const ivans = await newTicket(`${stamp} Ивана`);
    await assigned(agentAuth, ivans.id, { agent: IVAN.name });
    const q = `q=${encodeURIComponent(stamp)}`;
    const subjects = async (query: string, auth = agentAuth) => (await list(`${q}&${query}`, auth)).tickets.map((t) => t.subject);

    expect(await subjects('assignee=me', as(OLGA))).toEqual(olgas.map((t) => t.subject).reverse());
    expect(await subjects('assignee=none')).toEqual([nobodys.subject]);
    expect(await subjects(`assignee=${encodeURIComponent(IVAN.name)}`)).toEqual([ivans.subject]);
    expect(await subjects(`assignee=${encodeURIComponent('ИВАН ПЕТРОВ')}`)).toEqual([ivans.subject]);
    expect(await subjects('assignee=me', as(IVAN))).toEqual([ivans.subject]);
    expect(await subjects('assignee=me&status=in_progress', as(OLGA))).toEqual([]);
    expect((await subjects('')).length).toBe(5);

    // Paged by the cursor, newest first and as the queue: the same tickets, nobody twice.
    for (const order of ['newest', 'due']) {
      const paged: string[] = [];
      let cursor: string | null | undefined = null;
      do {
        const page: { tickets: Array<{ subject: string }>; nextCursor?: string | null | undefined } = await list(
          `${q}&assignee=me&order=${order}&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`,
          as(OLGA),
        );
        paged.push(...page.tickets.map((t) => t.subject));
        cursor = page.nextCursor;
      } while (cursor !== null && cursor !== undefined);
      expect(paged.toSorted()).toEqual(olgas.map((t) => t.subject).toSorted());
    }
    expectError(await call(ts, 'GET', '/agent/tickets?assignee=me', { auth: agentAuth }), 400, 'bad_request');
    expectError(await call(ts, 'GET', `/agent/tickets?assignee=${'x'.repeat(101)}`, { auth: agentAuth }), 400, 'bad_request');
  });

  it('the webhooks carry the assignee as support’s, on the ticket', async () => {
    const ticket = await newTicket();
    expect((await move(as(ANNA), ticket.id, 'in_progress')).status).toBe(200);
    const body = await vi.waitFor(
      () => {
        const hit = desk.hits
          .map((h) => JSON.parse(h.body) as { type: string; ticket: { id: string; assignee?: string | null }; event: { status: string } })
          .find((b) => b.ticket.id === ticket.id && b.type === 'ticket.status');
        expect(hit).toBeDefined();
        return hit;
      },
      { timeout: 15_000, interval: 25 },
    );
    expect(body?.ticket.assignee).toBe(ANNA.name);
    const created = desk.hits.map((h) => JSON.parse(h.body) as { type: string; ticket: { id: string; assignee?: string | null } }).find((b) => b.ticket.id === ticket.id && b.type === 'ticket.created');
    expect(created?.ticket.assignee).toBeNull();
  });

  it('never tells the reporter who handles the ticket: not in their ticket, list, stream or e-mail', async () => {
    const ticket = await newTicket('Кто ведёт — не для пользователя');
    await assigned(agentAuth, ticket.id, { agent: OLGA.name });
    const answered = await move(agentAuth, ticket.id, 'answered', 'Сбросили попытку, пройдите тест снова.');
    expect(answered.status, answered.text).toBe(200);
    // Support does read it: the check below would pass on an answer without it otherwise.
    expect((await read(ticket.id)).assignee).toBe(OLGA.name);

    for (const path of [`/tickets/${ticket.id}`, `/tickets/${ticket.number}`, '/tickets']) {
      const reply = await call(ts, 'GET', path, { auth: reporter });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.text).not.toContain(OLGA.name);
      expect(reply.text).not.toMatch(/"assignee"|"assignments"/);
    }
    const stream = await openSse(`${ts.api}/tickets/${ticket.id}/events`, { authorization: reporter });
    try {
      const frames = await stream.take(2);
      expect(frames.map((f) => f.data ?? '').join('\n')).not.toContain(OLGA.name);
    } finally {
      stream.close();
    }
    const mail = await vi.waitFor(
      () => {
        const found = smtp.about(ticket.number)[0];
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 15_000, interval: 25 },
    );
    expect(`${mail?.subject}\n${mail?.text}\n${mail?.html}`).not.toContain(OLGA.name);
  });
});
