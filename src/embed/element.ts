/**
 * `<uchi-support-widget api-url="…" token="…" locale="ru" theme="auto">`: the inline widget, declaratively.
 * Ships as `element.js` (a module with a stable name that pulls the hashed widget chunks).
 *
 * What attributes cannot carry is set as properties: `context`, `account` and `getToken`. The widget's events
 * come out of the element as DOM events named `uchi-support:<event>` (`uchi-support:ticket:created`, …) with the
 * event's payload as `detail`; they bubble and cross shadow roots.
 */
import { errorPayload, HOST_EVENTS } from './package/events';
import { mount } from './package/mount';
import type { GetToken, HostContext, HostEvent, MountedWidget, MountOptions, OpenArgs, UchiProAccount } from './package/mount';

const ATTRIBUTES = ['api-url', 'token', 'locale', 'theme', 'privacy-policy-url', 'heading-level'] as const;

/** The properties a page may set before the element's class is defined (upgraded on connection). */
const PROPERTIES = ['context', 'account', 'getToken'] as const;

/** The custom element class; registered by {@link defineSupportElement}. */
export class UchiSupportElement extends HTMLElement {
  static readonly observedAttributes = [...ATTRIBUTES];
  private widget: MountedWidget | null = null;
  // Between connectedCallback and disconnectedCallback: attributes set while the element is upgraded wait for it.
  private started = false;
  private hostContext: HostContext | null | undefined;
  private hostAccount: UchiProAccount | undefined;
  private tokenGetter: GetToken | undefined;

  /** The signed-in user as the LMS knows them; replaces the shown context in place. */
  get context(): HostContext | null | undefined {
    return this.hostContext;
  }
  set context(value: HostContext | null | undefined) {
    this.hostContext = value;
    if (value !== undefined) this.apply((widget) => widget.setContext(value));
  }

  /** The Uchi.Pro account as the LMS API returns it; replaces the shown context in place. */
  get account(): UchiProAccount | undefined {
    return this.hostAccount;
  }
  set account(value: UchiProAccount | undefined) {
    this.hostAccount = value;
    if (value !== undefined) this.apply((widget) => widget.setContext(value));
  }

  /** Returns a fresh reporter token (see `getToken` of `init`); a new one re-creates the widget. */
  get getToken(): GetToken | undefined {
    return this.tokenGetter;
  }
  set getToken(value: GetToken | undefined) {
    if (value === this.tokenGetter) return;
    this.tokenGetter = value;
    if (this.started) this.render();
  }

  /** Shows the form, pre-filled with `args`, or a ticket (`{ ticket: 'UP-…' }`). */
  open(args?: OpenArgs): void {
    this.widget?.open(args);
  }

  connectedCallback(): void {
    // A value set on the element before this class was defined sits on the instance and hides the accessor.
    for (const property of PROPERTIES) {
      if (!Object.hasOwn(this, property)) continue;
      const value: unknown = this[property];
      delete (this as Partial<Record<(typeof PROPERTIES)[number], unknown>>)[property];
      (this as Record<(typeof PROPERTIES)[number], unknown>)[property] = value;
    }
    this.started = true;
    this.render();
  }

  disconnectedCallback(): void {
    this.started = false;
    this.widget?.unmount();
    this.widget = null;
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (previous === next) return;
    if (name === 'token') this.apply((widget) => widget.setToken(next));
    else if (name === 'locale' && next !== null) this.apply((widget) => widget.setLocale(next as 'ru' | 'en'));
    else if (this.started) this.render();
  }

  /**
   * Applies a change to the running widget; a wrong value is reported as the element's `error` event (not thrown
   * into the page). With no widget — the last one was refused, say for an account without its vendor — the
   * element tries again with what it has now.
   */
  private apply(change: (widget: MountedWidget) => void): void {
    if (this.widget === null) {
      if (this.started) this.render();
      return;
    }
    try {
      change(this.widget);
    } catch (error) {
      this.refuse(error);
    }
  }

  private refuse(error: unknown): void {
    console.error(error);
    // The message alone, as the script tag's `error` event has it.
    this.report('error', errorPayload(error));
  }

  private render(): void {
    this.widget?.unmount();
    this.widget = null;
    const options: Record<string, unknown> = { apiUrl: this.getAttribute('api-url') ?? '' };
    for (const [attribute, option] of [['token', 'token'], ['locale', 'locale'], ['theme', 'theme'], ['privacy-policy-url', 'privacyPolicyUrl']] as const) {
      const value = this.getAttribute(attribute);
      if (value !== null) options[option] = value;
    }
    const level = this.getAttribute('heading-level');
    // A number, or the string itself so that the widget names a wrong one.
    if (level !== null) options.headingLevel = /^[1-9]$/.test(level) ? Number(level) : level;
    if (this.hostContext !== undefined && this.hostContext !== null) options.context = this.hostContext;
    if (this.hostAccount !== undefined) options.account = this.hostAccount;
    if (this.tokenGetter !== undefined) options.getToken = this.tokenGetter;
    try {
      // Attributes are strings of any value: the widget checks them at run time and names a wrong one.
      const widget = mount(this, options as MountOptions);
      this.widget = widget;
      for (const event of HOST_EVENTS) {
        widget.on(event, (payload) => {
          if (this.widget === widget) this.report(event, payload);
        });
      }
    } catch (error) {
      this.refuse(error);
    }
  }

  private report(event: HostEvent, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(`uchi-support:${event}`, { detail, bubbles: true, composed: true }));
  }
}

/** Registers `<uchi-support-widget>` once. */
export function defineSupportElement(name = 'uchi-support-widget'): void {
  if (customElements.get(name) === undefined) customElements.define(name, class extends UchiSupportElement {});
}

defineSupportElement();
