/** The demo LMS that `npm start` serves: the user switch, the course page's link pre-fill, the operator page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../src/server';
import { agentTicketsWithSubject, expectClean, launcher, openPage, panel, send, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface AgentTicket {
  id: string;
  number: string;
  subject: string;
  status: string;
  course?: { title: string; url: string };
  reporter: { fullName: string; role: string; lmsUrl: string; guest: boolean };
}

const findTicket = async (subject: string) => (await agentTicketsWithSubject<AgentTicket>(h, subject))[0];

describe('the demo LMS', () => {
  it('a two-problem text split in the widget becomes two tickets linked to each other on the operator page', async () => {
    const tracked = await openPage(h, `${h.server.url}${DEMO_PATHS.support}`);
    const { page } = tracked;
    await visible(tracked, page.getByText('вход выполнен'), 'the demo sign-in');
    const widget = page.locator('#uchi-support');
    const other = widget.getByRole('button', { name: 'Другой вопрос', exact: true });
    await visible(tracked, other, 'the inline widget', 15_000);
    const stamp = Date.now();
    const first = `Не открывается итоговый тест по охране труда ${stamp}`;
    const second = `В заявке ${stamp} неправильно указана фамилия слушателя`;
    await other.click();
    await widget.getByLabel('Тема обращения').fill('Тест и заявка');
    await widget.getByLabel('Опишите проблему').fill(`${first}. Кроме того, ${second.charAt(0).toLowerCase()}${second.slice(1)}.`);
    await widget.getByRole('radio', { name: 'Мешает работать мне' }).check();
    await visible(tracked, widget.getByText('Начало другой проблемы: «Кроме того»'), 'the notice with its marker');
    await widget.getByRole('button', { name: 'Разделить на 2 обращения' }).click();
    // The split view brings its own rules (the first open's CSS does without them): each part is a framed card.
    const part = widget.locator('.us-split__item').first();
    await visible(tracked, part, 'the first part');
    expect(await part.evaluate((item) => getComputedStyle(item).borderTopStyle)).toBe('solid');
    await widget.getByRole('button', { name: 'Отправить 2 обращения' }).click();
    // Once every part is registered the widget starts a fresh form, so the server is asked instead.
    await waitUntil(tracked, 'both tickets registered', async () => (await findTicket(first)) !== undefined && (await findTicket(second)) !== undefined, 15_000);
    // The list says how many were registered, in the language the widget shows now, also after a switch.
    await visible(tracked, widget.getByText('Зарегистрировано 2 обращения.'), 'the split’s notice');
    await page.evaluate(() => (window as unknown as { UchiSupport: { setLocale(locale: string): void } }).UchiSupport.setLocale('en'));
    await visible(tracked, widget.getByText('2 requests registered.'), 'the notice in English');
    await page.evaluate(() => (window as unknown as { UchiSupport: { setLocale(locale: string): void } }).UchiSupport.setLocale('ru'));

    const [one, two] = await Promise.all([findTicket(first), findTicket(second)]);
    expect(one?.number).toEqual(expect.any(String));
    expect(two?.number).toEqual(expect.any(String));
    const operator = await tracked.context.newPage();
    await operator.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    for (const [mine, other] of [[first, two], [second, one]] as const) {
      await operator.getByRole('button', { name: new RegExp(mine) }).click();
      const fields = operator.locator('#op-fields');
      await visible(tracked, fields.getByRole('button', { name: `№ ${other?.number ?? '?'}`, exact: true }), `the link from «${mine}»`);
    }
    // The link opens the other ticket.
    await operator.locator('#op-fields').getByRole('button', { name: `№ ${one?.number ?? '?'}`, exact: true }).click();
    await visible(tracked, operator.locator('#op-detail-title').getByText(`Обращение № ${one?.number ?? '?'}`, { exact: true }), 'the ticket the link opens');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('fits a phone: no page wider than the screen, the launcher within it', async () => {
    const context = await h.browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    for (const path of [DEMO_PATHS.courses, DEMO_PATHS.course]) {
      await page.goto(`${h.server.url}${path}`, { waitUntil: 'load' });
      // The user switch fills in after load; its longest name is what could widen the page.
      await page.locator('#demo-user option').first().waitFor({ state: 'attached' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await page.goto(`${h.server.url}${DEMO_PATHS.course}`);
    const box = await launcher(page).boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    await context.close();
  });

  it('switches the widget to English from the header, and keeps it on the next page', async () => {
    const tracked = await openPage(h);
    const { page } = tracked;
    await page.goto(`${h.server.url}${DEMO_PATHS.course}`);
    await visible(tracked, launcher(page));
    await page.getByLabel('Язык виджета').selectOption('en');
    await waitUntil(tracked, 'the launcher in English', async () => (await launcher(page).textContent()) === 'Support');
    await page.goto(`${h.server.url}${DEMO_PATHS.lesson}`);
    expect(await page.getByLabel('Язык виджета').inputValue()).toBe('en');
    await waitUntil(tracked, 'the launcher in English on the next page', async () => (await launcher(page).textContent()) === 'Support');
    await launcher(page).click();
    await visible(tracked, page.getByRole('dialog', { name: 'Uchi.Pro support' }), 'the panel in English', 15_000);
    await page.getByLabel('Язык виджета').selectOption('ru');
    await visible(tracked, panel(page), 'the panel back in Russian');
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('gives a finger 44 px targets on a phone: close, the impact options, the send button', async () => {
    const context = await h.browser.newContext({ locale: 'ru-RU', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${h.server.url}${DEMO_PATHS.courses}`);
    await launcher(page).tap();
    const dialog = panel(page);
    await dialog.getByRole('button', { name: 'Другой вопрос', exact: true }).tap({ timeout: 15_000 });
    const heights = async () => ({
      close: (await dialog.getByRole('button', { name: 'Закрыть техподдержку' }).boundingBox())?.height ?? 0,
      options: await dialog.getByRole('radiogroup', { name: 'Насколько это мешает работе?' }).locator('label').evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().height)),
      send: (await dialog.getByRole('button', { name: 'Отправить обращение' }).boundingBox())?.height ?? 0,
    });
    await dialog.getByRole('button', { name: 'Отправить обращение' }).waitFor({ timeout: 15_000 });
    const measured = await heights();
    expect(measured.options.length).toBe(3);
    for (const height of [measured.close, ...measured.options, measured.send]) expect(height, JSON.stringify(measured)).toBeGreaterThanOrEqual(44);
    await context.close();
  });

  it('a ticket filed on the course page as a switched-to demo user carries the course link', async () => {
    const courseUrl = `${h.server.url}${DEMO_PATHS.course}`;
    const tracked = await openPage(h, courseUrl);
    const { page } = tracked;
    // The page is served with its own strict CSP (nonce + strict-dynamic + Trusted Types).
    const userSwitch = page.getByLabel('Вы вошли как');
    await visible(tracked, userSwitch);
    await userSwitch.selectOption({ label: 'Петров Пётр — преподаватель' });
    await visible(tracked, page.getByText('вход выполнен'), 'the demo sign-in');

    await launcher(page).click();
    const dialog = panel(page);
    // The page's course comes first among the categories.
    const first = dialog.getByRole('list').first().getByRole('button').first();
    await visible(tracked, first, 'the first category option', 15_000);
    expect(await first.getAttribute('aria-describedby')).not.toBeNull();
    await dialog.getByRole('button', { name: 'Курс или учебный материал', exact: true }).click();
    const courseLink = dialog.getByLabel('Ссылка на курс');
    await visible(tracked, courseLink, 'the course link field', 15_000);
    expect(await courseLink.inputValue()).toBe(courseUrl);
    await visible(tracked, dialog.getByText('Курс или учебный материал', { exact: true }), 'the category chip');
    // The signed-in user comes from the LMS token, read-only.
    await visible(tracked, dialog.getByText(/^Петров П\. И\., преподаватель/), 'the user from the token');

    const subject = `Не открывается видеолекция ${Date.now()}`;
    await dialog.getByLabel('Тема обращения').fill(subject);
    await dialog.getByLabel('Опишите проблему').fill('Видеолекция про средства защиты не загружается, крутится индикатор.');
    await dialog.getByLabel('Полное название курса').fill('Охрана труда для руководителей и специалистов организаций');
    await dialog.getByRole('radio', { name: 'Мешает работать мне' }).check();
    await send(tracked, dialog);

    const ticket = await findTicket(subject);
    expect(ticket?.course?.url).toBe(courseUrl);
    expect(ticket?.reporter).toMatchObject({ fullName: 'Петров Пётр Иванович', role: 'teacher', lmsUrl: h.server.url, guest: false });
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('a guest is asked for consent with a link to the LMS\'s personal data policy, which opens', async () => {
    const tracked = await openPage(h, `${h.server.url}${DEMO_PATHS.support}`);
    const { page } = tracked;
    await visible(tracked, page.getByText('вход выполнен'), 'the demo sign-in');
    await page.getByLabel('Вы вошли как').selectOption({ label: 'Гость (не вошёл в СДО)' });
    const widget = page.locator('#uchi-support');
    await widget.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    const policy = widget.getByRole('link', { name: /Политика обработки персональных данных/ });
    await visible(tracked, policy, 'the policy link by the consent', 15_000);
    expect(await policy.getAttribute('href')).toBe(`${h.server.url}${DEMO_PATHS.privacy}`);
    const opened = await tracked.context.request.get(`${h.server.url}${DEMO_PATHS.privacy}`);
    expect(opened.status()).toBe(200);
    expect(await opened.text()).toContain('<h1>Политика обработки персональных данных</h1>');
    await page.getByLabel('Вы вошли как').selectOption({ index: 0 });
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('the operator page asks for a clarification and the open ticket shows it live', async () => {
    const tracked = await openPage(h, `${h.server.url}${DEMO_PATHS.support}`);
    const { page } = tracked;
    await visible(tracked, page.getByText('вход выполнен'), 'the demo sign-in');
    const widget = page.locator('#uchi-support');
    await visible(tracked, widget.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the inline widget', 15_000);
    const subject = `Нет доступа к курсу ${Date.now()}`;
    await widget.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    await widget.getByLabel('Тема обращения').fill(subject);
    await widget.getByLabel('Опишите проблему').fill('После продления заявки курс не появился в списке.');
    await widget.getByRole('radio', { name: 'Мешает работать мне' }).check();
    await send(tracked, widget);

    const operator = await tracked.context.newPage();
    // The browser logs the refused move below (a 422) as a failed resource: that one is expected.
    operator.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('status of 422')) tracked.errors.push(`operator console: ${message.text()}`);
    });
    await operator.goto(`${h.server.url}${DEMO_PATHS.operator}`);
    const row = operator.getByRole('button', { name: new RegExp(subject) });
    await visible(tracked, row, 'the ticket on the operator page');
    await row.click();
    await operator.getByLabel('Текст для пользователя (вопрос, ответ или комментарий)').fill('Уточните номер заявки.');
    await operator.getByRole('button', { name: 'Запросить уточнение' }).click();
    await visible(tracked, operator.getByText('Статус изменён: Техподдержке требуется уточнение'), 'the operator result');
    // A move the server refuses shows its message (cancel is the reporter's, `answered` needs a text).
    await operator.getByRole('button', { name: 'Ответить' }).click();
    await visible(tracked, operator.getByText(/^Не изменено: /), 'the refusal');

    await visible(tracked, widget.getByText('Уточните номер заявки.').first(), 'the question in the widget, live');
    expect((await findTicket(subject))?.status).toBe('clarification_requested');
    await expectClean(tracked);
    await tracked.context.close();
  });
});
