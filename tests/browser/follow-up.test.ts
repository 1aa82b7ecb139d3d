/** The operator page shows a follow-up chain: the ticket a follow-up continues and its continuations, each opening the other. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { DEMO_PATHS } from '../../src/server';
import { validDrafts } from '../fixtures/drafts';
import { agent, expectClean, openPage, reporterToken, startHarness, visible } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function create(token: string, body: Record<string, unknown>) {
  const response = await fetch(`${h.apiUrl}/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `follow-up-${Date.now()}-${Math.random()}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return createTicketResponseSchema.parse(await response.json()).ticket;
}

describe('the follow-up chain on the operator page', () => {
  it('names the previous and the next ticket, and opens either', async () => {
    const token = await reporterToken({ sub: 'follow-up-user' });
    const stamp = Date.now();
    const old = await create(token, { ...validDrafts.order, subject: `Заявка не оплачивается ${stamp}` });
    await agent(h, 'POST', `/tickets/${old.id}/status`, { status: 'resolved', text: 'Исправили оплату.' });
    const next = await create(token, { ...validDrafts.order, subject: `Продолжение обращения № ${old.number}`, followUpOf: old.id });

    const tracked = await openPage(h, `${h.server.url}${DEMO_PATHS.operator}`);
    const operator = tracked.page;
    await operator.getByRole('button', { name: new RegExp(`Заявка не оплачивается ${stamp}`) }).click();
    const fields = operator.locator('#op-fields');
    await visible(tracked, fields.getByText('Продолжение', { exact: true }), 'the next link of the old ticket');
    await fields.getByRole('button', { name: `№ ${next.number}` }).click();
    await visible(tracked, operator.getByText(`Обращение № ${next.number}`, { exact: true }), 'the follow-up opened');
    await visible(tracked, fields.getByText('Продолжает', { exact: true }), 'the previous link of the follow-up');
    await fields.getByRole('button', { name: `№ ${old.number}` }).click();
    await visible(tracked, operator.getByText(`Обращение № ${old.number}`, { exact: true }), 'the old ticket opened again');
    await expectClean(tracked);
    await tracked.context.close();
  });
});
