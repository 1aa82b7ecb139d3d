/** Puts the widget's CSS into its shadow root: a constructable sheet, or `<style nonce>` where unsupported. */

/** Adopts `css` into `root`; returns the undo. */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): () => void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }
  const style = document.createElement('style');
  if (nonce !== undefined) style.nonce = nonce;
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}

/**
 * What the widget adds to the loader's launcher button: the count bubble (the loader only sets `data-badge`),
 * a focus ring seen on any page, dark on a white halo, and a border in forced colours (the loader draws neither, to
 * stay under 1 kB: the launcher's hover or focus loads the widget, which brings them).
 */
const LAUNCHER_CSS =
  'button[data-badge]:not([data-badge=""])::after{content:attr(data-badge);display:inline-block;margin-left:8px;' +
  'min-width:20px;padding:0 6px;border-radius:10px;background:#c81e1e;color:#fff;font:700 12px/20px sans-serif;text-align:center}' +
  'button:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff,0 0 0 8px #fff}' +
  // Forced colours take the button's fill away, and the loader draws no border: it would be bare text. The same size.
  '@media (forced-colors:active){button{border:2px solid ButtonText;padding:12px}}';

/** Adds the launcher's style to its shadow root; returns the undo (nothing when the button has no root). */
export function adoptLauncherStyles(button: HTMLElement, nonce?: string): () => void {
  const root = button.getRootNode();
  return root instanceof ShadowRoot ? adoptStyles(root, LAUNCHER_CSS, nonce) : () => undefined;
}
