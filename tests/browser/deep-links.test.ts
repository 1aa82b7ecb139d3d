/**
 * Links to a ticket and the unread count, through the script tag against the real server: an address with
 * `#uchi-support=<number>` opens that ticket (on load, and when the page's fragment changes later) and loses the
 * fragment; `on('unread')` loads the widget by itself and tells the LMS how many tickets changed unseen.
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agent, expectClean, hostPage, launcher, openPage, panel, reporterToken, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function create(token: string, subject: string) {
  const response = await fetch(`${h.apiUrl}/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `deep-link-${Date.now()}-${Math.random()}` },
    body: JSON.stringify({ ...validDrafts.other, subject }),
  });
  expect(response.status).toBe(201);
  return createTicketResponseSchema.parse(await response.json()).ticket;
}

describe('links to a ticket and the unread count', () => {
  it('opens the linked ticket on load and on a fragment change, removes the fragment, and reports unseen changes', async () => {
    const token = await reporterToken({ sub: 'deep-link-user', name: 'Петров Иван Сергеевич', role: 'listener' });
    const stamp = Date.now();
    const first = await create(token, `Не открывается вебинар ${stamp}`);
    const second = await create(token, `Нет доступа к курсу ${stamp}`);
    const withUnread = snippet(h, [['init', { apiUrl: h.apiUrl, token }]], {
      extra: "\nwindow.__unread = []; UchiSupport('on', 'unread', function (n) { window.__unread.push(n); });",
    });
    const menu = h.host.serve('/courses/deep-link', { body: hostPage(withUnread) });
    // A page that only embeds the widget: nothing loads it but the link.
    const lesson = h.host.serve('/courses/deep-link/lessons/3', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const unread = (page: Page) => page.evaluate(() => (window as unknown as { __unread: number[] }).__unread);
    const bundleLoaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chunks/w-')));

    // Nothing is hovered or clicked: subscribing to `unread` loads the widget, which reports the count (none yet).
    const tracked = await openPage(h, menu);
    const { page } = tracked;
    await waitUntil(tracked, 'the unread count reported', async () => (await unread(page)).length > 0, 15_000);
    expect(await unread(page)).toEqual([0]);

    // A specialist asks about the first ticket: the next LMS page the user opens reports one unseen change.
    await agent(h, 'POST', `/tickets/${first.id}/status`, { status: 'clarification_requested', text: 'Какой браузер у вас?' });
    await page.reload();
    await waitUntil(tracked, 'one unseen change reported', async () => (await unread(page)).at(-1) === 1, 15_000);

    // The e-mail's link: the page opens with the panel on that ticket, and the address loses the fragment.
    await page.goto(`${lesson}#uchi-support=${first.number}`);
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('heading', { level: 2, name: first.subject }), 'the linked ticket', 15_000);
    await visible(tracked, dialog.getByText('Какой браузер у вас?').first(), 'the specialist’s question');
    expect(await page.evaluate(() => [location.pathname, location.hash])).toEqual(['/courses/deep-link/lessons/3', '']);
    // Seen now: the menu page counts nothing unseen.
    await page.goto(menu);
    await waitUntil(tracked, 'the change seen', async () => (await unread(page)).at(-1) === 0, 15_000);

    // A link followed on a page where the widget has not loaded yet: the fragment alone loads it and opens the ticket.
    await page.goto(lesson);
    await visible(tracked, launcher(page));
    expect(await bundleLoaded(page)).toBe(false);
    await page.evaluate((number) => {
      location.hash = `uchi-support=${number}`;
    }, second.number);
    await visible(tracked, dialog.getByRole('heading', { level: 2, name: second.subject }), 'the second linked ticket', 15_000);
    await waitUntil(tracked, 'the fragment removed', async () => (await page.evaluate(() => location.hash)) === '');

    // Someone else's number, or one that does not exist, is not shown: the panel says so.
    const other = await create(await reporterToken({ sub: 'deep-link-other' }), `Чужое обращение ${stamp}`);
    await page.evaluate((number) => {
      location.hash = `uchi-support=${number}`;
    }, other.number);
    await visible(tracked, dialog.getByText(`Обращение № ${other.number} не найдено среди ваших обращений.`), 'the not-found notice');
    expect(await dialog.getByText(other.subject).count()).toBe(0);
    // The browser logs the 404 of that one read; nothing else may be logged.
    const notFound = tracked.errors.filter((line) => line.includes('status of 404') && line.includes(`/tickets/${other.number}`));
    expect(notFound).toHaveLength(1);
    tracked.errors.splice(0, tracked.errors.length, ...tracked.errors.filter((line) => !notFound.includes(line)));
    await expectClean(tracked);
    await tracked.context.close();
  });
});
