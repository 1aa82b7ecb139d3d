/** Reads what the browser allows for capture: the only place the flow looks at navigator and document. */
import type { CaptureEnvironment } from './choose-capture-method';

interface PolicyLike {
  allowsFeature(feature: string): boolean;
}

interface NavigatorWithHints {
  userAgentData?: { mobile?: boolean };
}

/** Whether the permissions policy (or its older name, feature policy) lets this frame capture the display. */
function policyAllows(doc: Document): boolean {
  const policy = (doc as Document & { permissionsPolicy?: PolicyLike; featurePolicy?: PolicyLike });
  const reader = policy.permissionsPolicy ?? policy.featurePolicy;
  if (reader === undefined) return true; // Can't tell: try, and fall back if the browser refuses.
  try {
    return reader.allowsFeature('display-capture');
  } catch {
    return true;
  }
}

/** Phones and tablets, including iPadOS which reports itself as a Mac. */
function isMobileDevice(nav: Navigator): boolean {
  const hint = (nav as Navigator & NavigatorWithHints).userAgentData?.mobile;
  if (hint !== undefined) return hint;
  if (/Android|iPhone|iPad|iPod|Mobile/i.test(nav.userAgent)) return true;
  return /Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1;
}

/** The capture environment of the current page. */
export function detectCaptureEnvironment(win: Window = window): CaptureEnvironment {
  const nav = win.navigator;
  return {
    hasDisplayMedia: typeof nav.mediaDevices?.getDisplayMedia === 'function',
    isSecureContext: win.isSecureContext,
    permissionsPolicyAllows: policyAllows(win.document),
    isMobile: isMobileDevice(nav),
    canRenderDom: typeof XMLSerializer === 'function' && typeof HTMLCanvasElement === 'function',
  };
}
