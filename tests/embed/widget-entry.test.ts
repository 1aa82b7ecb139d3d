/**
 * The entry's `boot()`: commands wait in order until the widget file has arrived; on a hover the panel is
 * prepared in steps, and a click at any point of them runs what is queued first, then opens.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoaderBridge } from '../../src/embed/bridge';

type Call = [string, ...unknown[]];

const calls = vi.hoisted(() => [] as Call[]);
const arrival = vi.hoisted(() => {
  let resolve: (module: unknown) => void = () => undefined;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
});

vi.mock('../../src/embed/widget-app-request', () => ({ widgetApp: arrival.promise }));

const fakeWidget = {
  createWidget(options: unknown, hooks?: { emit(event: string): void }) {
    // As the real widget refuses a wrong option.
    if (options === undefined) throw new TypeError('UchiSupport init: the argument is missing (it must be object)');
    calls.push(['create', options]);
    // As the real widget says it is ready while it is created.
    hooks?.emit('ready');
    const record =
      (name: string) =>
      (...args: unknown[]) => {
        calls.push([name, ...args]);
      };
    return { open: record('open'), close: record('close'), setToken: record('setToken'), setContext: record('setContext'), setLocale: record('setLocale'), destroy: record('destroy'), prepare: record('prepare') };
  },
};

const tick = () => new Promise<void>((done) => setTimeout(done, 0));

function bridge(queue: [string, unknown[]][], emitted: unknown[][]): LoaderBridge {
  const launcher = document.createElement('button');
  return { e: (event, payload) => emitted.push([event, payload]), r: [], q: queue, l: () => launcher };
}

afterEach(() => {
  calls.length = 0;
});

describe('boot()', () => {
  it('queues until the widget file arrives, then prepares in steps; a click between the steps runs init, then opens', async () => {
    const { boot } = await import('../../src/embed/widget-entry');
    const emitted: unknown[][] = [];
    const controller = boot(bridge([['init', [{ apiUrl: 'https://support.example.ru/api/v1' }]]], emitted));
    controller.run('setToken', ['t1']);
    await tick();
    // Nothing runs before the widget file is there.
    expect(calls).toEqual([]);

    arrival.resolve(fakeWidget);
    await Promise.resolve();
    await Promise.resolve();
    // The file is there, the preparing steps are not done yet (init is the second): the click comes now.
    controller.run('open', []);
    expect(calls).toEqual([['create', { apiUrl: 'https://support.example.ru/api/v1' }], ['setToken', 't1'], ['open', undefined]]);
    expect(emitted).toEqual([['ready', undefined]]);

    // The remaining steps were cancelled: nothing runs twice, and later commands go straight through.
    await tick();
    await tick();
    controller.run('close', []);
    expect(calls.map(([name]) => name)).toEqual(['create', 'setToken', 'open', 'close']);
  });

  it('takes the launcher away while init is refused, reports it, runs the rest, and shows it again once an init works', async () => {
    const { boot } = await import('../../src/embed/widget-entry');
    arrival.resolve(fakeWidget);
    const emitted: unknown[][] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const link = bridge([['init', []], ['open', []]], emitted);
    const controller = boot(link);
    await vi.waitFor(() => expect(emitted).toHaveLength(2));
    expect(emitted).toEqual([
      ['error', { message: 'UchiSupport init: the argument is missing (it must be object)' }],
      ['error', { message: 'UchiSupport open: call init first' }],
    ]);
    expect(link.l()?.style.getPropertyValue('display')).toBe('none');
    controller.run('init', [{ apiUrl: 'https://support.example.ru/api/v1' }]);
    expect(link.l()?.style.getPropertyValue('display')).toBe('');
    expect(calls).toEqual([['create', { apiUrl: 'https://support.example.ru/api/v1' }]]);
    logged.mockRestore();
  });

  it('keeps a working widget when the host’s handler throws: the error is logged, the launcher stays', async () => {
    const { boot } = await import('../../src/embed/widget-entry');
    arrival.resolve(fakeWidget);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const launcher = document.createElement('button');
    const broken: LoaderBridge = {
      e: (event) => {
        if (event === 'ready') throw new Error('the host’s handler failed');
      },
      r: [],
      q: [['init', [{ apiUrl: 'https://support.example.ru/api/v1' }]], ['open', []]],
      l: () => launcher,
    };
    boot(broken);
    await vi.waitFor(() => expect(calls.map(([name]) => name)).toEqual(['create', 'open']));
    expect(launcher.style.getPropertyValue('display')).toBe('');
    expect(logged).toHaveBeenCalledWith(new Error('the host’s handler failed'));
    logged.mockRestore();
  });
});
