/**
 * The widget bundle's entry, loaded by the loader on first use: `boot(bridge)` returns the command runner.
 * The entry holds React; the widget is a second file, requested first thing and evaluated in a later task.
 */
import { widgetApp } from './widget-app-request';
import { reactEvaluated } from './widget-react';
import type { LoaderBridge, WidgetController } from './bridge';
import { safeLocalStorage } from './page';
import type { createWidget as CreateWidget, HostEvent, PreparableWidget, WidgetHooks } from './widget';

const COMMANDS = ['init', 'open', 'close', 'setToken', 'setContext', 'setLocale', 'destroy'] as const;

const isCommand = (name: string): name is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(name);

/** Runs the loader's commands against one widget instance; a wrong call throws a message naming it. */
export function boot({ e: emit, r: errors, q: queue, l: launcher }: LoaderBridge): WidgetController {
  let widget: PreparableWidget | undefined;
  let createWidget: typeof CreateWidget | undefined;
  let stopPreparing: (() => void) | undefined;
  const hooks: WidgetHooks = {
    // A host's handler that throws (or an `on` without one) is the host's mistake: logged, and the widget goes on.
    emit: (event: HostEvent, payload?: unknown) => {
      try {
        emit(event, payload);
      } catch (error) {
        console.error(error);
      }
    },
    launcher,
    errors,
    // The launcher's clicks go where the host's calls go: in order with what is still queued.
    run: (command) => controller.run(command, []),
  };
  const direct: WidgetController = {
    run(command, args) {
      if (!isCommand(command)) {
        throw new TypeError(`UchiSupport: unknown command "${command}"; use one of ${[...COMMANDS, 'on'].join(', ')}`);
      }
      if (command === 'init') {
        widget?.destroy();
        widget = undefined;
        // A refused init leaves no widget: the loader's button, drawn before the options were checked, goes
        // away with it (a click would only say «call init first»), and comes back with an init that works.
        const button = launcher();
        try {
          widget = createWidget!(args[0], hooks);
        } catch (error) {
          button?.style.setProperty('display', 'none', 'important');
          throw error;
        }
        button?.style.removeProperty('display');
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
  const replay = (calls: [string, unknown[]][]) => {
    for (const [command, args] of calls) {
      try {
        direct.run(command, args);
      } catch (error) {
        console.error(error);
        emit('error', { message: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  // Until the widget's file has arrived (and been evaluated, in a task of its own), commands wait in order.
  let waiting: [string, unknown[]][] | null = queue.splice(0);
  const start = () => {
    const calls = waiting ?? [];
    // A queued `open` (or an inline init) can load us while the parser is still in <head>: there is no <body>
    // to put the panel in, nor the inline container yet. Until the document is parsed, commands wait in order.
    if (document.readyState === 'loading') {
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          const later = waiting ?? [];
          waiting = null;
          replay(later);
        },
        { once: true },
      );
    } else if (launcher() === undefined || calls.some(([command]) => command === 'open')) {
      // Someone is waiting for the panel (or the inline block): everything runs now.
      waiting = null;
      replay(calls);
    } else {
      // The loader boots us when the pointer rests on the launcher or it gets focus: a click is likely, so the
      // panel gets ready now, hidden, and the click only shows it. The host page keeps its frames meanwhile:
      // each step below is a task of its own (see inSteps).
      // `calls` is `waiting`: a click before the second step replays them all at once.
      stopPreparing = inSteps([
        () => safeLocalStorage(),
        () => replay(calls.splice(0)),
        () => widget?.prepare(),
        () => {
          // Commands that came meanwhile (setToken, setContext…), in order.
          const rest = waiting ?? [];
          waiting = null;
          stopPreparing = undefined;
          replay(rest);
        },
      ]);
    }
  };
  widgetApp.then(
    (module) => {
      if (!reactEvaluated) throw new Error('React did not load');
      createWidget = module.createWidget;
      start();
    },
    (error: unknown) => emit('error', { message: `UchiSupport: the widget could not load (${error instanceof Error ? error.message : String(error)})` }),
  );
  const controller: WidgetController = {
    run(command, args) {
      if (waiting === null) return direct.run(command, args);
      if (createWidget !== undefined && stopPreparing !== undefined && (command === 'open' || command === 'destroy')) {
        // A click does not wait for the remaining steps: what is queued runs now, in order, then the command.
        stopPreparing();
        stopPreparing = undefined;
        const calls = waiting;
        waiting = null;
        replay(calls);
        return direct.run(command, args);
      }
      waiting.push([command, args]);
      return undefined;
    },
  };
  return controller;
}

/**
 * Runs `steps` one task each. The first warms up what the first render would otherwise pay inside one of its
 * tasks (the first localStorage access reads the origin's storage), so preparing on a hover never costs the
 * host page a long task. (The first screen uses no Intl: a page's first Intl call loads the ICU data, a task
 * of its own too long to hide.) Returns a stop.
 */
function inSteps(steps: (() => unknown)[]): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    steps.shift()?.();
    timer = steps.length === 0 ? undefined : setTimeout(next, 0);
  };
  timer = setTimeout(next, 0);
  return () => clearTimeout(timer);
}
