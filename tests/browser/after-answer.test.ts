/**
 * After the answer, end to end on the demo: a specialist resolves a ticket on the operator page, the user rates
 * the help in the widget (the operator page shows it), the reporter's e-mail arrives at a real SMTP server and
 * the signed webhook at a desk.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../src/server';
import { freePort } from '../fixtures/ports';
import { Desk, Smtp, verify } from '../fixtures/receivers';
import { axeViolations } from './axe';
import { expectClean, openPage, send, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';

const WEBHOOK_SECRET = 'whsec-browser-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('after the answer', () => {
  const smtp = new Smtp();
  const desk = new Desk();
  const hits = desk.hits;
  let deadDesk = '';
  let h: Harness;

  beforeAll(async () => {
    await smtp.start();
    await desk.start();
    // A second desk that is down: its deliveries are given up at once and listed on the operator page.
    deadDesk = `http://127.0.0.1:${await freePort()}/down`;
    h = await startHarness({
      config: {
        notifications: {
          smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
          mailFrom: 'Техподдержка <support@example.ru>',
          webhookUrls: [desk.url, deadDesk],
          webhookSecret: WEBHOOK_SECRET,
          pollMs: 50,
          giveUpMs: 1,
        },
      },
    });
  });
  afterAll(async () => {
    await h.close();
    await smtp.stop();
    await desk.stop();
  });

  it('a specialist resolves, the user rates, and the e-mail and the webhook both arrive', async () => {
    const tracked = await openPage(h, `${h.server.url}${DEMO_PATHS.support}`);
    const { page } = tracked;
    await visible(tracked, page.getByText('вход выполнен'), 'the demo sign-in');
    const widget = page.locator('#uchi-support');
    await visible(tracked, widget.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the inline widget', 15_000);
    const subject = `Не пришёл сертификат ${Date.now()}`;
    await widget.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    await widget.getByLabel('Тема обращения').fill(subject);
    await widget.getByLabel('Опишите проблему').fill('Курс пройден неделю назад, сертификата в личном кабинете нет.');
    await widget.getByRole('radio', { name: 'Мешает работать мне' }).check();
    await send(tracked, widget);

    const operator = await tracked.context.newPage();
    await operator.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const row = operator.getByRole('button', { name: new RegExp(subject) });
    await visible(tracked, row, 'the ticket on the operator page');
    await row.click();
    await operator.getByLabel('Текст для пользователя (вопрос, ответ или комментарий)').fill('Сертификат выпущен, он в разделе «Документы».');
    await operator.getByRole('button', { name: 'Вопрос решён' }).click();
    await visible(tracked, operator.getByText('Статус изменён: Вопрос решён'), 'the operator result');

    const rating = widget.getByRole('form', { name: 'Помогли ли вам?' });
    await visible(tracked, rating, 'the rating question in the widget, live');
    await rating.getByRole('radio', { name: '4 — скорее помогли' }).check();
    // In high contrast (colours become the system's) the chosen score, the current status and the open tab still stand out.
    await page.emulateMedia({ forcedColors: 'active' });
    const styleOf = (selector: string, property: string) =>
      widget.locator(selector).evaluateAll((nodes, name) => nodes.map((node) => getComputedStyle(node).getPropertyValue(name)), property);
    // Painted, not computed: Chromium reports a forced background as the page wrote it.
    const painted = async (index: number) => {
      const png = await widget.locator('.us-rating__value').nth(index).screenshot();
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      const at = (Math.floor(info.height / 2) * info.width + 4) * info.channels;
      return [...data.subarray(at, at + 3)].join(',');
    };
    expect(await painted(3)).not.toBe(await painted(0));
    expect(await painted(1)).toBe(await painted(0));
    const tabs = await styleOf('.us-shell__tab', 'border-bottom-color');
    expect(new Set(tabs).size).toBe(2);
    const statuses = await styleOf('.us-timeline__item .us-timeline__status', 'text-decoration-line');
    expect(statuses.at(-1)).toBe('underline');
    expect(statuses.slice(0, -1).every((line) => line === 'none')).toBe(true);
    await page.emulateMedia({ forcedColors: 'none' });
    await rating.getByRole('button', { name: 'Оценить' }).click();
    await visible(tracked, widget.getByText('Ваша оценка: 4 из 5.'), 'the given rating');
    await operator.getByRole('button', { name: 'Обновить' }).click();
    await visible(tracked, operator.locator('#op-fields').getByText(/^4 из 5 \(/), 'the rating on the operator page');
    await visible(tracked, operator.getByText(/^Помогли \(оценки 4–5\) за 30 дней: 100% из 1 оценки\.$/), 'the share of 4–5');

    // The reporter's e-mails: the receipt, and one about the resolution, with the number and the link that opens the ticket.
    const number = /UP-\d{4}-\d{6}/.exec((await widget.getByText(/UP-\d{4}-\d{6}/).first().textContent()) ?? '')?.[0] ?? '';
    expect(number).not.toBe('');
    await waitUntil(tracked, 'the e-mail at the SMTP server', async () => smtp.about(number).length > 0, 15_000);
    const mails = smtp.about(number);
    expect(mails.map((mail) => mail.subject)).toEqual([`Обращение № ${number}: вопрос решён`]);
    expect(smtp.mails.filter((mail) => mail.subject === `Обращение № ${number}: зарегистрировано`)).toHaveLength(1);
    expect(mails[0]?.text).toContain(`#uchi-support=${number}`);

    // Its unsubscribe link: a page that asks first, works by keyboard alone, has no axe violation and runs under
    // its strict CSP with nothing refused.
    const link = /Отписаться от писем техподдержки: (\S+)/u.exec(mails[0]?.text ?? '')?.[1] ?? '';
    expect(link.startsWith(`${h.apiUrl}/email/unsubscribe?t=`)).toBe(true);
    expect(mails[0]?.headers['list-unsubscribe']).toBe(`<${link}>`);
    const unsubscribe = await openPage(h, link);
    await visible(unsubscribe, unsubscribe.page.getByRole('heading', { name: 'Отписаться от писем техподдержки?' }), 'the unsubscribe page');
    expect(await axeViolations(unsubscribe.page, 'body')).toEqual([]);
    await unsubscribe.page.keyboard.press('Tab');
    await expect.poll(() => unsubscribe.page.evaluate(() => document.activeElement?.textContent)).toBe('Отписаться');
    await unsubscribe.page.keyboard.press('Enter');
    await visible(unsubscribe, unsubscribe.page.getByRole('heading', { name: 'Вы отписались' }), 'the page after unsubscribing');
    expect(await axeViolations(unsubscribe.page, 'body')).toEqual([]);
    await visible(unsubscribe, unsubscribe.page.getByRole('button', { name: 'Снова получать письма' }), 'the way back');
    await expectClean(unsubscribe);
    await unsubscribe.context.close();

    // The desk: the created and the resolved events, each signed so that the documented check verifies it.
    const ofTicket = () => hits.filter((hit) => hit.body.includes(number));
    await waitUntil(tracked, 'the webhook at the desk', async () => ofTicket().some((hit) => hit.body.includes('"resolved"')), 15_000);
    for (const hit of ofTicket()) {
      const signature = hit.headers['x-uchi-signature'];
      expect(verify(WEBHOOK_SECRET, typeof signature === 'string' ? signature : undefined, hit.body, Date.now() / 1000)).toBe(true);
    }
    const types = ofTicket().map((hit) => (JSON.parse(hit.body) as { type: string }).type);
    expect(types).toContain('ticket.created');
    expect(types).toContain('ticket.status');

    // What the outbox gave up on is shown to the operator.
    await operator.getByRole('button', { name: 'Обновить' }).click();
    const failed = operator.getByRole('region', { name: 'Не доставлено (e-mail и вебхуки)' });
    await visible(tracked, failed.getByText(new RegExp(`^Вебхук → ${deadDesk.replace(/[.]/g, '\\.')}`)).first(), 'the failed delivery on the operator page');
    await expectClean(tracked);
    await tracked.context.close();
  });
});
