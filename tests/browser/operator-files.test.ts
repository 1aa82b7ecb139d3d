/**
 * The operator page's files for the user follow the server's limits as `GET /meta` gives them: the types the
 * picker offers, the hint under it, and the check that refuses a file before anything is uploaded.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS, createTicketResponseSchema } from '../../src/core';
import { DEMO_PATHS } from '../../src/server';
import { validDrafts } from '../fixtures/drafts';
import { agent, expectClean, openPage, reporterToken, startHarness, visible } from './harness';
import type { Harness } from './harness';

/** A server that takes PNG and PDF only, up to 2 MB, three at a time. */
const LIMITS = { ...DEFAULT_ATTACHMENT_LIMITS, maxFileBytes: 2 * 1024 * 1024, maxFilesPerTicket: 3, acceptedTypes: ['image/png' as const, 'application/pdf' as const] };
const FILES_LABEL = 'Файлы для пользователя (снимок экрана, инструкция в PDF)';

describe('the operator page’s files for the user', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { limits: LIMITS } });
  });
  afterAll(() => h.close());

  it('offers, names and checks the types the server accepts, and uploads nothing it would refuse', async () => {
    const subject = `Не открывается вебинар ${Date.now()}`;
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await reporterToken()}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...validDrafts.other, subject }),
    });
    expect(created.status).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(await created.json());

    const tracked = await openPage(h);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const files = tracked.page.getByLabel(FILES_LABEL);
    await tracked.page.locator('#op-list').getByRole('button', { name: new RegExp(subject) }).click();
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${ticket.number}`, { exact: true }), 'the ticket opened');
    await visible(tracked, tracked.page.getByText('PNG или PDF, до 2 МБ, не больше 3 файлов за раз', { exact: true }), 'the hint with the server’s limits');
    expect(await files.getAttribute('accept')).toBe('image/png,application/pdf');
    await tracked.page.locator('#op-text').fill('Пришлите, пожалуйста, снимок экрана.');
    // A JPEG, which the default limits take and this server does not: refused here, named with what it takes.
    await files.setInputFiles({ name: 'Фото.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    await tracked.page.locator('#op-actions').getByRole('button', { name: 'Написать пользователю' }).click();
    await visible(tracked, tracked.page.locator('#op-result').getByText('Не отправлено: «Фото.jpg» — не PNG или PDF.', { exact: true }), 'the JPEG, refused');
    expect(await tracked.page.evaluate(() => document.activeElement?.id)).toBe('op-files');

    const read = await agent<{ events: { type: string }[] }>(h, 'GET', `/tickets/${ticket.id}`);
    expect(read.events).toHaveLength(1);
    expect(await tracked.page.locator('#op-text').inputValue()).toBe('Пришлите, пожалуйста, снимок экрана.');
    await expectClean(tracked);
  });
});
