/**
 * Proof: script payloads typed into every text field, echoed back by the server (subject, description, course
 * fields, file name), sent by a specialist, and carried in the token's claims (name, organization) are shown
 * as text: nothing runs, and no element or `on*` attribute of theirs appears in the widget's shadow roots.
 * The host page has no CSP, so an injected handler would run.
 */
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/core';
import { agent, agentTicketsWithSubject, expectClean, hostPage, launcher, openPage, panel, reporterToken, snippet, startHarness, visible } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Payloads that set `window.__xss` if they ever become markup (each its own number, to tell which one ran). */
const P = {
  img: '<img src=x onerror="window.__xss=1">',
  svg: '"><svg onload=window.__xss=2>',
  script: '<script>window.__xss=3</script>',
  iframe: '<iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
  details: "<details open ontoggle='window.__xss=5'>",
  file: '<img src=x onerror=window.__xss=6>.png',
  name: '<img src=x onerror=window.__xss=7>',
  org: '<svg><script>window.__xss=8</script></svg>',
  agent: '<img src=x onerror="window.__xss=9"><a href="javascript:window.__xss=10">ссылка</a>',
  reply: '</textarea><script>window.__xss=11</script>',
};

/** What a walk over the document and every open shadow root finds that a payload could have made. */
function findInjected(page: Page) {
  return page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [];
    const visit = (root: Document | ShadowRoot) => {
      roots.push(root);
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot !== null) visit(element.shadowRoot);
    };
    visit(document);
    const found: string[] = [];
    for (const root of roots) {
      const where = root instanceof ShadowRoot ? root.host.tagName.toLowerCase() : 'document';
      for (const element of root.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        for (const name of element.getAttributeNames()) if (/^on/i.test(name)) found.push(`${where}: <${tag} ${name}>`);
        if (element.hasAttribute('srcdoc')) found.push(`${where}: <${tag} srcdoc>`);
        if (/^\s*javascript:/i.test(element.getAttribute('href') ?? '')) found.push(`${where}: <${tag} href=javascript:>`);
        if (root instanceof ShadowRoot && ['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link'].includes(tag)) found.push(`${where}: <${tag}>`);
        if (tag === 'img' && !/^(blob|data):/.test(element.getAttribute('src') ?? '')) found.push(`${where}: <img src=${element.getAttribute('src')}>`);
      }
    }
    return { found, xss: (window as unknown as { __xss?: unknown }).__xss ?? null, roots: roots.length };
  });
}

/** Pastes a small PNG named `name` into `target` (the description field). */
function pastePng(target: Locator, name: string): Promise<void> {
  return target.evaluate(async (element, fileName) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    canvas.getContext('2d')?.fillRect(0, 0, 32, 24);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('toBlob')) : resolve(b)), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], fileName, { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
  }, name);
}

/** Whether `text` is shown as text somewhere in `scope`. */
const shows = (scope: Locator, text: string) => scope.getByText(text, { exact: false }).first().isVisible();

describe('script payloads in every field', () => {
  it('are shown as text in the form, the sent ticket, the timeline and the reply — and never run', async () => {
    const token = await reporterToken({ sub: 'proof-xss', name: P.name, org: { id: 'org-x', title: P.org } });
    const url = h.host.serve('/proof-xss', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl, token }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    // The token's claims are shown in the read-only "your data" block, one line that opens to the full list.
    await dialog.getByText('отправим автоматически').click();
    expect(await shows(dialog, P.name)).toBe(true);
    expect(await shows(dialog, P.org)).toBe(true);

    await dialog.getByRole('button', { name: 'Тест', exact: true }).click();
    await dialog.getByLabel('Тема обращения').fill(`Тема ${P.img}`);
    await dialog.getByLabel('Опишите проблему').fill(`Описание ${P.svg}`);
    await dialog.getByLabel('Полное название курса').fill(`Курс ${P.iframe}`);
    await dialog.getByLabel('Ссылка на курс').fill('https://lms.example.ru/courses/x?q=<script>window.__xss=12</script>');
    await dialog.getByLabel('Текст вопроса теста').fill(`Вопрос ${P.script} ${P.details}`);
    await dialog.getByRole('radio', { name: 'Мешает работать мне' }).check();
    await pastePng(dialog.getByLabel('Опишите проблему'), P.file);
    await visible(tracked, dialog.getByText('Загружен', { exact: true }), 'the upload', 15_000);
    expect(await shows(dialog, P.file)).toBe(true);
    expect(await findInjected(page)).toMatchObject({ found: [], xss: null });

    await dialog.getByRole('button', { name: 'Отправить обращение' }).click();
    await visible(tracked, dialog.getByText('Обращение зарегистрировано').first(), 'the confirmation', 15_000);
    const [ticket] = await agentTicketsWithSubject<Ticket>(h, `Тема ${P.img}`);
    expect(ticket?.reporter).toMatchObject({ fullName: P.name, organization: P.org });
    expect(ticket?.attachments[0]?.name).toBe(P.file);
    // Server-echoed fields, shown in the ticket view.
    expect(await shows(dialog, `Тема ${P.img}`)).toBe(true);

    // A specialist's question with markup arrives live; the reporter answers with a payload of their own.
    await agent(h, 'POST', `/tickets/${ticket?.id ?? ''}/status`, { status: 'clarification_requested', text: P.agent });
    await visible(tracked, dialog.getByText(P.agent).first(), 'the question in the timeline', 15_000);
    await dialog.getByLabel('Ваше уточнение').fill(P.reply);
    await dialog.getByRole('button', { name: 'Отправить уточнение' }).click();
    await visible(tracked, dialog.getByText(P.reply).first(), 'the reply in the timeline', 15_000);

    // The list of my tickets shows the subject too.
    await dialog.getByRole('button', { name: /Мои обращения/ }).click();
    await visible(tracked, dialog.getByText(`Тема ${P.img}`).first(), 'the subject in my tickets');

    await page.waitForTimeout(300);
    const result = await findInjected(page);
    expect(result.found).toEqual([]);
    expect(result.xss).toBeNull();
    expect(result.roots).toBeGreaterThanOrEqual(3);
    // The walk does see into the panel's shadow root: a handler attribute put there on purpose is found.
    await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.setAttribute('onmouseover', 'void 0');
      document.querySelector('uchi-support-panel')?.shadowRoot?.append(probe);
    });
    expect((await findInjected(page)).found).toEqual(['uchi-support-panel: <span onmouseover>']);
    await expectClean(tracked);
    await tracked.context.close();
  });

  it('a guest’s contact fields carry payloads to the server and back as text', async () => {
    const url = h.host.serve('/proof-xss-guest', { body: hostPage(snippet(h, [['init', { apiUrl: h.apiUrl }]])) });
    const tracked = await openPage(h, url);
    const { page } = tracked;
    await visible(tracked, launcher(page));
    await launcher(page).click();
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    await dialog.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    await dialog.getByLabel('Название организации (вендора)').fill(`Организация ${P.svg}`);
    await dialog.getByLabel('Ссылка на СДО').fill('https://lms.example.ru/?<img src=x onerror=window.__xss=13>');
    await dialog.getByLabel('Ваше ФИО').fill(`Гость ${P.img}`);
    await dialog.getByLabel('Ваша роль в СДО').selectOption({ label: 'Слушатель' });
    await dialog.getByLabel('Контактный телефон').fill('+7 912 345-67-89');
    await dialog.getByLabel('Тема обращения').fill(`Гостевая тема ${P.script}`);
    await dialog.getByLabel('Опишите проблему').fill(`Гостевое описание ${P.details}`);
    await dialog.getByRole('radio', { name: 'Неудобно или просто вопрос' }).check();
    await dialog.getByRole('checkbox', { name: 'Даю согласие на обработку персональных данных' }).check();
    await dialog.getByRole('button', { name: 'Отправить обращение' }).click();
    await visible(tracked, dialog.getByText('Обращение зарегистрировано').first(), 'the confirmation', 15_000);
    const [guestTicket] = await agentTicketsWithSubject<Ticket>(h, `Гостевая тема ${P.script}`);
    expect(guestTicket?.reporter).toMatchObject({ fullName: `Гость ${P.img}`, organization: `Организация ${P.svg}`, guest: true });
    expect(await shows(dialog, `Гостевая тема ${P.script}`)).toBe(true);
    const result = await findInjected(page);
    expect(result).toMatchObject({ found: [], xss: null });
    await expectClean(tracked);
    await tracked.context.close();
  });
});
