/**
 * `<uchi-support-widget>`: properties for what attributes cannot carry (`context`, `account`, `getToken`), set
 * before or after the element is defined, and the widget's events as DOM events on the element.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WidgetHooks } from '../../src/embed/widget';

interface Created {
  options: Record<string, unknown>;
  hooks: WidgetHooks;
  setContext: ReturnType<typeof vi.fn>;
  open: ReturnType<typeof vi.fn>;
  destroyed: boolean;
}
const created = vi.hoisted(() => [] as Created[]);

vi.mock('../../src/embed/widget', () => ({
  createWidget: (options: Record<string, unknown>, hooks: WidgetHooks) => {
    // As the real widget refuses a wrong option.
    if (options.apiUrl === '') throw new TypeError('UchiSupport init: "apiUrl" must be an absolute http(s) URL');
    const record: Created = { options, hooks, setContext: vi.fn(), open: vi.fn(), destroyed: false };
    created.push(record);
    hooks.emit('ready');
    const noop = () => undefined;
    return {
      open: record.open,
      close: noop,
      setToken: noop,
      setContext: record.setContext,
      setLocale: noop,
      destroy: () => void (record.destroyed = true),
      prepare: noop,
    };
  },
}));

const settle = () => new Promise<void>((done) => queueMicrotask(done));
const context = { fullName: 'Иванова Анна', role: 'teacher' as const, organization: { title: 'ООО «Ромашка»' }, lmsUrl: 'https://lms.example.ru' };

afterEach(() => {
  document.body.replaceChildren();
  created.length = 0;
});

describe('<uchi-support-widget>', () => {
  it('takes context and getToken set before the class was defined, and re-dispatches the widget events', async () => {
    // A page may create the element and set its properties before element.js has run.
    const element = document.createElement('uchi-support-widget');
    element.setAttribute('api-url', 'https://support.example.ru/api/v1');
    const getToken = () => 'token';
    element.context = context;
    element.getToken = getToken;
    await import('../../src/embed/element');
    const heard: [string, unknown][] = [];
    const wrapper = document.createElement('div');
    for (const name of ['ready', 'ticket:created', 'unread', 'error']) {
      wrapper.addEventListener(`uchi-support:${name}`, (event) => heard.push([name, (event as CustomEvent).detail]));
    }
    wrapper.append(element);
    document.body.append(wrapper);

    expect(created).toHaveLength(1);
    expect(created[0]?.options).toMatchObject({ apiUrl: 'https://support.example.ru/api/v1', mode: 'inline', context, getToken });
    expect(element.context).toEqual(context);
    await settle();
    created[0]?.hooks.emit('ticket:created', { type: 'ticket:created', ticketId: 't1', number: 'UP-2026-000001' });
    created[0]?.hooks.emit('unread', 2);
    expect(heard).toEqual([
      ['ready', null],
      ['ticket:created', { type: 'ticket:created', ticketId: 't1', number: 'UP-2026-000001' }],
      ['unread', 2],
    ]);
  });

  it('applies a new context or account in place, re-creates the widget for a new getToken, and opens on request', async () => {
    await import('../../src/embed/element');
    const element = document.createElement('uchi-support-widget');
    element.setAttribute('api-url', 'https://support.example.ru/api/v1');
    document.body.append(element);
    expect(created).toHaveLength(1);
    expect(created[0]?.options).not.toHaveProperty('context');

    element.context = context;
    expect(created[0]?.setContext).toHaveBeenCalledWith(context);
    const account = { uuid: 'a1', title: 'Иванова Анна', email: 'anna@example.ru', role: { code: 'listener', title: 'Слушатель' } };
    element.account = account;
    expect(created[0]?.setContext).toHaveBeenLastCalledWith(account);
    expect(created).toHaveLength(1);

    element.open({ category: 'course' });
    expect(created[0]?.open).toHaveBeenCalledWith({ category: 'course' });

    const getToken = () => 'fresh';
    element.getToken = getToken;
    expect(created).toHaveLength(2);
    expect(created[0]?.destroyed).toBe(true);
    expect(created[1]?.options).toMatchObject({ context, account, getToken });

    // The old widget's late events do not reach the page.
    const heard = vi.fn();
    element.addEventListener('uchi-support:unread', heard);
    created[0]?.hooks.emit('unread', 5);
    expect(heard).not.toHaveBeenCalled();
    created[1]?.hooks.emit('unread', 1);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('reports a wrong attribute or property as the script tag does (the message alone, in the console and as an event), and comes up once it is corrected', async () => {
    await import('../../src/embed/element');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const element = document.createElement('uchi-support-widget');
    const heard = vi.fn();
    element.addEventListener('uchi-support:error', (event) => heard((event as CustomEvent).detail));
    document.body.append(element);
    expect(created).toHaveLength(0);
    expect(heard).toHaveBeenCalledWith({ message: 'UchiSupport init: "apiUrl" must be an absolute http(s) URL' });
    expect(logged).toHaveBeenCalledTimes(1);

    // Corrected, it comes up: a refused widget is tried again with what the element has now.
    element.setAttribute('api-url', 'https://support.example.ru/api/v1');
    expect(created).toHaveLength(1);
    // A wrong value for the running widget is an error event too, never an exception in the page's code.
    created[0]?.setContext.mockImplementation(() => {
      throw new TypeError('UchiSupport setContext: "account.role.code" is "owner", not one of administrator, manager, teacher, editor, listener, contractor, agent');
    });
    expect(() => {
      element.account = { uuid: 'a1', title: 'Кузнецов Андрей', role: { code: 'owner' }, vendor: { title: 'ООО Ромашка' } };
    }).not.toThrow();
    expect(heard).toHaveBeenLastCalledWith({ message: expect.stringContaining('"account.role.code" is "owner"') as unknown });
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
