import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget } from '../../src/embed/widget';
import type { PreparableWidget } from '../../src/embed/widget';
import { UchiSupportOptionError } from '../../src/embed/options';

/** The stylesheets in the widget's shadow root: adopted sheets, or `<style>` elements where unsupported. */
function sheetsOf(root: ShadowRoot): object[] {
  return [...((root.adoptedStyleSheets as CSSStyleSheet[] | undefined) ?? []), ...root.querySelectorAll('style')];
}

/** A reporter token as the LMS signs it (the widget only reads its claims; the signature is the server's to check). */
function tokenOf(sub: string, name: string): string {
  const b64 = (value: object) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'HS256' })}.${b64({ sub, name, role: 'listener', org: { title: 'ООО «Учебный центр»' }, lms: 'https://lms.example.ru', exp: 4102444800 })}.sig`;
}

describe('the embedded widget', () => {
  let widget: PreparableWidget | undefined;
  beforeEach(() => {
    // The API is never answered: the form must not need it to show.
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => undefined)));
  });
  afterEach(() => {
    act(() => widget?.destroy());
    widget = undefined;
    vi.unstubAllGlobals();
  });

  it('adopts the form screen’s stylesheets once: opening and closing neither removes nor re-adds them', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1' }, { emit: () => undefined, launcher: () => button });
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    if (!root) throw new Error('no panel');
    act(() => widget?.open());
    await waitFor(() => expect(root.querySelector('.us-picker__option')).not.toBeNull());
    const sheets = sheetsOf(root);
    // The panel's own CSS and the form screen's: more than the two the host put there before React rendered.
    expect(sheets.length).toBeGreaterThan(2);

    for (let i = 0; i < 3; i++) {
      act(() => widget?.close());
      act(() => widget?.open());
    }
    act(() => widget?.setContext(null));
    expect(sheetsOf(root)).toEqual(sheets);
    sheetsOf(root).forEach((sheet, index) => expect(sheet).toBe(sheets[index]));
  });

  /** Opens the form of «Другой вопрос» with one page error recorded; whether the form offers to attach it. */
  const offersPageErrors = async (options: object) => {
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', ...options }, { emit: () => undefined, launcher: () => button, errors: [new Error('boom in the page')] });
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    if (!root) throw new Error('no panel');
    act(() => widget?.open());
    await waitFor(() => expect(root.querySelector('.us-picker__option')).not.toBeNull());
    const other = [...root.querySelectorAll<HTMLButtonElement>('.us-picker__option')].find((option) => option.textContent?.includes('Другой вопрос'));
    act(() => other?.click());
    await waitFor(() => expect(root.querySelector('.us-browser-info')).not.toBeNull());
    return root.textContent?.includes('boom in the page') ?? false;
  };

  it('offers to attach the page’s errors the loader recorded', async () => {
    expect(await offersPageErrors({})).toBe(true);
  });

  it('keeps the page’s errors out of the form when the host says `pageErrors: false`', async () => {
    expect(await offersPageErrors({ pageErrors: false })).toBe(false);
  });

  it('asks for a guest’s contact and consent while it has no token, though the host gave a context: it files as a guest', async () => {
    const context = { userId: '7', fullName: 'Петров Пётр', role: 'teacher', organization: { title: 'ООО «Ромашка»' }, lmsUrl: 'https://lms.example.ru' };
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', context }, { emit: () => undefined, launcher: () => button });
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    if (!root) throw new Error('no panel');
    act(() => widget?.open());
    const category = () => [...root.querySelectorAll('button')].find((element) => element.textContent?.includes('Другой вопрос') === true);
    await waitFor(() => expect(category()).toBeDefined());
    act(() => category()?.click());
    // The server files a ticket sent without a token as a guest's, who must give a contact and consent.
    await waitFor(() => expect(root.querySelector('[data-mode="guest"]')).not.toBeNull(), { timeout: 15_000 });
    expect(root.textContent).not.toContain('Петров Пётр');
    // The LMS signs the user in: the form shows them, as the server will file it.
    act(() => widget?.setToken(tokenOf('user-anna', 'Иванова Анна')));
    await waitFor(() => expect(root.textContent).toContain('Иванова Анна'));
    expect(root.querySelector('[data-mode="guest"]')).toBeNull();
  });

  it('forgets what it read for one user when the LMS signs in another: their list is read afresh', async () => {
    const anna = tokenOf('user-anna', 'Иванова Анна');
    const row = { id: 't-anna', number: 'UP-2026-000101', category: 'other', subject: 'Обращение Анны', status: 'registered', priority: 'normal', createdAt: '2026-11-27T04:00:00.000Z', updatedAt: '2026-11-27T04:00:00.000Z', lastEventId: 1 };
    // Anna's list answers; anyone else's never does.
    vi.stubGlobal('fetch', vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      const auth = new Headers(input instanceof Request ? input.headers : init?.headers).get('Authorization');
      if (url.pathname.endsWith('/tickets') && auth === `Bearer ${anna}`) return Promise.resolve(Response.json({ tickets: [row] }));
      return new Promise(() => undefined);
    }));
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', token: anna }, { emit: () => undefined, launcher: () => button });
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    if (!root) throw new Error('no panel');
    act(() => widget?.open());
    const tab = () => [...root.querySelectorAll('nav button')].find((element) => element.textContent?.startsWith('Мои обращения')) as HTMLButtonElement | undefined;
    await waitFor(() => expect(tab()).toBeDefined());
    act(() => tab()?.click());
    await waitFor(() => expect(root.textContent).toContain('Обращение Анны'));

    act(() => widget?.setToken(tokenOf('user-petr', 'Петров Пётр')));
    await waitFor(() => expect(tab()).toBeDefined());
    act(() => tab()?.click());
    // Petr's list is on its way: Anna's is not shown meanwhile.
    await waitFor(() => expect(root.querySelector('.us-tickets__title')).not.toBeNull());
    expect(root.querySelector('.us-tickets__title')?.parentElement?.parentElement?.querySelector('[role="status"]')).not.toBeNull();
    expect(root.textContent).not.toContain('Обращение Анны');
  });

  it('tells the host once per token that the server refused it, so it can sign a new one', async () => {
    vi.stubGlobal('fetch', vi.fn((input: RequestInfo | URL) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      if (url.pathname.endsWith('/tickets')) return Promise.resolve(Response.json({ error: { code: 'unauthorized', message: 'Токен недействителен или истёк.' } }, { status: 401 }));
      return new Promise(() => undefined);
    }));
    const emit = vi.fn();
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', token: tokenOf('user-anna', 'Иванова Анна') }, { emit, launcher: () => button });
    const refusals = () => emit.mock.calls.filter(([event, payload]) => event === 'error' && (payload as { code?: string }).code === 'unauthorized');
    // Opening reads the user's tickets (the tab's badge): refused.
    act(() => widget?.open());
    await waitFor(() => expect(refusals()).toHaveLength(1));
    act(() => widget?.setToken(tokenOf('user-anna', 'Иванова Анна')));
    await waitFor(() => expect(refusals()).toHaveLength(2));
    expect(String((refusals()[0]?.[1] as { message: string }).message)).toContain('setToken');
  });

  it('asks the server in the language it shows, and in the new one after setLocale', async () => {
    const languages: Array<string | null> = [];
    vi.stubGlobal('fetch', vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      if (url.pathname.endsWith('/tickets')) languages.push(new Headers(input instanceof Request ? input.headers : init?.headers).get('Accept-Language'));
      return new Promise(() => undefined);
    }));
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', token: tokenOf('user-anna', 'Anna Ivanova'), locale: 'en' }, { emit: () => undefined, launcher: () => button });
    act(() => widget?.open());
    await waitFor(() => expect(languages).toContain('en'));
    act(() => widget?.setLocale('ru'));
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    await waitFor(() => expect(root?.textContent).toContain('Мои обращения'));
    const tab = [...(root?.querySelectorAll('nav button') ?? [])].find((element) => element.textContent?.startsWith('Мои обращения')) as HTMLButtonElement;
    act(() => tab.click());
    await waitFor(() => expect(languages.at(-1)).toBe('ru'));
  });

  it('tells the host the inline widget is open once it comes up; the launcher’s panel only when it opens', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const inline = vi.fn();
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', mode: 'inline', container }, { emit: inline });
    const shown = (emit: typeof inline) => emit.mock.calls.map(([event]) => event as string).filter((event) => ['ready', 'open', 'close'].includes(event));
    expect(shown(inline)).toEqual(['ready', 'open']);
    act(() => widget?.destroy());
    expect(shown(inline)).toEqual(['ready', 'open', 'close']);
    container.remove();
    const button = document.body.appendChild(document.createElement('button'));
    const launcher = vi.fn();
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1' }, { emit: launcher, launcher: () => button });
    expect(shown(launcher)).toEqual(['ready']);
    // A toggle from the start: a screen reader hears it collapsed before the first open.
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    act(() => widget?.open());
    expect(shown(launcher)).toEqual(['ready', 'open']);
    expect(document.activeElement).not.toBe(button);
    // Gone while open (`destroy`, or `init` again): the host hears the panel close, and the launcher has the focus.
    act(() => widget?.destroy());
    expect(shown(launcher)).toEqual(['ready', 'open', 'close']);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    // A closed panel's destroy tells nothing more.
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1' }, { emit: launcher, launcher: () => button });
    act(() => widget?.destroy());
    expect(shown(launcher)).toEqual(['ready', 'open', 'close', 'ready']);
    button.remove();
  });

  it('says the launcher in the language of each init: an init again after the first may name another', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.append('Техподдержка');
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', locale: 'en' }, { emit: () => undefined, launcher: () => button });
    await waitFor(() => expect(button.textContent).toBe('Support'));
    act(() => widget?.destroy());
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1' }, { emit: () => undefined, launcher: () => button });
    expect(button.textContent).toBe('Техподдержка');
    button.remove();
  });

  it('names a container that is missing, or given without the inline mode, as a wrong option', () => {
    const options = { apiUrl: 'https://support.example.ru/api/v1' };
    expect(() => createWidget({ ...options, mode: 'inline', container: '#nowhere' }, { emit: () => undefined })).toThrow(
      new UchiSupportOptionError('UchiSupport init: "container" must name an element on the page in inline mode ("#nowhere" names none)'),
    );
    expect(() => createWidget({ ...options, mode: 'inline' }, { emit: () => undefined })).toThrow('UchiSupport init: "container" is missing: the inline mode renders into it');
    const container = document.body.appendChild(document.createElement('div'));
    expect(() => createWidget({ ...options, container }, { emit: () => undefined })).toThrow('UchiSupport init: "container" is for mode: "inline"');
    // Nothing was left on the page by the refused calls.
    expect(document.querySelector('uchi-support-panel, uchi-support-inline')).toBeNull();
    container.remove();
  });

  it('puts its headings under the page’s own when asked: the title at the level given, the sections below it', async () => {
    const levels = async (options: object) => {
      const container = document.body.appendChild(document.createElement('div'));
      widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1', mode: 'inline', container, ...options }, { emit: () => undefined });
      const root = container.querySelector('uchi-support-inline')?.shadowRoot;
      if (!root) throw new Error('no inline block');
      await waitFor(() => expect(root.querySelector('.us-picker__title')).not.toBeNull());
      const found = [root.querySelector('.us-shell__title'), root.querySelector('.us-picker__title')].map((heading) => heading?.tagName);
      act(() => widget?.destroy());
      widget = undefined;
      container.remove();
      return found;
    };
    expect(await levels({})).toEqual(['H1', 'H3']);
    expect(await levels({ headingLevel: 2 })).toEqual(['H2', 'H4']);
  });

  it('prepares the closed panel: the first screen is rendered hidden, and opening only shows it', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1' }, { emit: () => undefined, launcher: () => button });
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    if (!root) throw new Error('no panel');
    expect(root.querySelector('.us-picker__option')).toBeNull();
    act(() => widget?.prepare());
    await waitFor(() => expect(root.querySelector('.us-picker__option')).not.toBeNull());
    const option = root.querySelector('.us-picker__option');
    // Laid out ahead (not display: none), yet invisible and out of reach until the open.
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog).not.toHaveAttribute('hidden');
    expect(dialog).toHaveAttribute('data-state', 'prepared');
    expect(dialog).toHaveAttribute('inert');
    act(() => widget?.open());
    expect(dialog).toHaveAttribute('data-state', 'open');
    expect(dialog).not.toHaveAttribute('inert');
    act(() => widget?.close());
    expect(dialog).toHaveAttribute('hidden');
    expect(dialog).toHaveAttribute('data-state', 'closed');
    // The same element: the open did not render the form anew.
    expect(root.querySelector('.us-picker__option')).toBe(option);
  });
  it('opens at once when the click comes while the panel is still being prepared', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    widget = createWidget({ apiUrl: 'https://support.example.ru/api/v1' }, { emit: () => undefined, launcher: () => button });
    const root = document.querySelector('uchi-support-panel')?.shadowRoot;
    if (!root) throw new Error('no panel');
    act(() => {
      widget?.prepare();
      widget?.open();
    });
    await waitFor(() => expect(root.querySelector('.us-picker__option')).not.toBeNull());
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog).toHaveAttribute('data-state', 'open');
    expect(dialog).not.toHaveAttribute('inert');
    expect(button).toHaveAttribute('aria-expanded', 'true');
  });
});
