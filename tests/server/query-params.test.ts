/**
 * The list routes' query parameters take one value each: given twice, without a value or as a form's array
 * (`limit[]=1`), a parameter is a 400 that names it, never one value picked silently or its default taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { Reply, TestServer } from './helpers';
import { validDrafts } from '../fixtures/drafts';

const messageOf = (reply: Reply) => (reply.body as { error: { message: string } }).error.message;

describe('query parameters of the list routes', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'query-alice');
    expect((await createTicket(ts, alice, validDrafts.other)).status).toBe(201);
  });
  afterAll(() => ts.cleanup());

  it('refuses a parameter the list does not take, naming the ones it does: a misspelt filter is not an unfiltered list', async () => {
    const agentRefusal = await call(ts, 'GET', '/agent/tickets?userId=u2', { auth: agentAuth });
    expectError(agentRefusal, 400, 'bad_request');
    expect(messageOf(agentRefusal)).toBe('Неизвестный параметр userId: этот запрос принимает order, limit, cursor, status, category, priority, q, assignee, updatedSince.');
    const misspelt = await call(ts, 'GET', '/agent/tickets?stauts=registered', { auth: agentAuth });
    expectError(misspelt, 400, 'bad_request');
    // The reporter's list takes no search: said, not ignored.
    const reporterRefusal = await call(ts, 'GET', '/tickets?q=test', { auth: alice });
    expectError(reporterRefusal, 400, 'bad_request');
    expect(messageOf(reporterRefusal)).toMatch(/^Неизвестный параметр q: этот запрос принимает order, limit, cursor, status\.$/);
    // A long made-up name is cut in the answer.
    const long = await call(ts, 'GET', `/agent/tickets?${'x'.repeat(500)}=1`, { auth: agentAuth });
    expect(messageOf(long)).toContain(`Неизвестный параметр ${'x'.repeat(40)}:`);
    expect(messageOf(long)).not.toContain('x'.repeat(41));
    // What the lists take still works.
    expect((await call(ts, 'GET', '/agent/tickets?status=registered&q=a&limit=5', { auth: agentAuth })).status).toBe(200);
  });

  it.each([
    ['/tickets?limit=', 'user', 'Параметр limit указан без значения: укажите значение или уберите параметр.'],
    ['/tickets?limit', 'user', 'Параметр limit указан без значения: укажите значение или уберите параметр.'],
    ['/tickets?limit=1&limit=2', 'user', 'Параметр limit указан несколько раз: нужно одно значение.'],
    ['/tickets?limit[]=1', 'user', 'Параметр limit передаётся как limit=значение, без скобок [].'],
    ['/tickets?limit%5B0%5D=1', 'user', 'Параметр limit передаётся как limit=значение, без скобок [].'],
    ['/tickets?cursor=', 'user', 'Параметр cursor указан без значения: укажите значение или уберите параметр.'],
    ['/tickets?status=registered&status=answered', 'user', 'Параметр status указан несколько раз: нужно одно значение.'],
    // Both values are known statuses: the second is not dropped in silence.
    ['/agent/tickets?status=registered&status=answered', 'agent', 'Параметр status указан несколько раз: нужно одно значение.'],
    ['/agent/tickets?status=', 'agent', 'Параметр status указан без значения: укажите значение или уберите параметр.'],
    ['/agent/tickets?category=other&category=course', 'agent', 'Параметр category указан несколько раз: нужно одно значение.'],
    ['/agent/tickets?q=урок&q=тест', 'agent', 'Параметр q указан несколько раз: нужно одно значение.'],
    ['/agent/tickets?limit[]=5', 'agent', 'Параметр limit передаётся как limit=значение, без скобок [].'],
    ['/agent/deliveries?status=', 'agent', 'Параметр status указан без значения: укажите значение или уберите параметр.'],
    ['/agent/deliveries?status=pending&status=sent', 'agent', 'Параметр status указан несколько раз: нужно одно значение.'],
    ['/agent/deliveries?status[]=sent', 'agent', 'Параметр status передаётся как status=значение, без скобок [].'],
  ] as const)('%s is a 400 naming the parameter', async (path, who, message) => {
    const reply = await call(ts, 'GET', path, { auth: who === 'agent' ? agentAuth : alice });
    expectError(reply, 400, 'bad_request');
    expect(messageOf(reply)).toBe(message);
  });

  it('one value of each, and a cache buster, still answer 200', async () => {
    for (const [path, auth] of [
      ['/tickets?limit=1&status=registered', alice],
      ['/tickets?_=1700000000000', alice],
      ['/agent/tickets?status=registered&category=other&q=%20&limit=5', agentAuth],
      ['/agent/deliveries?status=pending', agentAuth],
      ['/agent/deliveries', agentAuth],
    ] as const) {
      const reply = await call(ts, 'GET', path, { auth });
      expect(reply.status, `${path}: ${reply.text}`).toBe(200);
    }
    // A bad value keeps its own message.
    expect(messageOf(await call(ts, 'GET', '/agent/deliveries?status=lost', { auth: agentAuth }))).toBe('status: одно из pending, sent, failed.');
    expect(messageOf(await call(ts, 'GET', '/tickets?limit=0', { auth: alice }))).toBe('Параметр limit должен быть целым числом от 1 до 100.');
  });
});
