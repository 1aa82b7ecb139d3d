/**
 * The package's React component behaves like a React component: equal props on a re-render change nothing,
 * a new token, locale or context reaches the running widget without a remount, `ready` reaches `onEvent`,
 * and unmounting removes the widget.
 */
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as WidgetModule from '../../src/embed/widget';
import type { WidgetHooks, WidgetInstance } from '../../src/embed/widget';
import { UchiSupportWidget } from '../../src/embed/package/react';
import type { UchiSupportWidgetProps } from '../../src/embed/package/react';

/** Every widget the component created, with its methods spied on (the real widget underneath). */
const created = vi.hoisted(() => [] as { options: Record<string, unknown>; instance: WidgetInstance; hooks: WidgetHooks }[]);

vi.mock('../../src/embed/widget', async (importOriginal) => {
  const original = await importOriginal<typeof WidgetModule>();
  return {
    ...original,
    createWidget: (options: Record<string, unknown>, hooks: Parameters<typeof original.createWidget>[1]) => {
      const instance = original.createWidget(options, hooks);
      for (const method of ['open', 'close', 'setToken', 'setContext', 'setLocale', 'destroy'] as const) vi.spyOn(instance, method);
      created.push({ options, instance, hooks });
      return instance;
    },
  };
});

const API = 'https://support.example.ru/api/v1';
const context = () => ({
  fullName: 'Петров Пётр',
  role: 'teacher' as const,
  organization: { title: 'ООО «Учебный центр»' },
  lmsUrl: 'https://lms.example.ru',
});

afterEach(() => {
  created.length = 0;
});

function renderWidget(props: Omit<UchiSupportWidgetProps, 'apiUrl'>) {
  const view = render(<UchiSupportWidget apiUrl={API} {...props} />);
  return {
    ...view,
    rerenderWith: view.rerender,
    rerender: (next: Omit<UchiSupportWidgetProps, 'apiUrl'>) => view.rerender(<UchiSupportWidget apiUrl={API} {...next} />),
    host: () => view.container.querySelector('uchi-support-inline'),
  };
}

describe('UchiSupportWidget', () => {
  it('keeps the widget when the parent re-renders with an equal inline context', () => {
    const view = renderWidget({ context: context(), token: 'token-1' });
    const host = view.host();
    expect(host).not.toBeNull();
    view.rerender({ context: context(), token: 'token-1' });
    view.rerender({ context: { ...context(), organization: { title: 'ООО «Учебный центр»' } }, token: 'token-1' });
    expect(created).toHaveLength(1);
    expect(view.host()).toBe(host);
    const [first] = created;
    expect(first?.instance.setContext).not.toHaveBeenCalled();
    expect(first?.instance.setToken).not.toHaveBeenCalled();
    expect(first?.instance.destroy).not.toHaveBeenCalled();
  });

  it('applies a new token, locale and context to the running widget', () => {
    const view = renderWidget({ context: context(), token: 'token-1', locale: 'ru' });
    const host = view.host();
    view.rerender({ context: context(), token: 'token-2', locale: 'ru' });
    view.rerender({ context: { ...context(), fullName: 'Петрова Анна' }, token: 'token-2', locale: 'en' });
    expect(created).toHaveLength(1);
    expect(view.host()).toBe(host);
    const instance = created[0]!.instance;
    expect(instance.setToken).toHaveBeenCalledTimes(1);
    expect(instance.setToken).toHaveBeenCalledWith('token-2');
    expect(instance.setLocale).toHaveBeenCalledWith('en');
    expect(instance.setContext).toHaveBeenCalledTimes(1);
    expect(instance.setContext).toHaveBeenCalledWith(expect.objectContaining({ fullName: 'Петрова Анна' }));
  });

  it('delivers ready to onEvent, and a new onEvent is used without a remount', async () => {
    const first = vi.fn();
    const view = renderWidget({ onEvent: first });
    await vi.waitFor(() => expect(first).toHaveBeenCalledWith('ready', undefined));
    const second = vi.fn();
    view.rerender({ onEvent: second });
    // What the widget reports later goes to the handler of the latest render.
    created[0]!.hooks.emit('error', { message: 'boom' });
    expect(created).toHaveLength(1);
    expect(second).toHaveBeenCalledWith('error', { message: 'boom' });
    expect(first).not.toHaveBeenCalledWith('error', expect.anything());
  });

  it('reports a wrong prop to onEvent and the console, and the host page goes on rendering', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onEvent = vi.fn();
    const view = render(
      <div>
        <p>Страница курса</p>
        <UchiSupportWidget apiUrl="/api/v1" onEvent={onEvent} />
      </div>,
    );
    expect(onEvent).toHaveBeenCalledWith('error', { message: 'UchiSupport init: "apiUrl" must be an absolute http(s) URL' });
    expect(view.getByText('Страница курса')).toBeTruthy();
    // An account the widget cannot read, given to a running widget, is reported the same way.
    onEvent.mockClear();
    const account = { uuid: 'a1', title: 'Кузнецов Андрей', role: { code: 'owner' }, vendor: { title: 'ООО Ромашка' } };
    view.rerender(
      <div>
        <p>Страница курса</p>
        <UchiSupportWidget apiUrl={API} onEvent={onEvent} account={{ ...account, role: { code: 'manager' } }} />
      </div>,
    );
    view.rerender(
      <div>
        <p>Страница курса</p>
        <UchiSupportWidget apiUrl={API} onEvent={onEvent} account={account} />
      </div>,
    );
    expect(onEvent).toHaveBeenCalledWith('error', { message: expect.stringMatching(/^UchiSupport setContext: "account\.role\.code" is "owner"/) as unknown });
    expect(view.getByText('Страница курса')).toBeTruthy();
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
    view.unmount();
  });

  it('comes up once a refused prop is corrected: an account whose vendor arrives later', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onEvent = vi.fn();
    const account = { uuid: 'a2', title: 'Кузнецов Андрей', role: { code: 'teacher' } };
    const view = renderWidget({ onEvent, account });
    expect(onEvent).toHaveBeenCalledWith('error', { message: expect.stringContaining('"account.vendor" is missing') as unknown });
    expect(view.host()).toBeNull();
    view.rerender({ onEvent, account: { ...account, vendor: { title: 'ООО Ромашка' } } });
    await vi.waitFor(() => expect(view.host()).not.toBeNull());
    // Told once: the refused props were not tried twice.
    expect(onEvent.mock.calls.filter(([event]) => event === 'error')).toHaveLength(1);
    logged.mockRestore();
    view.unmount();
  });

  it('creates the widget again for another server, and removes it on unmount', async () => {
    const view = renderWidget({});
    view.rerenderWith(<UchiSupportWidget apiUrl="https://other.example.ru/api/v1" />);
    expect(created).toHaveLength(2);
    await vi.waitFor(() => expect(created[0]!.instance.destroy).toHaveBeenCalledTimes(1));
    const host = view.host();
    view.unmount();
    await vi.waitFor(() => expect(created[1]!.instance.destroy).toHaveBeenCalledTimes(1));
    expect(host?.isConnected).toBe(false);
    expect(document.querySelector('uchi-support-inline')).toBeNull();
  });
});
