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
