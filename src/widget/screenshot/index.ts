/**
 * The screenshot feature's public surface. Nothing here pulls in the flow itself: it is reached through
 * `loadScreenshot()` / `LazyScreenshotFlow`, so the main bundle stays free of it.
 */
export { LazyScreenshotFlow, loadScreenshot, loadScreenshotStyles } from './lazy';
export { chooseCaptureMethod } from './capture/choose-capture-method';
export type { CaptureEnvironment, CaptureMethod } from './capture/choose-capture-method';
export type { CaptureServices, ScreenshotFlowProps } from './types';
