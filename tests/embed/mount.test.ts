/**
 * `mount()`'s events: what the widget tells before anyone could subscribe (`ready`, and `open`: the inline widget
 * is open from the start) and the current unread count reach a later subscriber once; other events are not replayed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { WidgetHooks } from '../../src/embed/widget';
import { mount, UchiSupportOptionError } from '../../src/embed/package/mount';

const hooksOf = vi.hoisted(() => [] as WidgetHooks[]);

vi.mock('../../src/embed/widget', () => ({
  createWidget: (_options: unknown, hooks: WidgetHooks) => {
    hooksOf.push(hooks);
    hooks.emit('ready');
    hooks.emit('open');
    const noop = () => undefined;
    return { open: noop, close: noop, setToken: noop, setContext: noop, setLocale: noop, destroy: noop, prepare: noop };
  },
}));

const settle = () => new Promise<void>((done) => queueMicrotask(done));

describe('mount() events', () => {
  it('tells a later subscriber `ready`, `open` and the current unread count, and nothing else told before', async () => {
    const widget = mount(document.createElement('div'), { apiUrl: 'https://support.example.ru/api/v1' });
    const hooks = hooksOf.at(-1);
    hooks?.emit('unread', 2);
    hooks?.emit('unread', 3);
    hooks?.emit('close');
    const heard: unknown[][] = [];
    widget.on('ready', () => heard.push(['ready']));
    widget.on('unread', (count) => heard.push(['unread', count]));
    widget.on('open', () => heard.push(['open']));
    widget.on('close', () => heard.push(['close']));
    await settle();
    expect(heard).toEqual([['ready'], ['unread', 3], ['open']]);
    // Later changes reach the subscriber as they happen.
    hooks?.emit('unread', 0);
    expect(heard.at(-1)).toEqual(['unread', 0]);
    // Unsubscribed before the replay: nothing is told.
    const late = vi.fn();
    widget.on('unread', late)();
    await settle();
    expect(late).not.toHaveBeenCalled();
    widget.unmount();
  });

  it('refuses an event that does not exist and a handler that is not a function, naming them', () => {
    const widget = mount(document.createElement('div'), { apiUrl: 'https://support.example.ru/api/v1' });
    // @ts-expect-error: not an event
    expect(() => widget.on('ticket:create', () => undefined)).toThrow(new UchiSupportOptionError('UchiSupport on: "ticket:create" is not an event; the events are "ready", "open", "close", "ticket:created", "ticket:status", "unread", "error"'));
    // @ts-expect-error: not a function
    expect(() => widget.on('ready', 'log')).toThrow('UchiSupport on: the handler of "ready" must be a function');
    widget.unmount();
    // No element to render into is named as such, not as an option the caller never passed.
    expect(() => mount(null as unknown as HTMLElement, { apiUrl: 'https://support.example.ru/api/v1' })).toThrow(
      new UchiSupportOptionError('UchiSupport mount: the first argument must be the element to render into, not null'),
    );
  });

  it('goes on when a host’s handler throws: logged, and the other handlers are still told', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const widget = mount(document.createElement('div'), { apiUrl: 'https://support.example.ru/api/v1' });
    const heard: string[] = [];
    widget.on('unread', () => {
      throw new Error('the host’s handler failed');
    });
    widget.on('unread', (count) => heard.push(`unread ${count}`));
    hooksOf.at(-1)?.emit('unread', 4);
    expect(heard).toEqual(['unread 4']);
    expect(logged).toHaveBeenCalledWith(new Error('the host’s handler failed'));
    widget.unmount();
    logged.mockRestore();
  });
});
