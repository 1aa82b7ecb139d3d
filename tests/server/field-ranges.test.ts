/**
 * Values out of any sensible range: a number far too large or too small is told as a number out of range (the
 * schema's own limit when it has one), never as «a text too long»; a date centuries back is a typo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { fieldMessages } from '../../src/server/field-messages';
import { browserInfo, validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, startTestServer, tableCounts, userAuth } from './helpers';
import type { Reply, TestServer } from './helpers';

const fieldsOf = (reply: Reply) => (reply.body as { error: { fields: Record<string, string> } }).error.fields;

describe('numbers out of range', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'range-alice');
  });
  afterAll(() => ts.cleanup());

  it('a score far past an integer’s safe range is told by the score’s own limits', async () => {
    const created = await createTicket(ts, alice, validDrafts.technical);
    const { id } = createTicketResponseSchema.parse(created.body).ticket;
    expect((await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Ответ' } })).status).toBe(200);
    const rate = (score: number) => call(ts, 'POST', `/tickets/${id}/rating`, { auth: alice, body: `{"score":${score}}`, headers: { 'content-type': 'application/json' } });
    const huge = await rate(1e308);
    expectError(huge, 422, 'validation_failed');
    expect(fieldsOf(huge)).toEqual({ score: 'Слишком большое значение: не больше 5' });
    expect(fieldsOf(await rate(-1e308))).toEqual({ score: 'Слишком маленькое значение: не меньше 1' });
    expect(fieldsOf(await rate(9007199254740992))).toEqual({ score: 'Слишком большое значение: не больше 5' });
  });

  it('a viewport height past an integer’s safe range, with no limit of its own, is told as a number out of range', async () => {
    const before = tableCounts(ts.dbPath).tickets;
    for (const [height, sentence] of [
      [1e308, 'Слишком большое значение: не больше 9007199254740991'],
      [-1e308, 'Слишком маленькое значение: не меньше 0'],
    ] as const) {
      const reply = await createTicket(ts, alice, { ...validDrafts.technical, browser: { ...browserInfo, viewport: { width: 1280, height } } });
      expectError(reply, 422, 'validation_failed');
      expect(fieldsOf(reply)).toEqual({ 'browser.viewport.height': sentence });
    }
    expect(tableCounts(ts.dbPath).tickets).toBe(before);
  });

  it('keeps the first issue of a path otherwise, and a text too long is still a text', () => {
    expect(
      fieldMessages([
        { code: 'too_big', origin: 'string', maximum: 200, path: ['subject'], message: 'too_long' },
        { code: 'too_big', origin: 'number', maximum: 5, path: ['subject'], message: 'too_big' },
      ]),
    ).toEqual({ subject: { ru: 'Слишком длинный текст: не больше 200 символов', en: 'The text is too long: 200 characters at most' } });
    expect(
      fieldMessages([
        { code: 'invalid_type', path: ['score'], message: 'Invalid input', input: 'x' },
        { code: 'too_big', origin: 'number', maximum: 5, path: ['score'], message: 'too_big' },
      ], '', { score: 'x' }),
    ).toEqual({ score: { ru: 'Неверный тип значения', en: 'Wrong type of value' } });
  });
});

describe('dates before 1900', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'date-alice');
  });
  afterAll(() => ts.cleanup());
  const test = { ...validDrafts.test, category: 'test' as const };

  it('a test attempt in year 0 or 1899 is refused with 422 on the field; 1900 and later pass', async () => {
    for (const date of ['0000-01-01', '0001-12-31', '1899-12-31']) {
      const reply = await createTicket(ts, alice, { ...test, testAttemptDate: date });
      expectError(reply, 422, 'validation_failed');
      // The shared schema's code, as the widget checks it before sending: a date to pick again.
      expect(fieldsOf(reply)).toEqual({ testAttemptDate: 'Укажите дату попытки в календаре, например 14.11.2026' });
    }
    expect(tableCounts(ts.dbPath).tickets).toBe(0);
    for (const date of ['1900-01-01', '2026-11-14']) {
      const reply = await createTicket(ts, alice, { ...test, testAttemptDate: date });
      expect(reply.status, `${date}: ${reply.text}`).toBe(201);
    }
  });
});
