/**
 * `<uchi-support-widget api-url="…" token="…" locale="ru" theme="auto">`: the inline widget, declaratively.
 * Ships as `element.js` (a module with a stable name that pulls the hashed widget chunks).
 */
import { mount } from './package/mount';
import type { MountedWidget, MountOptions } from './package/mount';

const ATTRIBUTES = ['api-url', 'token', 'locale', 'theme', 'privacy-policy-url', 'heading-level'] as const;

/** The custom element class; registered by {@link defineSupportElement}. */
export class UchiSupportElement extends HTMLElement {
  static readonly observedAttributes = [...ATTRIBUTES];
  private widget: MountedWidget | null = null;

  connectedCallback(): void {
    this.render();
  }

  disconnectedCallback(): void {
    this.widget?.unmount();
    this.widget = null;
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (this.widget === null || previous === next) return;
    if (name === 'token') this.widget.setToken(next);
    else if (name === 'locale' && next !== null) this.widget.setLocale(next as 'ru' | 'en');
    else this.render();
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
    try {
      // Attributes are strings of any value: the widget checks them at run time and names a wrong one.
      this.widget = mount(this, options as MountOptions);
    } catch (error) {
      console.error(error);
      this.dispatchEvent(new CustomEvent('uchi-support:error', { detail: { message: String(error) }, bubbles: true }));
    }
  }
}

/** Registers `<uchi-support-widget>` once. */
export function defineSupportElement(name = 'uchi-support-widget'): void {
  if (customElements.get(name) === undefined) customElements.define(name, class extends UchiSupportElement {});
}

defineSupportElement();
