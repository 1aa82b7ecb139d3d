/**
 * The widget's host element sits in the page's own tree, so the page's rules reach it (`* { opacity: .8
 * !important }`, `* { padding: 7px !important }`, `[dir=rtl]`). Important rules of a shadow root beat the page's
 * important rules for its host, so the host is reset from inside: it takes no room in the page's layout and
 * passes nothing of the page's on to the widget.
 */

/** The attribute that hides the widget for a moment (a page capture); a shadow rule makes it stick. */
export const HIDDEN_ATTRIBUTE = 'data-uchi-support-hidden';

/** Where the launcher's panel sits, from the embed options. */
export interface PanelPlacement {
  zIndex?: number | undefined;
  offset?: { x: number; y: number } | undefined;
  /** The launcher's corner; the panel opens above it on the same side. */
  placement?: 'bottom-right' | 'bottom-left' | undefined;
}

// The launcher button is about 45 px tall; the panel opens above it with a gap.
const PANEL_ABOVE_LAUNCHER = 64;

/** The CSS for the host element of a widget in `mode`. */
export function hostCss(mode: 'launcher' | 'inline', placement: PanelPlacement = {}): string {
  const hidden = `:host([${HIDDEN_ATTRIBUTE}]) .us-root{visibility:hidden!important}`;
  if (mode === 'inline') return `:host{all:initial!important;display:block!important;direction:ltr!important}${hidden}`;
  const { x, y } = placement.offset ?? { x: 20, y: 20 };
  const side = placement.placement === 'bottom-left' ? `--us-panel-left:${x}px;--us-panel-right:auto;` : `--us-panel-right:${x}px;`;
  const offset = `${side}--us-panel-bottom:${y + PANEL_ABOVE_LAUNCHER}px;`;
  // A fixed, empty box: out of the page's flow (no gap in a flex body), above the page where the panel cannot
  // use the top layer (browsers without popover).
  return (
    `:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;` +
    `direction:ltr!important;z-index:${placement.zIndex ?? 'var(--uchi-support-z-index,2147483000)'}!important;${offset}}${hidden}`
  );
}
