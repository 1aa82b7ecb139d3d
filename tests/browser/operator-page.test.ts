/**
 * The operator page shows what a ticket carries: the page errors the user attached, the steps with their line
 * breaks, everything the widget collected about the browser, files that open (fetched with the agent token), and
 * failed deliveries counted in correct Russian, with the ticket and event each was for.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS, DEV_AGENT_TOKEN } from '../../src/server';
import { pngImage } from '../server/images';
import { guestContact, validDrafts } from '../fixtures/drafts';
import { freePort } from '../fixtures/ports';
import { axeViolations } from './axe';
import { agent, expectClean, openPage, reporterToken, startHarness, visible, waitUntil } from './harness';
import type { Harness, TrackedPage } from './harness';

interface Delivery {
  id: number;
  ticketId: string;
  eventId: number;
  target: string;
  attempts: number;
}

interface Seeded {
  id: string;
  number: string;
  subject: string;
  steps: string;
  pageUrl: string;
  png: { id: string; name: string };
  pdf: { id: string; name: string };
}

/** Specialists with tokens of their own: who handles a ticket is one of them. */
const ANNA = { name: 'Анна Смирнова', token: 'anna-operator-0123456789-abcdefghijklmnopqrstuvwxyz' };
const IVAN = { name: 'Иван Петров', token: 'ivan-operator-0123456789-abcdefghijklmnopqrstuvwxyz' };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** Uploads one file as the reporter. */
async function upload(h: Harness, token: string, bytes: Buffer, name: string, type: string): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${h.apiUrl}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${text}`);
  return JSON.parse(text) as { id: string; name: string };
}

/** A technical ticket, as the widget would send it, with two files and two page errors. */
async function seedTicket(h: Harness): Promise<Seeded> {
  const token = await reporterToken();
  const png = await upload(h, token, await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2f6fed' } }).png().toBuffer(), 'screen.png', 'image/png');
  const pdf = await upload(h, token, PDF, 'act.pdf', 'application/pdf');
  const subject = `Белый экран в уроке ${Date.now()}`;
  const steps = '1. Открыть курс «Охрана труда».\n2. Перейти к уроку 3.\n3. Нажать «Смотреть».';
  const pageUrl = 'https://lms.example.ru/courses/5f0c7a9e/lessons/3';
  const response = await fetch(`${h.apiUrl}/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      category: 'technical',
      subject,
      description: 'После нажатия «Смотреть» страница урока белая.',
      impact: 'blocks_me',
      steps,
      attachmentIds: [png.id, pdf.id],
      browser: {
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
        browser: { name: 'Chromium', version: '156' },
        os: { name: 'Linux', version: '' },
        mobile: false,
        language: 'ru-RU',
        languages: ['ru-RU', 'en-US'],
        timeZone: 'Asia/Yekaterinburg',
        viewport: { width: 1366, height: 657 },
        screen: { width: 1920, height: 1080 },
        pixelRatio: 1.25,
        cookiesEnabled: true,
        online: true,
        pageUrl,
      },
      pageUrl,
      pageErrors: [
        { message: 'TypeError: Cannot read properties of undefined (reading \'play\')', source: 'https://lms.example.ru/assets/player.js:120:17', at: '2026-03-02T09:15:00.000Z' },
        { message: 'Unhandled rejection: NetworkError', at: '2026-03-02T09:15:05.000Z' },
      ],
    }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`create: ${response.status} ${text}`);
  const { ticket } = JSON.parse(text) as { ticket: { id: string; number: string } };
  return { id: ticket.id, number: ticket.number, subject, steps, pageUrl, png, pdf };
}

/** `text` as a regular expression matching it literally. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `<dd>` of the ticket field named `name`. */
const field = (tracked: TrackedPage, name: string) =>
  tracked.page.locator('#op-fields dt', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }).locator('xpath=following-sibling::dd[1]');

describe('the operator page', () => {
  let h: Harness;
  let deadDesk = '';
  let seeded: Seeded;

  beforeAll(async () => {
    // A desk that is down: the ticket's webhook is given up at once and listed as failed.
    deadDesk = `http://127.0.0.1:${await freePort()}/down`;
    h = await startHarness({
      config: { agents: [ANNA, IVAN], notifications: { webhookUrls: [deadDesk], webhookSecret: 'whsec-operator-0123456789-abcdefghijklmnopqrstuvwxyz', pollMs: 50, giveUpMs: 1 } },
    });
    seeded = await seedTicket(h);
  });
  afterAll(() => h.close());

  /** The operator page (recording the blob: URLs it revokes) with the seeded ticket open. */
  async function openTicket(options: { blockTabs?: boolean } = {}): Promise<TrackedPage> {
    const tracked = await openPage(h);
    await tracked.context.addInitScript((blockTabs: boolean) => {
      const revoked: string[] = [];
      Object.defineProperty(window, '__revoked', { value: revoked });
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.revokeObjectURL = (url: string) => {
        revoked.push(url);
        revoke(url);
      };
      // As a browser does when the click's activation ran out before the file arrived.
      if (blockTabs) window.open = () => null;
    }, options.blockTabs === true);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const row = tracked.page.locator('#op-list').getByRole('button', { name: new RegExp(seeded.subject) });
    await visible(tracked, row, 'the seeded ticket in the list');
    await row.click();
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${seeded.number}`, { exact: true }), 'the ticket opened');
    return tracked;
  }

  it('shows the page errors, the steps with their line breaks and the whole browser description', async () => {
    const tracked = await openTicket();
    const { page } = tracked;

    const errors = field(tracked, 'Ошибки страницы (2)');
    await visible(tracked, errors, 'the page errors row');
    // The page the ticket was sent from is a link (opening in a new tab).
    expect(await field(tracked, 'Страница').getByRole('link', { name: seeded.pageUrl }).getAttribute('href')).toBe(seeded.pageUrl);
    const items = errors.locator('li');
    expect(await items.count()).toBe(2);
    const first = await items.nth(0).innerText();
    expect(first).toContain("TypeError: Cannot read properties of undefined (reading 'play')");
    expect(first).toContain('https://lms.example.ru/assets/player.js:120:17');
    expect(first).toContain('02.03.2026, 12:15 МСК');
    expect(await items.nth(1).innerText()).toContain('Unhandled rejection: NetworkError');

    // innerText keeps line breaks only where white-space keeps them.
    const steps = field(tracked, 'Шаги');
    expect(await steps.innerText()).toBe(seeded.steps);
    expect(await steps.locator('.op-pre').evaluate((node) => getComputedStyle(node).whiteSpace)).toBe('pre-wrap');

    const browser = field(tracked, 'Браузер');
    const described = await browser.innerText();
    for (const part of ['Chromium 156, Linux', 'Окно браузера: 1366×657', 'экран: 1920×1080', 'масштаб экрана: 1.25', 'Языки: ru-RU, en-US', 'Часовой пояс: Asia/Yekaterinburg', 'Мобильное устройство: нет', 'В сети: да', 'Cookies: включены', 'User-Agent: Mozilla/5.0 (X11; Linux x86_64)']) {
      expect(described).toContain(part);
    }
    // The page the browser was on is the ticket's own: named once, in the «Страница» row.
    expect(await browser.getByRole('link').count()).toBe(0);
    expect(await page.locator('#op-fields').getByRole('link', { name: seeded.pageUrl }).count()).toBe(1);
    await expectClean(tracked);
    await page.context().close();
  });

  it('uses a wide screen for the ticket, and keeps each filter\'s label with its field on a narrow one', async () => {
    const tracked = await openTicket();
    const { page } = tracked;
    await page.setViewportSize({ width: 1600, height: 900 });
    // Before, the page kept to 980 px whatever the screen, and the ticket had about 560 of them.
    await waitUntil(tracked, 'the ticket wider than 800 px', async () => ((await page.locator('#op-detail').boundingBox())?.width ?? 0) > 800);
    await page.setViewportSize({ width: 320, height: 700 });
    await waitUntil(tracked, 'nothing wider than the screen', async () => (await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
    for (const id of ['op-filter', 'op-order', 'op-assignee-filter', 'op-search']) {
      const [label, control] = [await page.locator(`label[for="${id}"]`).boundingBox(), await page.locator(`#${id}`).boundingBox()];
      // Beside it, or right above it: never a label ending one line and its field starting the next far away.
      expect(label !== null && control !== null && control.y - (label.y + label.height) < 12 && control.x <= label.x + label.width + 16, id).toBe(true);
    }
    await expectClean(tracked);
    await page.context().close();
  });

  it('erases a guest\'s personal data on request, asking once more first; «Отмена» erases nothing', async () => {
    const address = `erase-${Date.now()}@example.ru`;
    const send = async (subject: string) => {
      const created = await fetch(`${h.apiUrl}/tickets`, {
        method: 'POST',
        headers: { authorization: `Guest ${randomBytes(32).toString('base64url')}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ...validDrafts.other, subject, contact: { ...guestContact, fullName: 'Стиранов Гость Гостевич', email: address }, consent: true }),
      });
      return ((await created.json()) as { ticket: { number: string } }).ticket.number;
    };
    const [first] = [await send('Первое обращение гостя'), await send('Второе обращение гостя')];
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.goto(`${h.server.url}${DEMO_PATHS.operator}#${first}`);
    await visible(tracked, page.locator('#op-detail-title').getByText(`Обращение № ${first}`, { exact: true }), 'the guest’s ticket');
    await visible(tracked, field(tracked, 'Пользователь').getByText(/^Стиранов Гость Гостевич/), 'the guest’s name');
    // Asked first; «Отмена» leaves everything as it was.
    await page.getByRole('button', { name: 'Удалить данные этого обращения' }).click();
    await visible(tracked, page.getByText(`Удалить персональные данные обращения № ${first}? Это нельзя отменить.`), 'the question');
    await page.getByRole('button', { name: 'Отмена' }).click();
    expect(await page.locator('#op-erase-confirm').isHidden()).toBe(true);
    // Every ticket of the person, by the address they gave.
    await page.getByRole('button', { name: 'Удалить данные всех обращений пользователя' }).click();
    await visible(tracked, page.getByText(`Удалить персональные данные всех обращений гостя с адресом ${address}? Это нельзя отменить.`), 'the question');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('op-erase-question');
    await page.getByRole('button', { name: 'Удалить безвозвратно' }).click();
    await visible(tracked, page.locator('#op-erase-result').getByText('Персональные данные удалены, обращений: 2, файлов: 0.'), 'the result');
    await waitUntil(tracked, 'the name gone from the ticket', async () => (await field(tracked, 'Пользователь').innerText()).startsWith('—'));
    // Nothing left to erase: the buttons go.
    await waitUntil(tracked, 'no erasure offered', async () => await page.getByRole('button', { name: 'Удалить данные этого обращения' }).isHidden());
    expect(await axeViolations(page, '#op-detail')).toEqual([]);
    await expectClean(tracked);
    await page.context().close();
  });

  it('shows where a link to a lookalike host really goes', async () => {
    // «uchі.pro» with a Cyrillic і: it reads as the LMS, and goes to xn--uch-lhd.pro.
    const lookalike = 'https://uch\u0456.pro/courses/7f3c';
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await reporterToken()}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...validDrafts.technical, pageUrl: lookalike }),
    });
    const { ticket } = (await created.json()) as { ticket: { number: string } };
    const tracked = await openPage(h);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}#${ticket.number}`);
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${ticket.number}`, { exact: true }), 'the ticket opened');
    const link = field(tracked, 'Страница').getByRole('link');
    expect(await link.innerText()).toBe(`${lookalike} (xn--uch-lhd.pro)`);
    expect(new URL((await link.getAttribute('href')) ?? '').hostname).toBe('xn--uch-lhd.pro');
    await expectClean(tracked);
  });

  it('shows a test’s question and the date of the attempt', async () => {
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await reporterToken()}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...validDrafts.test, testAttemptDate: '2026-03-02' }),
    });
    const { ticket } = (await created.json()) as { ticket: { number: string } };
    const tracked = await openPage(h);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}#${ticket.number}`);
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${ticket.number}`, { exact: true }), 'the ticket opened');
    expect(await field(tracked, 'Вопрос теста').innerText()).toBe((validDrafts.test as { testQuestion: string }).testQuestion);
    expect(await field(tracked, 'Дата попытки').innerText()).toBe('02.03.2026');
    await expectClean(tracked);
  });

  it('says when the reporter used the widget in English, so the answer is written in it', async () => {
    const send = async (language: string) => {
      const created = await fetch(`${h.apiUrl}/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await reporterToken()}`, 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'accept-language': language },
        body: JSON.stringify(validDrafts.other),
      });
      return ((await created.json()) as { ticket: { number: string } }).ticket.number;
    };
    const [english, russian] = [await send('en-GB,en;q=0.9'), await send('ru-RU,ru;q=0.9')];
    const tracked = await openPage(h);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}#${english}`);
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${english}`, { exact: true }), 'the English ticket opened');
    expect(await field(tracked, 'Язык').innerText()).toBe('английский: виджет и письма у пользователя на английском, отвечайте по-английски');
    // Another ticket's link pasted into the open tab opens that ticket, and what is typed goes to it.
    await tracked.page.evaluate((number) => (location.hash = `#${number}`), russian);
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${russian}`, { exact: true }), 'the Russian ticket opened by the address');
    await visible(tracked, tracked.page.locator('#op-fields').getByText('Категория', { exact: true }), 'its fields');
    expect(await tracked.page.locator('#op-fields').getByText('Язык', { exact: true }).count()).toBe(0);
    await expectClean(tracked);
  });

  it('opens a file fetched with the agent token in a new tab from a blob: URL, then revokes the URL', async () => {
    const tracked = await openTicket();
    const { page, context } = tracked;
    const files = field(tracked, 'Файлы');

    for (const [file, type] of [[seeded.png, 'image/png'], [seeded.pdf, 'application/pdf']] as const) {
      const [request, tab] = await Promise.all([
        page.waitForRequest((request) => new URL(request.url()).pathname === `/api/v1/attachments/${file.id}`),
        context.waitForEvent('page'),
        files.getByRole('button', { name: file.name, exact: true }).click(),
      ]);
      expect((await request.allHeaders()).authorization).toBe(`Bearer ${DEV_AGENT_TOKEN}`);
      expect((await request.response())?.status()).toBe(200);
      await tab.waitForLoadState('load');
      expect(tab.url().startsWith(`blob:${h.server.url}/`), tab.url()).toBe(true);
      expect(await tab.evaluate(() => document.contentType)).toBe(type);
      if (type === 'image/png') expect(await tab.locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([40, 30]);
      await visible(tracked, page.getByRole('status').getByText(`Файл «${file.name}» открыт в новой вкладке.`), 'the opened note');
      const url = tab.url();
      await waitUntil(tracked, 'the blob: URL revoked once the tab shows it', async () => page.evaluate((url) => (window as unknown as { __revoked: string[] }).__revoked.includes(url), url));
      await tab.close();
    }
    await expectClean(tracked);
    await context.close();
  });

  it('downloads the file under its name when the browser blocks the new tab', async () => {
    const tracked = await openTicket({ blockTabs: true });
    const { page, context } = tracked;
    const [download] = await Promise.all([page.waitForEvent('download'), field(tracked, 'Файлы').getByRole('button', { name: seeded.png.name, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(seeded.png.name);
    expect(download.url().startsWith(`blob:${h.server.url}/`), download.url()).toBe(true);
    await waitUntil(tracked, 'the download URL revoked', async () => page.evaluate((url) => (window as unknown as { __revoked: string[] }).__revoked.includes(url), download.url()));
    await expectClean(tracked);
    await context.close();
  });

  it('counts failed attempts in correct Russian and names the ticket and event of each delivery', async () => {
    // The real failed delivery (the desk is down: one attempt), then the page's list with more attempts added.
    let failed: Delivery | undefined;
    const tracked = await openPage(h);
    await waitUntil(tracked, 'the failed webhook of the seeded ticket', async () => {
      const { deliveries } = await agent<{ deliveries: Delivery[] }>(h, 'GET', '/deliveries?status=failed');
      failed = deliveries.find((delivery) => delivery.ticketId === seeded.id && delivery.target === deadDesk);
      return failed !== undefined;
    }, 15_000);
    expect(failed?.attempts).toBe(1);
    const { page } = tracked;
    await page.route(
      (url) => url.pathname === '/api/v1/agent/deliveries',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { deliveries: Delivery[] };
        const more = [4, 5, 21].map((attempts, index) => ({ ...failed, id: -1 - index, target: `${deadDesk}/${attempts}`, attempts }));
        await route.fulfill({ response, json: { deliveries: [...body.deliveries.filter((delivery) => delivery.ticketId === seeded.id), ...more] } });
      },
    );
    await page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const region = page.getByRole('region', { name: 'Не доставлено (e-mail и вебхуки)' });
    const line = (target: string, attempts: string) => region.locator('li').filter({ hasText: new RegExp(`^Вебхук → ${escapeRegExp(target)}: ${attempts},`) });
    await visible(tracked, line(deadDesk, '1 попытка'), '«1 попытка»');
    await visible(tracked, line(`${deadDesk}/4`, '4 попытки'), '«4 попытки»');
    await visible(tracked, line(`${deadDesk}/5`, '5 попыток'), '«5 попыток»');
    await visible(tracked, line(`${deadDesk}/21`, '21 попытка'), '«21 попытка»');

    // The ticket by its number (it is in the list), its event by id; the event is described once the ticket is read.
    const real = line(deadDesk, '1 попытка');
    await visible(tracked, real.getByText(new RegExp(`^Обращение № ${seeded.number}, событие ${failed?.eventId ?? '?'}$`)), 'the ticket and event of the delivery');
    await real.getByRole('button', { name: `№ ${seeded.number}`, exact: true }).click();
    await visible(tracked, page.locator('#op-detail-title').getByText(`Обращение № ${seeded.number}`, { exact: true }), 'the ticket the delivery was for, opened');
    await visible(tracked, real.getByText(`, событие ${failed?.eventId ?? '?'} (Система: Обращение зарегистрировано,`), 'the event of the delivery, described');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('shows the newest five failed deliveries, and the rest on «Показать все»', async () => {
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.route(
      (url) => url.pathname === '/api/v1/agent/deliveries',
      async (route) => {
        const response = await route.fetch();
        const many = Array.from({ length: 9 }, (_, index) => ({ id: -1 - index, kind: 'webhook', target: `${deadDesk}/${index}`, eventId: 1, ticketId: seeded.id, status: 'failed', attempts: 2, nextAttemptAt: null, lastError: 'HTTP 503', createdAt: new Date().toISOString(), sentAt: null }));
        await route.fulfill({ response, json: { deliveries: many } });
      },
    );
    await page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const region = page.getByRole('region', { name: 'Не доставлено (e-mail и вебхуки)' });
    const all = region.getByRole('button', { name: 'Показать все (9)' });
    await visible(tracked, all, '«Показать все (9)»');
    expect(await region.locator('li').count()).toBe(5);
    await all.focus();
    await page.keyboard.press('Enter');
    await waitUntil(tracked, 'all nine rows', async () => (await region.locator('li').count()) === 9, 15_000);
    expect(await all.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#op-deliveries li')[5])).toBe(true);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('sends a failed delivery again with the keyboard: the row leaves the list, the result is announced, focus stays in the section', async () => {
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const region = page.getByRole('region', { name: 'Не доставлено (e-mail и вебхуки)' });
    // The seeded ticket's webhook, among those of the other tickets the tests filed.
    const { deliveries } = await agent<{ deliveries: Delivery[] }>(h, 'GET', '/deliveries?status=failed');
    const failed = deliveries.find((delivery) => delivery.ticketId === seeded.id && delivery.target === deadDesk);
    // Other tests' tickets failed later: the seeded one's may be past the newest five the section shows at first.
    const all = region.getByRole('button', { name: /^Показать все/ });
    await waitUntil(tracked, 'the failed deliveries listed', async () => (await region.locator('li').count()) > 0);
    if (await all.isVisible()) await all.click();
    const row = region
      .locator('li')
      .filter({ hasText: new RegExp(`^Вебхук → ${escapeRegExp(deadDesk)}: 1 попытка,`) })
      .filter({ has: page.locator(`button[data-delivery-id="${failed?.id ?? 0}"]`) });
    await visible(tracked, row, 'the failed webhook');
    expect(await axeViolations(page, '#op-deliveries-section')).toEqual([]);
    const retry = row.getByRole('button', { name: `Отправить снова: Вебхук → ${deadDesk}` });
    await retry.focus();
    await page.keyboard.press('Enter');
    await visible(tracked, region.getByRole('status').getByText(`Доставка ${failed?.id ?? '?'} снова в очереди`), 'the announcement');
    expect(await row.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('op-deliveries-title');
    // The server sent it again: the desk is still down, so it is given up again, after a new attempt.
    await waitUntil(tracked, 'the delivery tried again and given up again', async () => {
      const again = await agent<{ deliveries: Delivery[] }>(h, 'GET', '/deliveries?status=failed');
      return again.deliveries.some((delivery) => delivery.id === failed?.id);
    }, 15_000);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('keeps what is typed with its ticket, the keyboard place across refreshes, long words inside their column, and finds «№ …»', async () => {
    const token = await reporterToken();
    const longWord = 'Нераспознанныйидентификаторсессии'.repeat(12);
    const subject = `Длинное слово ${Date.now()}`;
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      // Two problems the user confirmed as one: the list says what the check found.
      body: JSON.stringify({
        ...validDrafts.other,
        subject,
        description: `Не открывается видео в курсе «Охрана труда»: ошибка ${longWord}, ссылка https://lms.example.ru/${'a'.repeat(300)}. Кроме того, в отчёте по группе неверные даты.`,
        oneProblemConfirmed: true,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const other = (await created.json()) as { ticket: { id: string; number: string } };

    const tracked = await openPage(h);
    const { page } = tracked;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const row = (id: string) => page.locator(`#op-list button[data-ticket-id="${id}"]`);
    const activeId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ticketId ?? document.activeElement?.id ?? '');
    await visible(tracked, row(seeded.id), 'the seeded ticket');
    expect(await row(other.ticket.id).textContent()).toMatch(/проверка нашла проблем: [2-9]/);
    expect(await row(seeded.id).textContent()).not.toContain('проверка нашла');

    // Enter on a row opens the ticket and takes the focus to its details.
    await row(seeded.id).focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-detail-title').getByText(`Обращение № ${seeded.number}`, { exact: true }), 'the seeded ticket opened');
    expect(await activeId()).toBe('op-detail-title');
    await page.locator('#op-text').fill('Ответ для первого обращения');

    // Another ticket: its own (empty) text, and its long word wraps inside the column.
    await row(other.ticket.id).focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-detail-title').getByText(`Обращение № ${other.ticket.number}`, { exact: true }), 'the other ticket opened');
    expect(await page.locator('#op-text').inputValue()).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const detail = await page.locator('#op-detail').boundingBox();
    expect((detail?.x ?? 0) + (detail?.width ?? 0)).toBeLessThanOrEqual(1024);

    // Back: the text typed for the first is still its own.
    await row(seeded.id).focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-detail-title').getByText(`Обращение № ${seeded.number}`, { exact: true }), 'the seeded ticket again');
    expect(await page.locator('#op-text').inputValue()).toBe('Ответ для первого обращения');
    // The address names the opened ticket: a reload reopens it with its unsent text.
    expect(new URL(page.url()).hash).toBe(`#${seeded.number}`);
    await page.reload();
    await visible(tracked, page.locator('#op-detail-title').getByText(`Обращение № ${seeded.number}`, { exact: true }), 'the seeded ticket after a reload');
    expect(await page.locator('#op-text').inputValue()).toBe('Ответ для первого обращения');
    // A text over the limit is not cut without a word: the server's answer says so, and the text stays.
    await page.locator('#op-text').fill('я'.repeat(5001));
    await page.locator('#op-actions').getByRole('button').first().click();
    await visible(tracked, page.locator('#op-result').getByText(/не больше 5000 символов/), 'the limit, told');
    expect((await page.locator('#op-text').inputValue()).length).toBe(5001);
    // The browser logs the refusal it was meant to get.
    tracked.errors.splice(0, tracked.errors.length, ...tracked.errors.filter((line) => !/status of 422 .*\/status\)$/.test(line)));

    // The user writes on the other ticket, shown before: its row says so, though its status stays.
    const wrote = await fetch(`${h.apiUrl}/tickets/${other.ticket.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Не помогло' }),
    });
    expect(wrote.status).toBe(201);
    await waitUntil(tracked, 'the other ticket marked «есть новое»', async () => ((await row(other.ticket.id).textContent()) ?? '').includes('есть новое'), 15_000);
    expect((await row(seeded.id).textContent()) ?? '').not.toContain('есть новое');

    // A row keeps the focus across the automatic refresh that rebuilds the list.
    await row(other.ticket.id).focus();
    const updated = await page.locator('#op-updated').textContent();
    await waitUntil(tracked, 'an automatic refresh', async () => (await page.locator('#op-updated').textContent()) !== updated, 15_000);
    expect(await activeId()).toBe(other.ticket.id);

    // The number as the page writes it.
    await page.locator('#op-search').fill(`№ ${other.ticket.number}`);
    await page.keyboard.press('Enter');
    await waitUntil(tracked, 'the search by «№ …»', async () => (await page.locator('#op-list li').count()) === 1 && (await row(other.ticket.id).count()) === 1, 15_000);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('takes a ticket, hands it over and filters by assignee, signed in with a token of one’s own; a change over a colleague’s is refused', async () => {
    const token = await reporterToken();
    const subject = `Исполнитель ${Date.now()}`;
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...validDrafts.other, subject }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const ticket = ((await created.json()) as { ticket: { id: string; number: string } }).ticket;

    const tracked = await openPage(h);
    const { page } = tracked;
    // The page's own refresh every few seconds stays still: what it shows changes only by what this test does.
    await page.clock.install();
    await page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    await page.clock.pauseAt(new Date(Date.now() + 1000));
    await visible(tracked, page.locator('#op-who').getByText(/общим токеном/u), 'the shared token said');
    // The shared token names nobody: no «Мои», no «Взять себе».
    expect(await page.locator('#op-assignee-filter option[value="me"]').evaluate((option) => (option as HTMLOptionElement).hidden)).toBe(true);
    await page.getByLabel('Свой токен специалиста').fill(ANNA.token);
    await page.getByLabel('Свой токен специалиста').press('Enter');
    await visible(tracked, page.locator('#op-who').getByText(`Вы вошли как ${ANNA.name}.`), 'signed in as Anna');

    const row = page.locator('#op-list').getByRole('button', { name: new RegExp(subject) });
    await visible(tracked, row, 'the new ticket');
    expect(await row.innerText()).toContain('без исполнителя');
    await row.focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-assignee-now').getByText('Никто не ведёт это обращение.'), 'nobody handles it');
    const take = page.getByRole('button', { name: 'Взять себе' });
    await take.focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-assignee-now').getByText(`Ведёт: ${ANNA.name} (вы).`), 'taken');
    await waitUntil(tracked, 'the row says who handles it', async () => (await row.innerText()).includes(`исполнитель: ${ANNA.name} (вы)`));
    await visible(tracked, page.locator('#op-events').getByText(`Исполнитель: ${ANNA.name} (взято себе)`), 'the history');
    // The button is gone with the take: the focus is on the section's title, not the page's body.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('op-assign-title');

    // «Мои» lists it, «Без исполнителя» does not.
    await page.getByRole('combobox', { name: 'Исполнитель', exact: true }).selectOption('me');
    await waitUntil(tracked, '«Мои»', async () => (await row.count()) === 1 && (await page.locator('#op-list button').count()) === 1);
    await page.getByRole('combobox', { name: 'Исполнитель', exact: true }).selectOption('none');
    await waitUntil(tracked, '«Без исполнителя»', async () => (await row.count()) === 0);
    await page.getByRole('combobox', { name: 'Исполнитель', exact: true }).selectOption('');
    await visible(tracked, row, 'every ticket again');

    // Handed over to a colleague, by keyboard.
    await page.getByLabel('Передать специалисту').selectOption(IVAN.name);
    await page.getByRole('button', { name: 'Передать', exact: true }).focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-assignee-now').getByText(`Ведёт: ${IVAN.name}.`), 'handed over');
    await visible(tracked, page.locator('#op-events').getByText(`Исполнитель: ${IVAN.name} (передано: ${ANNA.name}, был ${ANNA.name})`), 'the hand-over in the history');

    // Ivan releases it meanwhile: taking over what the page still shows as his is refused, and says why.
    const released = await fetch(`${h.apiUrl}/agent/tickets/${ticket.id}/assignee`, {
      method: 'POST',
      headers: { authorization: `Bearer ${IVAN.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agent: null }),
    });
    expect(released.status).toBe(200);
    await page.getByRole('button', { name: `Забрать себе у ${IVAN.name}` }).focus();
    await page.keyboard.press('Enter');
    await visible(tracked, page.locator('#op-assign-result').getByText(/Не изменено: У обращения № .* уже нет исполнителя/u), 'the refusal');
    await visible(tracked, page.locator('#op-assignee-now').getByText('Никто не ведёт это обращение.'), 'the ticket as it is now');
    // axe runs on the page's timers.
    await page.clock.resume();
    // The refused take is the browser's logged 409; nothing else may be.
    expect(tracked.errors.filter((line) => /status of 409 .*\/assignee\)$/.test(line))).toHaveLength(1);
    tracked.errors.splice(0, tracked.errors.length, ...tracked.errors.filter((line) => !/status of 409 .*\/assignee\)$/.test(line)));
    expect(await axeViolations(page, '#content')).toEqual([]);
    await expectClean(tracked);
  });

  it('lists the ratings under 4 with their comments, each opening its ticket', async () => {
    const token = await reporterToken();
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...validDrafts.other, subject: `Низкая оценка ${Date.now()}` }),
    });
    expect(created.status).toBe(201);
    const ticket = ((await created.json()) as { ticket: { id: string; number: string } }).ticket;
    await agent(h, 'POST', `/tickets/${ticket.id}/status`, { status: 'answered', text: 'Перезагрузите страницу.' });
    const rated = await fetch(`${h.apiUrl}/tickets/${ticket.id}/rating`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ score: 2, comment: 'Не помогло, урок так и не открылся' }),
    });
    expect(rated.status).toBe(200);
    const tracked = await openPage(h);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const section = tracked.page.getByRole('region', { name: 'Оценки ниже 4 за 30 дней' });
    const entry = section.getByRole('button', { name: new RegExp(`№ ${ticket.number} .* оценка 2: «Не помогло, урок так и не открылся»`) });
    await visible(tracked, entry, 'the low rating');
    await entry.click();
    await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${ticket.number}`, { exact: true }), 'its ticket opened');
    expect(await axeViolations(tracked.page, '#content')).toEqual([]);
    await expectClean(tracked);
  });

  // Last: it moves the seeded ticket on.
  it('shows the queue: only what waits for support, the soonest deadline first, each with its deadline', async () => {
    const token = await reporterToken();
    const file = async (subject: string, impact: string) => {
      const response = await fetch(`${h.apiUrl}/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ...validDrafts.other, subject, impact }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { ticket: { id: string } }).ticket.id;
    };
    const stamp = Date.now();
    await file(`Очередь: неважное ${stamp}`, 'minor');
    await file(`Очередь: срочное ${stamp}`, 'blocks_everyone');
    const answered = await file(`Очередь: отвеченное ${stamp}`, 'blocks_everyone');
    await agent(h, 'POST', `/tickets/${answered}/status`, { status: 'answered', text: 'Готово.' });

    const tracked = await openPage(h);
    await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const rows = tracked.page.locator('#op-list button');
    await visible(tracked, rows.filter({ hasText: `Очередь: неважное ${stamp}` }), 'the newest-first list');
    await tracked.page.locator('#op-order').selectOption('due');
    const ours = async () => (await rows.allInnerTexts()).filter((text) => text.includes(String(stamp)));
    await waitUntil(tracked, 'the queue', async () => (await ours()).length === 2);
    const [first, second] = await ours();
    expect(first).toContain(`Очередь: срочное ${stamp}`);
    // Nobody has looked at it yet: its deadline is the first look's, within 60 working minutes.
    expect(first).toMatch(/рассмотреть до \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} МСК/u);
    expect(second).toContain(`Очередь: неважное ${stamp}`);
    // What waits for the user is not in the queue.
    expect((await rows.allInnerTexts()).some((text) => text.includes(`Очередь: отвеченное ${stamp}`))).toBe(false);
    // «Не помогло» after the answer: the ticket is back in the queue, and its row says why (for anyone who opens
    // the page, not only for a browser that showed it before).
    const wrote = await fetch(`${h.apiUrl}/tickets/${answered}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Не помогло' }),
    });
    expect(wrote.status).toBe(201);
    await waitUntil(tracked, 'the answered ticket back in the queue', async () => (await ours()).length === 3, 15_000);
    const back = (await ours()).find((text) => text.includes(`Очередь: отвеченное ${stamp}`)) ?? '';
    expect(back).toContain('Ответ техподдержки · ');
    expect(back).toContain('пользователь написал после ответа');
    expect(back).toMatch(/решить до \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} МСК/u);
    // The specialist writes back without moving it: the user's ticket gets the message, the status stays, and
    // the ticket leaves the queue (support has spoken again).
    await rows.filter({ hasText: `Очередь: отвеченное ${stamp}` }).click();
    await visible(tracked, tracked.page.locator('#op-events').getByText('Не помогло'), 'the user’s message in the history');
    await tracked.page.locator('#op-text').fill('Откройте тест в другом браузере, пожалуйста.');
    await tracked.page.getByLabel('Файлы для пользователя (снимок экрана, инструкция в PDF)').setInputFiles({ name: 'Где кнопка.png', mimeType: 'image/png', buffer: await pngImage() });
    await tracked.page.locator('#op-actions').getByRole('button', { name: 'Написать пользователю' }).click();
    await visible(tracked, tracked.page.locator('#op-result').getByText('Сообщение отправлено пользователю'), 'the message, sent');
    await visible(tracked, tracked.page.locator('#op-events').getByText('Откройте тест в другом браузере, пожалуйста.'), 'the message in the history');
    const read = await fetch(`${h.apiUrl}/tickets/${answered}`, { headers: { authorization: `Bearer ${token}` } });
    const mine = (await read.json()) as { status: string; events: { actor: string; type: string; text?: string; attachments: { name: string }[] }[] };
    expect(mine.status).toBe('answered');
    expect(mine.events.at(-1)).toMatchObject({ actor: 'support', type: 'message', text: 'Откройте тест в другом браузере, пожалуйста.', attachments: [{ name: 'Где кнопка.png' }] });
    expect(await tracked.page.getByLabel('Файлы для пользователя (снимок экрана, инструкция в PDF)').inputValue()).toBe('');
    await waitUntil(tracked, 'the answered ticket out of the queue again', async () => (await ours()).length === 2, 15_000);
    // The user writes again while the ticket is open: the page says so (a live region), not only in the history.
    expect((await fetch(`${h.apiUrl}/tickets/${answered}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'В другом браузере то же самое' }),
    })).status).toBe(201);
    await waitUntil(tracked, 'the user’s new message announced', async () => /новое сообщение пользователя/.test((await tracked.page.locator('#op-news').textContent()) ?? ''), 15_000);
    expect(await tracked.page.locator('#op-news').getAttribute('role')).toBe('status');
    // What the page said of the specialist's own message is out of date once the user wrote.
    expect(await tracked.page.locator('#op-result').textContent()).toBe('');
    // An empty message is refused before anything is uploaded: the field says so and takes the focus.
    await tracked.page.locator('#op-text').fill('');
    await tracked.page.getByLabel('Файлы для пользователя (снимок экрана, инструкция в PDF)').setInputFiles({ name: 'Снимок.png', mimeType: 'image/png', buffer: await pngImage() });
    await tracked.page.locator('#op-actions').getByRole('button', { name: 'Написать пользователю' }).click();
    await visible(tracked, tracked.page.locator('#op-result').getByText('Не отправлено: напишите сообщение пользователю.'), 'the empty message, refused');
    expect(await tracked.page.locator('#op-text').getAttribute('aria-invalid')).toBe('true');
    expect(await tracked.page.evaluate(() => document.activeElement?.id)).toBe('op-text');
    expect(await axeViolations(tracked.page, '#content')).toEqual([]);
    // A refused reply leaves the news; one sent answers it, and the news goes.
    expect(await tracked.page.locator('#op-news').textContent()).toMatch(/новое сообщение пользователя/);
    await tracked.page.locator('#op-text').fill('Попробуйте режим инкогнито.');
    await tracked.page.locator('#op-actions').getByRole('button', { name: 'Написать пользователю' }).click();
    await visible(tracked, tracked.page.locator('#op-events').getByText('Попробуйте режим инкогнито.'), 'the reply in the history');
    expect(await tracked.page.locator('#op-news').textContent()).toBe('');
    await expectClean(tracked);
  });

  it('offers only the moves the status table allows now, and none on a closed ticket', async () => {
    await agent(h, 'POST', `/tickets/${seeded.id}/status`, { status: 'answered', text: 'Перезагрузите страницу урока.' });
    const tracked = await openTicket();
    const actions = tracked.page.locator('#op-actions');
    // Hidden buttons are not in the accessibility tree: the roles are what a specialist is offered.
    const offered = async () => (await actions.getByRole('button').allInnerTexts()).join(' | ');
    await waitUntil(tracked, 'the answered ticket’s three moves and the message', async () => (await offered()) === 'Запросить уточнение | В работу | Вопрос решён | Написать пользователю');
    const focused = () => tracked.page.evaluate(() => (document.activeElement as HTMLElement | null)?.id || document.activeElement?.textContent || '');
    // From the keyboard: the move pressed is no longer offered, and the focus goes to the first move that is.
    await actions.getByRole('button', { name: 'В работу' }).focus();
    await tracked.page.keyboard.press('Enter');
    await visible(tracked, tracked.page.getByText('Статус изменён: Обращение в работе'), 'the move done');
    await waitUntil(tracked, 'the focus on the first move offered now', async () => (await focused()) === 'Запросить уточнение');
    await actions.getByRole('button', { name: 'Вопрос решён' }).focus();
    await tracked.page.keyboard.press('Enter');
    await visible(tracked, tracked.page.getByText('Статус изменён: Вопрос решён'), 'the move done');
    await waitUntil(tracked, 'no move on a resolved ticket', async () => (await offered()) === '');
    // No move is left: the focus is on the ticket's title, not on the page's body.
    await waitUntil(tracked, 'the focus on the ticket’s title', async () => (await focused()) === 'op-detail-title');
    // The text field says why nothing can be done, and takes no text.
    await visible(tracked, tracked.page.locator('#op-closed'), 'the closed ticket’s note');
    expect(await tracked.page.locator('#op-text').getAttribute('readonly')).not.toBeNull();
    await expectClean(tracked);
  });
  // Last: its status changes queue webhooks to the dead desk, which the failed deliveries' tests above count.
  it('shows the review deadline until support’s first look, and the resolve deadline until the ticket is closed', async () => {
    const created = await fetch(`${h.apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await reporterToken()}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(validDrafts.other),
    });
    const { ticket } = (await created.json()) as { ticket: { id: string; number: string } };
    const move = async (status: string, text?: string) => {
      const moved = await fetch(`${h.apiUrl}/agent/tickets/${ticket.id}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEV_AGENT_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status, ...(text === undefined ? {} : { text }) }),
      });
      expect(moved.status).toBe(200);
    };
    const tracked = await openPage(h);
    const shown = async () => {
      await tracked.page.goto(`${h.server.url}${DEMO_PATHS.operator}#${ticket.number}`);
      await tracked.page.reload();
      await visible(tracked, tracked.page.locator('#op-detail-title').getByText(`Обращение № ${ticket.number}`, { exact: true }), 'the ticket opened');
      const names = await tracked.page.locator('#op-fields dt').allInnerTexts();
      return ['Рассмотреть до', 'Решить до'].filter((name) => names.includes(name));
    };
    expect(await shown()).toEqual(['Рассмотреть до', 'Решить до']);
    await move('answered', 'Ответ специалиста.');
    expect(await shown()).toEqual(['Решить до']);
    await move('resolved');
    expect(await shown()).toEqual([]);
    await expectClean(tracked);
  });
});
