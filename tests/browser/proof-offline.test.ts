/**
 * Proof: sending while offline, and sending whose answers are lost, never loses the draft nor duplicates the
 * ticket. The draft with its pasted screenshot survives a reload (localStorage + IndexedDB) with its
 * idempotency key, so the send after it replays the ticket the lost answer had already created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/core';
import { agentTicketsWithSubject, expectClean, fillBasics, hostPage, launcher, openPage, panel, PASTE_PNG, reporterToken, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SUBJECT = 'Не сохраняется прогресс урока';
const DESCRIPTION = 'После перехода к следующему уроку прогресс сбрасывается на ноль.';

async function ticketsOf(subject: string): Promise<Ticket[]> {
  return agentTicketsWithSubject<Ticket>(h, subject);
}

describe('offline and lost answers while sending', () => {
  it('keeps the draft and its attachment through failures and a reload, and the ticket exists exactly once', async () => {
    const token = await reporterToken({ sub: 'proof-offline' });
    const url = h.host.serve('/proof-offline', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const tracked = await openPage(h, url);
    const { page, context } = tracked;
    await visible(tracked, launcher(page));
    await launcher(page).click();
    let dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    await fillBasics(dialog, { category: 'Другой вопрос', subject: SUBJECT, description: DESCRIPTION });
    await dialog.getByLabel('Опишите проблему').evaluate(PASTE_PNG);
    await visible(tracked, dialog.getByText('Загружен', { exact: true }), 'the upload', 15_000);

    // 1. Offline: every attempt fails in the browser, nothing reaches the server, everything stays typed.
    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Отправить обращение' }).click();
    await visible(tracked, dialog.getByText('Обращение не отправлено'), 'the failure while offline', 30_000);
    await visible(tracked, dialog.getByRole('link', { name: 'Отправить по e-mail' }), 'the e-mail fallback');
    expect(await dialog.getByLabel('Тема обращения').inputValue()).toBe(SUBJECT);
    expect(await dialog.getByLabel('Опишите проблему').inputValue()).toBe(DESCRIPTION);
    await visible(tracked, dialog.getByRole('img', { name: 'screenshot.png' }), 'the thumbnail after the failure');
    expect(await ticketsOf(SUBJECT)).toHaveLength(0);
    await context.setOffline(false);

    // 2. Online, but every answer to the create is lost after the server handled it (a reset on the way back).
    let creates = 0;
    await page.route('**/api/v1/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      creates++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await dialog.getByRole('button', { name: 'Повторить' }).click();
    await waitUntil(tracked, 'the retries of the lost answers', async () => creates > 1 && (await dialog.getByRole('button', { name: 'Повторить' }).isEnabled()), 30_000);
    await visible(tracked, dialog.getByText('Обращение не отправлено'), 'the failure after lost answers');
    const created = await ticketsOf(SUBJECT);
    expect(created).toHaveLength(1);
    expect(creates).toBeGreaterThan(1);
    await page.unroute('**/api/v1/tickets');

    // 3. Reload while the API is still unreachable: the draft and the file come back from the browser's storage.
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('uchi-support:ticket-draft:')));
    expect(stored).toHaveLength(1);
    await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await visible(tracked, launcher(page));
    await launcher(page).click();
    dialog = panel(page);
    await visible(tracked, dialog.getByLabel('Тема обращения'), 'the form after the reload', 15_000);
    await waitUntil(tracked, 'the restored subject', async () => (await dialog.getByLabel('Тема обращения').inputValue()) === SUBJECT);
    expect(await dialog.getByLabel('Опишите проблему').inputValue()).toBe(DESCRIPTION);
    await visible(tracked, dialog.getByRole('img', { name: 'screenshot.png' }), 'the restored thumbnail');
    await visible(tracked, dialog.getByText(/Черновик от .* восстановлен/), 'the restored-draft notice');

    // 4. Back online: the send replays the ticket the lost answer created — still exactly one, with its file.
    await page.unroute('**/api/v1/**');
    await dialog.getByRole('button', { name: 'Отправить обращение' }).click();
    await visible(tracked, dialog.getByText('Обращение зарегистрировано').first(), 'the confirmation', 30_000);
    const after = await ticketsOf(SUBJECT);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(created[0]?.id);
    expect(after[0]?.attachments.map((file) => file.name)).toEqual(['screenshot.png']);
    await visible(tracked, dialog.getByText(after[0]?.number ?? 'no number').first(), 'the ticket number');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('uchi-support:ticket-draft:')))).toEqual([]);
    // The failed requests of the offline and lost-answer phases log console errors; nothing else may.
    tracked.errors.splice(0, tracked.errors.length, ...tracked.errors.filter((line) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|Failed to load resource/.test(line)));
    await expectClean(tracked);
    await context.close();
  });
});
