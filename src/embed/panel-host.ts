/**
 * The widget's place on the page: its host element (the launcher's panel, or the inline block in the host's
 * container), the shadow root with the widget's CSS, hiding for a page capture, and the count bubble on the
 * loader's launcher button. `remove()` undoes all of it.
 */
import { widgetCss } from '../widget/app';
import { HIDDEN_ATTRIBUTE, hostCss } from './host-styles';
import { UchiSupportOptionError } from './options';
import type { InitOptions } from './options';
import { adoptLauncherStyles, adoptStyles } from './styles';

/** The widget's host on the page. */
export interface PanelHost {
  readonly element: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Where React renders. */
  readonly mountPoint: HTMLElement;
  /** Hides the panel and the launcher for a page capture; returns the undo. */
  hide(): () => void;
  /**
   * Lays out a line of text in each of the widget's font weights, unseen, and removes it. A page's first
   * layout in a font finds and loads that font: done here, in a task of its own, the first layout of the form
   * costs about half as much.
   */
  warmFonts(): void;
  /** Shows the count of changed tickets on the launcher button, with its accessible name. */
  setBadge(count: number, label: string): void;
  /** The launcher button's text (the loader drew it in the language `init` named). */
  setLauncherText(text: string): void;
  remove(): void;
}

// The weights the widget's CSS uses, and letters of both its languages (not a text anyone sees).
const FONT_WEIGHTS = ['400', '600', '700'];
const FONT_SAMPLE = 'АаБбВвГгДдЕеЁёЖжЗзИиЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЪъЫыЬьЭэЮюЯя Aa Zz 0123456789 «—»';

/** Finds the inline container or creates the launcher panel's host. */
function hostElement(options: InitOptions): HTMLElement {
  if (options.mode === 'inline') {
    const { container } = options;
    if (container === undefined) throw new UchiSupportOptionError('UchiSupport init: "container" is missing: the inline mode renders into it');
    const target = typeof container === 'string' ? document.querySelector<HTMLElement>(container) : container;
    if (target === null) throw new UchiSupportOptionError(`UchiSupport init: "container" must name an element on the page in inline mode (${JSON.stringify(container)} names none)`);
    return target.appendChild(document.createElement('uchi-support-inline'));
  }
  // A container with the launcher's mode would be ignored without a word.
  if (options.container !== undefined) throw new UchiSupportOptionError('UchiSupport init: "container" is for mode: "inline"; the launcher\'s panel needs none');
  return document.body.appendChild(document.createElement('uchi-support-panel'));
}

/** Puts the widget's host on the page; `launcher` is the loader's button, when there is one. */
export function createPanelHost(options: InitOptions, launcher: () => HTMLButtonElement | undefined): PanelHost {
  const element = hostElement(options);
  const shadow = element.attachShadow({ mode: 'open' });
  // Keys typed in the widget are the widget's: past its shadow root their target is this element, not the field,
  // so a page's shortcut («/» for its search, Escape for its own modal) would take them for its own.
  shadow.addEventListener('keydown', (event) => event.stopPropagation());
  const removeHostStyles = adoptStyles(shadow, hostCss(options.mode ?? 'launcher', { zIndex: options.zIndex, offset: options.offset, placement: options.placement }), options.nonce);
  const removeStyles = adoptStyles(shadow, widgetCss, options.nonce);
  const mountPoint = shadow.appendChild(document.createElement('div'));
  // The loader draws a bare button to stay under 1 kB; the count bubble's and the focus ring's style come here.
  const initialLauncher = launcher();
  const removeLauncherStyles = initialLauncher === undefined ? undefined : adoptLauncherStyles(initialLauncher, options.nonce);
  return {
    element,
    shadow,
    mountPoint,
    hide() {
      // Out of the picture for a page capture: our panel and the loader's launcher button. Both hosts are
      // reset by `!important` rules inside their shadow roots, which outrank a style set on the host, so the
      // panel hides by a shadow rule keyed to an attribute, and the button by its own style.
      const button = launcher();
      element.setAttribute(HIDDEN_ATTRIBUTE, '');
      button?.style.setProperty('visibility', 'hidden', 'important');
      return () => {
        element.removeAttribute(HIDDEN_ATTRIBUTE);
        button?.style.removeProperty('visibility');
      };
    },
    warmFonts() {
      const sample = shadow.appendChild(document.createElement('div'));
      sample.className = 'us-root us-font-warmup';
      sample.setAttribute('aria-hidden', 'true');
      for (const weight of FONT_WEIGHTS) {
        const line = sample.appendChild(document.createElement('b'));
        line.style.fontWeight = weight;
        line.textContent = FONT_SAMPLE;
      }
      // Reading a size lays the sample out now.
      void sample.offsetHeight;
      sample.remove();
    },
    setBadge(count, label) {
      const button = launcher();
      if (button === undefined) return;
      button.dataset['badge'] = count > 0 ? String(count) : '';
      button.setAttribute('aria-label', label);
    },
    setLauncherText(text) {
      // The loader's text is the button's only child (the badge is an attribute).
      const label = launcher()?.firstChild;
      if (label) label.textContent = text;
    },
    remove() {
      removeStyles();
      removeHostStyles();
      element.remove();
      removeLauncherStyles?.();
      const button = launcher();
      if (button !== undefined) {
        delete button.dataset['badge'];
        button.removeAttribute('aria-label');
      }
    },
  };
}
