/** Which way of capturing the page this environment allows, best first. Pure: the browser is read elsewhere. */

/** How the page is captured. */
export type CaptureMethod = 'display-media' | 'dom' | 'manual';

/** What the environment allows. */
export interface CaptureEnvironment {
  /** `navigator.mediaDevices.getDisplayMedia` exists. */
  hasDisplayMedia: boolean;
  /** The page is a secure context (getDisplayMedia needs one). */
  isSecureContext: boolean;
  /** The permissions policy allows `display-capture` in this frame (true when the browser can't tell). */
  permissionsPolicyAllows: boolean;
  /** A phone or tablet: no browser there offers tab capture. */
  isMobile: boolean;
  /** The DOM can be rendered to a canvas (SVG foreignObject and canvas present); assumed when not given. */
  canRenderDom?: boolean;
}

/**
 * The screen-capture API gives a true picture (iframes, canvases, video) but needs desktop, a secure context and a
 * permissions policy that allows it; otherwise the page's DOM is rendered; otherwise the user pastes a screenshot.
 */
export function chooseCaptureMethod(environment: CaptureEnvironment): CaptureMethod {
  const { hasDisplayMedia, isSecureContext, permissionsPolicyAllows, isMobile, canRenderDom = true } = environment;
  if (hasDisplayMedia && isSecureContext && permissionsPolicyAllows && !isMobile) return 'display-media';
  return canRenderDom ? 'dom' : 'manual';
}
