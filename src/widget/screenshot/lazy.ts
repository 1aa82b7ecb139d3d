/**
 * The only way into the screenshot feature from the main bundle: everything behind these functions (the flow, the
 * editor, modern-screenshot) is a separate chunk that costs nothing until the user asks for a screenshot.
 */
import { lazy } from 'react';

/** Loads the flow's chunk (call on hover/focus of the button to prefetch, or on click). */
export const loadScreenshot = () => import('./ScreenshotFlow');

/** The flow as a React.lazy component: render it inside <Suspense>. Props: `ScreenshotFlowProps`. */
export const LazyScreenshotFlow = lazy(loadScreenshot);

/** The feature's styles as a string for the shadow root, loaded with the flow rather than up front. */
export const loadScreenshotStyles = () => import('./styles.css?inline').then((module) => module.default);
