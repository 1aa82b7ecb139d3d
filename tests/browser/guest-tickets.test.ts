/**
 * A guest follows the tickets they sent, in Chromium against the real server: they send a ticket without an LMS
 * sign-in, copy its key, reload the page and find it in «Мои обращения» with the status the specialist gave it, and
 * open it. On another device (a fresh browser profile) a link to it asks for the key with the number filled in; a
 * wrong key gets one answer for the pair, the right one opens it. The key is sent in a header, never in an address.
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { agent, expectClean, fillBasics, hostPage, launcher, openPage, panel, send, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness, TrackedPage } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const axe = (page: Page) => axeViolations(page, 'uchi-support-panel');

/** Every address the page asked for (to check that no key is in one). */
function recordUrls(tracked: TrackedPage): string[] {
  const urls: string[] = [];
  tracked.page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe('a guest’s tickets', () => {
  it('a guest sends a ticket, reloads, finds it in «Мои обращения» with its live status and opens it; elsewhere, by number and key', async () => {
    const url = h.host.serve('/guest-tickets', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h);
    await tracked.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.host.origin });
    const urls = recordUrls(tracked);
    const { page } = tracked;
    await page.goto(url);
    await visible(tracked, launcher(page));
    await launcher(page).click();
    const dialog = panel(page);

    // Sent as a guest: contact fields and consent, then the confirmation with the number and the key.
    const subject = `Не приходит письмо со ссылкой ${Date.now()}`;
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    await fillBasics(dialog, { category: 'Другой вопрос', subject, description: 'Письмо для восстановления пароля не приходит второй день.' });
    await dialog.getByLabel('Название организации (вендора)').fill('ООО «Ромашка»');
    await dialog.getByLabel('Ссылка на СДО').fill('https://sdo.romashka.ru');
    await dialog.getByLabel('Ваше ФИО').fill('Петров Сергей Ильич');
    await dialog.getByLabel('Ваша роль в СДО').selectOption({ label: 'Слушатель' });
    await dialog.getByLabel('Контактный телефон').fill('+7 912 345-67-89');
    await dialog.getByRole('checkbox', { name: 'Даю согласие на обработку персональных данных' }).check();
    await send(tracked, dialog);
    const key = (await dialog.locator('.us-confirmation__code').innerText()).trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const number = /UP-\d{4}-\d{6,}/.exec(await dialog.getByText(/^Номер обращения: UP-/).innerText())?.[0] ?? '';
    expect(number).not.toBe('');

    // «Скопировать ключ» puts the key on the clipboard and says so.
    await dialog.getByRole('button', { name: 'Скопировать ключ' }).click();
    await visible(tracked, dialog.locator('[aria-live="polite"]', { hasText: 'Скопировано' }), '«Скопировано»');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The specialist asks a question meanwhile.
    const { tickets } = await agent<{ tickets: Array<{ id: string; number: string }> }>(h, 'GET', '/tickets?limit=100');
    const ticketId = tickets.find((ticket) => ticket.number === number)?.id ?? '';
    await agent(h, 'POST', `/tickets/${ticketId}/status`, { status: 'clarification_requested', text: 'Проверьте папку «Спам», пожалуйста.' });

    // A reload: the panel is new, the ticket is remembered, with the status it has now.
    await page.reload();
    await visible(tracked, launcher(page));
    await launcher(page).click();
    await dialog.getByRole('button', { name: 'Мои обращения' }).click();
    const row = dialog.getByRole('button', { name: new RegExp(subject) });
    await visible(tracked, row, 'the ticket in «Мои обращения»', 15_000);
    await waitUntil(tracked, 'its live status', async () => (await row.innerText()).includes('Техподдержке требуется уточнение'));
    expect(await row.innerText()).toContain(number);
    await visible(tracked, dialog.getByRole('button', { name: 'Открыть по номеру и ключу', exact: true }), 'the folded number-and-key form');
    expect(await axe(page), 'axe: a guest’s list').toEqual([]);

    // Opened: the timeline with the question, and the reply goes with the key.
    await row.click();
    await visible(tracked, dialog.getByRole('heading', { level: 2, name: subject }), 'the ticket', 15_000);
    await visible(tracked, dialog.getByText('Проверьте папку «Спам», пожалуйста.').first(), 'the specialist’s question');
    await dialog.getByLabel('Ваше уточнение').fill('В «Спаме» письма тоже нет.');
    await dialog.getByRole('button', { name: 'Отправить уточнение' }).click();
    await visible(tracked, dialog.getByText('Уточнение техподдержке отправлено').first(), 'the reply status');
    const stored = await agent<{ status: string; events: Array<{ actor: string; text?: string }> }>(h, 'GET', `/tickets/${ticketId}`);
    expect(stored.status).toBe('clarification_sent');
    expect(stored.events.at(-1)).toMatchObject({ actor: 'reporter', text: 'В «Спаме» письма тоже нет.' });

    expect(urls.filter((address) => address.includes(key) || decodeURIComponent(address).includes(key))).toEqual([]);
    await expectClean(tracked);
    await tracked.context.close();

    // Another device: the e-mail's link asks for the key, the number filled in; a wrong key, then the right one.
    const other = await openPage(h);
    const otherUrls = recordUrls(other);
    await other.page.goto(`${url}#uchi-support=${number}`);
    const otherDialog = panel(other.page);
    const keyField = otherDialog.getByLabel('Ключ доступа');
    await visible(other, keyField, 'the number-and-key form', 15_000);
    expect(await otherDialog.getByLabel('Номер обращения').inputValue()).toBe(number);
    expect(await otherDialog.getByText(/войдите в СДО/).count()).toBe(0);
    expect(await axe(other.page), 'axe: the number-and-key form').toEqual([]);
    await keyField.fill(`${key.slice(0, -4)}AAAA`);
    await otherDialog.getByRole('button', { name: 'Открыть обращение' }).click();
    await visible(other, otherDialog.getByRole('alert').filter({ hasText: 'Обращение с таким номером и ключом не найдено.' }), 'the wrong-pair answer');
    await keyField.fill(key);
    await otherDialog.getByRole('button', { name: 'Открыть обращение' }).click();
    await visible(other, otherDialog.getByRole('heading', { level: 2, name: subject }), 'the ticket opened by its key', 15_000);
    await otherDialog.getByRole('button', { name: 'К списку обращений', exact: true }).click();
    await visible(other, otherDialog.getByRole('button', { name: new RegExp(subject) }), 'the ticket remembered on this device too');

    // Forgotten here, the last one: the focus goes to the list's heading once the question closes (not to the page's
    // body), and the number-and-key form stays open, with nothing left to fold it under.
    await otherDialog.getByRole('button', { name: `Забыть обращение №\u00a0${number} на этом устройстве` }).click();
    const question = other.page.getByRole('dialog', { name: `Забыть обращение №\u00a0${number} на этом устройстве?` });
    await question.getByRole('button', { name: 'Забыть', exact: true }).click();
    const heading = otherDialog.getByRole('heading', { name: 'Мои обращения' });
    await waitUntil(other, 'the focus on the list’s heading', () => heading.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement));
    await visible(other, otherDialog.getByLabel('Номер обращения'), 'the number-and-key form, open');

    expect(otherUrls.filter((address) => address.includes(key.slice(0, -4)) || decodeURIComponent(address).includes(key.slice(0, -4)))).toEqual([]);
    // The browser logs the 404 of the wrong pair; nothing else may be logged.
    const wrongPair = other.errors.filter((line) => line.includes('status of 404') && line.includes(`/tickets/${number}`));
    expect(wrongPair).toHaveLength(1);
    other.errors.splice(0, other.errors.length, ...other.errors.filter((line) => !wrongPair.includes(line)));
    await expectClean(other);
    await other.context.close();
  });
});
