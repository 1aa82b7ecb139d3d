/** The contract between the tiny loader and the widget bundle it loads on first use. */


/** What the loader hands to the bundle: one letter per name, as every byte of the loader counts. */
export interface LoaderBridge {
  /** emit: tells the host's `on()` subscribers. */
  e(event: string, payload?: unknown): void;
  /** errors: the page's recent uncaught errors and rejection reasons (at most 20, oldest first) since the loader ran. */
  r: readonly unknown[];
  /** queue: commands called before the bundle loaded, in order: the bundle runs them, reporting failures as `error`. */
  q: [string, unknown[]][];
  /** launcher: the button the loader drew (none in inline mode): the bundle adds its badge, label and state. */
  l(): HTMLButtonElement | undefined;
}

/** What the bundle gives back: it runs the commands the loader queued and forwards. */
export interface WidgetController {
  run(command: string, args: unknown[]): unknown;
}

/** The bundle's entry: `boot(bridge)` is the only thing the loader calls. */
export type BootFunction = (bridge: LoaderBridge) => WidgetController;
