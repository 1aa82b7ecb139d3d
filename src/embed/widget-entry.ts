/** The widget bundle's entry, loaded by the loader on first use: `boot(bridge)` returns the command runner. */
import type { LoaderBridge, WidgetController } from './bridge';
import { createWidget } from './widget';
import type { HostEvent, WidgetInstance } from './widget';

const COMMANDS = ['init', 'open', 'close', 'setToken', 'setContext', 'setLocale', 'destroy'] as const;

const isCommand = (name: string): name is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(name);

/** Runs the loader's commands against one widget instance; a wrong call throws a message naming it. */
export function boot(bridge: LoaderBridge): WidgetController {
  let widget: WidgetInstance | undefined;
  const hooks = { emit: (event: HostEvent, payload?: unknown) => bridge.emit(event, payload), launcher: bridge.launcher, errors: bridge.errors };
  const controller: WidgetController = {
    run(command, args) {
      if (!isCommand(command)) {
        throw new TypeError(`UchiSupport: unknown command "${command}"; use one of ${[...COMMANDS, 'on'].join(', ')}`);
      }
      if (command === 'init') {
        widget?.destroy();
        widget = createWidget(args[0], hooks);
        return undefined;
      }
      if (command === 'destroy') {
        widget?.destroy();
        widget = undefined;
        return undefined;
      }
      if (widget === undefined) throw new TypeError(`UchiSupport ${command}: call init first`);
      switch (command) {
        case 'open':
          return widget.open(args[0]);
        case 'close':
          return widget.close();
        case 'setToken':
          return widget.setToken(args[0]);
        case 'setContext':
          return widget.setContext(args[0]);
        case 'setLocale':
          return widget.setLocale(args[0]);
        default:
          return command satisfies never;
      }
    },
  };
  // Queued calls have no caller left to catch a mistake: report it, and go on with the rest.
  for (const [command, args] of bridge.queue.splice(0)) {
    try {
      controller.run(command, args);
    } catch (error) {
      console.error(error);
      bridge.emit('error', { message: error instanceof Error ? error.message : String(error) });
    }
  }
  return controller;
}
