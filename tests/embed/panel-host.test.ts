/** panel-host.ts: the font warm-up lays out a sample in the widget's own CSS and leaves nothing behind. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPanelHost } from '../../src/embed/panel-host';
import type { PanelHost } from '../../src/embed/panel-host';

describe('createPanelHost().warmFonts', () => {
  let host: PanelHost | undefined;
  afterEach(() => {
    host?.remove();
    host = undefined;
    vi.restoreAllMocks();
  });

  it('lays out one line per weight inside the shadow root, hidden from assistive tech, then removes it', () => {
    host = createPanelHost({ apiUrl: 'https://support.example.ru/api/v1' }, () => undefined);
    const laidOut: { weights: string[]; ariaHidden: string | null; inShadow: boolean }[] = [];
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      if (this.classList.contains('us-font-warmup')) {
        laidOut.push({
          weights: [...this.children].map((line) => (line as HTMLElement).style.fontWeight),
          ariaHidden: this.getAttribute('aria-hidden'),
          inShadow: this.getRootNode() === host?.shadow,
        });
      }
      return (original?.get?.call(this) as number | undefined) ?? 0;
    });
    host.warmFonts();
    expect(laidOut).toEqual([{ weights: ['400', '600', '700'], ariaHidden: 'true', inShadow: true }]);
    expect(host.shadow.querySelector('.us-font-warmup')).toBeNull();
  });
});

describe('createPanelHost(): the launcher', () => {
  it('gives the loader’s button a focus ring seen on any page, and takes it away on remove', () => {
    const launcherHost = document.body.appendChild(document.createElement('uchi-support-launcher'));
    const root = launcherHost.attachShadow({ mode: 'open' });
    const button = root.appendChild(document.createElement('button'));
    const css = () =>
      [
        ...('adoptedStyleSheets' in root ? root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)) : []),
        ...[...root.querySelectorAll('style')].map((style) => style.textContent ?? ''),
      ].join('\n');
    const host = createPanelHost({ apiUrl: 'https://support.example.ru/api/v1' }, () => button);
    // A dark ring on a white halo: visible on a white page and on a dark one.
    expect(css()).toMatch(/button:focus-visible\s*\{[^}]*outline:\s*3px solid #111[^}]*box-shadow:[^}]*#fff/);
    host.remove();
    expect(css()).not.toContain('focus-visible');
    launcherHost.remove();
  });
});
