/** `destroy` leaves the host page as it found it: DOM, listeners, timers, requests, object URLs, globals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, fillBasics, hostPage, launcher, openPage, panel, PASTE_PNG, reporterToken, send, startHarness, visible, waitUntil } from './harness';
import type { Harness } from './harness';
import { TRACK_ACTIVITY } from './activity-tracker';
import type { Activity } from './activity-tracker';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('destroy', () => {
  it('after init, open, a sent ticket with a screenshot, close and destroy, the page is as before', async () => {
    const stub = '<script>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};</script>';
    const url = h.host.serve('/destroy', { body: hostPage(stub, '<main><h1>Курс</h1><p id="lesson">Текст урока.</p></main>') });
    const tracked = await openPage(h);
    const { page, context } = tracked;
    await context.addInitScript(TRACK_ACTIVITY);
    await page.goto(url);
    const activity = () => page.evaluate(() => (window as unknown as { __activity: () => Activity }).__activity());
    const snapshot = () =>
      page.evaluate(() => ({
        html: new XMLSerializer().serializeToString(document.documentElement),
        globals: Object.getOwnPropertyNames(window).sort(),
        stub: typeof (window as unknown as { UchiSupport?: unknown }).UchiSupport,
      }));
    const before = await snapshot();
    const activityBefore = await activity();

    const token = await reporterToken({ sub: 'destroy-user' });
    await page.evaluate(
      ({ loaderUrl, apiUrl, token: reporter }) => {
        const w = window as unknown as { UchiSupport: (...args: unknown[]) => void };
        w.UchiSupport('init', { apiUrl, token: reporter });
        w.UchiSupport('open');
        const script = document.createElement('script');
        script.id = 'loader-under-test';
        script.async = true;
        script.src = loaderUrl;
        document.head.append(script);
      },
      { loaderUrl: h.loaderUrl, apiUrl: h.apiUrl, token },
    );
    const dialog = panel(page);
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form', 15_000);
    await fillBasics(dialog, { category: 'Другой вопрос', subject: 'Проверка destroy', description: 'Не приходит письмо с паролем.' });
    await dialog.getByLabel('Опишите проблему').evaluate(PASTE_PNG);
    await visible(tracked, dialog.getByText('Загружен', { exact: true }), 'the upload', 15_000);
    await send(tracked, dialog);
    // The tracker sees what the widget runs: the live stream of the open ticket, the loader's error listeners.
    await waitUntil(tracked, 'the live stream', async () => (await activity()).fetches.some((entry) => entry.endsWith('(stream)')));
    const busy = await activity();
    expect(busy.listeners.length).toBeGreaterThan(activityBefore.listeners.length);

    await page.evaluate(() => {
      const w = window as unknown as { UchiSupport: (...args: unknown[]) => void };
      w.UchiSupport('close');
      w.UchiSupport('destroy');
    });
    expect(await launcher(page).count()).toBe(0);
    // Give aborted requests and short timers a moment to settle, then nothing of the widget may be left running.
    await waitUntil(tracked, 'activity back to what it was', async () => {
      const now = await activity();
      return now.fetches.length === 0 && now.xhrs === 0 && now.timeouts.length === activityBefore.timeouts.length;
    }, 5_000).catch(() => undefined);
    // React DOM keeps one `selectionchange` listener on the document for good (it has no way to remove it and
    // reuses it for any later root); everything else the widget added is gone.
    const leftByReact = { ...activityBefore, listeners: [...activityBefore.listeners, 'document:selectionchange'].sort() };
    expect(await activity()).toEqual(leftByReact);

    // A second life (the host loads the loader again after `destroy`) replays none of the first life's calls
    // (its `open`), and leaves nothing more behind: the same single listener after open and destroy.
    await page.evaluate(
      ({ loaderUrl, apiUrl }) => {
        const w = window as unknown as { UchiSupport: (...args: unknown[]) => void };
        w.UchiSupport('init', { apiUrl });
        const script = document.createElement('script');
        script.id = 'loader-under-test-again';
        script.src = loaderUrl;
        document.head.append(script);
      },
      { loaderUrl: h.loaderUrl, apiUrl: h.apiUrl },
    );
    await visible(tracked, launcher(page), 'the launcher again');
    await page.waitForTimeout(300);
    expect(await dialog.count()).toBe(0);
    await launcher(page).click();
    await visible(tracked, dialog.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the form again', 15_000);
    await page.evaluate(() => (window as unknown as { UchiSupport: (command: string) => void }).UchiSupport('destroy'));
    await waitUntil(tracked, 'requests of the second life ended', async () => (await activity()).fetches.length === 0, 5_000).catch(() => undefined);
    expect(await activity()).toEqual(leftByReact);

    await page.evaluate(() => ['loader-under-test', 'loader-under-test-again'].forEach((id) => document.getElementById(id)?.remove()));
    // zod 4 keeps its config object on globalThis on purpose (shared by every zod copy on the page); it is the
    // one global the bundle leaves. Everything else — the DOM, the other globals, the queue stub — is as before.
    expect(await snapshot()).toEqual({ ...before, globals: [...before.globals, '__zod_globalConfig'].sort() });
    await expectClean(tracked);
    await context.close();
  });
});
