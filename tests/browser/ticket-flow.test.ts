/**
 * The widget against the real server, end to end: a pasted screenshot, a status change by the specialist shown
 * live and announced, the reply; axe on every screen (inside the shadow root).
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, expectClean, fillBasics, hostPage, launcher, openPage, panel, PASTE_PNG, reporterToken, send, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';
import { axeViolations } from './axe';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** axe over the widget's panel: its host element and open shadow root. */
const axe = (page: Page) => axeViolations(page, 'uchi-support-panel');

interface AgentTicket {
  id: string;
  subject: string;
  status: string;
  attachments: { contentType: string; name: string }[];
  events: { status: string; actor: string; text?: string }[];
}

describe('a ticket, live, against the real server', () => {
  it('paste a screenshot, send, see the specialist’s question live and announced, reply; axe-clean screens', async () => {
    const token = await reporterToken({ sub: 'flow-user', name: 'Сидорова Ольга Викторовна', role: 'administrator' });
    const head = snippet(h, [['init', { apiUrl: h.apiUrl, token }]], {
      extra: "\nwindow.__created = []; UchiSupport('on', 'ticket:created', function (event) { window.__created.push(event.ticketId); });",
    });
    const tracked = await openPage(h, h.host.serve('/flow', { body: hostPage(head) }));
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    expect(await axe(page), 'axe: the category choice').toEqual([]);
    await dialog.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    expect(await axe(page), 'axe: empty form').toEqual([]);
    // A field's edge shows it is one: 3:1 against the panel at least (WCAG 1.4.11; axe checks text only).
    const edges = await dialog.locator('textarea, input[type="text"], select').evaluateAll((fields) =>
      fields.map((field) => {
        const channel = (value: number) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
        const luminance = (color: string) => {
          const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
          return 0.2126 * channel(r / 255) + 0.7152 * channel(g / 255) + 0.0722 * channel(b / 255);
        };
        const style = getComputedStyle(field);
        const [edge, fill] = [luminance(style.borderTopColor), luminance(style.backgroundColor)];
        return (Math.max(edge, fill) + 0.05) / (Math.min(edge, fill) + 0.05);
      }),
    );
    expect(edges.length).toBeGreaterThan(1);
    for (const ratio of edges) expect(ratio).toBeGreaterThanOrEqual(3);

    // Sending the empty form lists what is missing.
    await dialog.getByRole('button', { name: 'Отправить обращение' }).click();
    await visible(tracked, dialog.getByText(/^Исправьте \d+ ошиб/), 'the error summary');
    expect(await axe(page), 'axe: form with errors').toEqual([]);
    // Each line of the summary is a target a finger can take: 24 px high at least (WCAG 2.5.8).
    const heights = await dialog.locator('.us-error-summary__list button').evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(24);

    const subject = `Не формируется отчёт ${Date.now()}`;
    await fillBasics(dialog, { subject, description: 'Отчёт по слушателям за ноябрь выгружается пустым.' });
    await dialog.getByLabel('Опишите проблему').evaluate(PASTE_PNG);
    await visible(tracked, dialog.getByText('Загружен', { exact: true }), 'the upload', 15_000);
    // A laptop's short window: the new screen must scroll to show the notice whole.
    await page.setViewportSize({ width: 1280, height: 620 });
    await send(tracked, dialog);
    expect(await axe(page), 'axe: confirmation and timeline').toEqual([]);
    // Focus on the registration notice, the way back above it still in the panel's view.
    await waitUntil(tracked, 'focus on the notice', async () => (await dialog.locator('.us-confirmation').evaluate((node) => node.getRootNode() instanceof ShadowRoot && (node.getRootNode() as ShadowRoot).activeElement === node)));
    const back = await dialog.getByRole('button', { name: 'К списку обращений', exact: true }).boundingBox();
    const header = await dialog.locator('.us-shell__top').boundingBox();
    expect(back !== null && header !== null && back.y >= header.y + header.height, 'the way back is not under the sticky header').toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    const ticketId = await page.evaluate(() => (window as unknown as { __created: string[] }).__created[0]);
    expect(typeof ticketId).toBe('string');
    const stored = await agent<AgentTicket>(h, 'GET', `/tickets/${ticketId}`);
    expect(stored.subject).toBe(subject);
    expect(stored.attachments).toHaveLength(1);
    expect(stored.attachments[0]?.contentType).toBe('image/png');

    // The specialist asks; the open ticket shows it without a reload and says so to screen readers.
    await page.evaluate(() => Object.defineProperty(window, '__samePage', { value: true }));
    await agent(h, 'POST', `/tickets/${ticketId}/status`, { status: 'clarification_requested', text: 'Пришлите ссылку' });
    const question = dialog.getByText('Пришлите ссылку').first();
    await visible(tracked, question, 'the question, live');
    await visible(tracked, dialog.getByText('Техподдержке требуется уточнение').first(), 'the new status, live');
    await visible(tracked, dialog.getByLabel('Ваше уточнение'), 'the reply box');
    const live = dialog.locator('[aria-live="polite"]');
    await waitUntil(tracked, 'the announcement', async () => (await live.allTextContents()).some((text) => text.includes('Статус обращения изменён: Техподдержке требуется уточнение')));
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(await axe(page), 'axe: clarification requested, with the reply box').toEqual([]);

    await dialog.getByLabel('Ваше уточнение').fill('https://lms.example.ru/reports/2025-11');
    await dialog.getByRole('button', { name: 'Отправить уточнение' }).click();
    await visible(tracked, dialog.getByText('Уточнение техподдержке отправлено').first(), 'the reply status');
    const replied = await agent<AgentTicket>(h, 'GET', `/tickets/${ticketId}`);
    expect(replied.status).toBe('clarification_sent');
    expect(replied.events.at(-1)).toMatchObject({ status: 'clarification_sent', actor: 'reporter', text: 'https://lms.example.ru/reports/2025-11' });

    await dialog.getByRole('button', { name: /Мои обращения/ }).click();
    await visible(tracked, dialog.getByText(subject), 'my tickets');
    expect(await axe(page), 'axe: my tickets').toEqual([]);
    await expectClean(tracked);
    await tracked.context.close();
  });
});
