/** The screenshot flow's public props and its seams to the browser. */
import type { CaptureEnvironment } from './capture/choose-capture-method';
import type { EditorRenderer } from './editor/canvas-renderer';
import type { EditorImage } from './editor/editor-image';

/** Props of `ScreenshotFlow`. */
export interface ScreenshotFlowProps {
  /** Hides the widget for the moment of capture; returns the function that shows it again. */
  hideWidget(): () => void;
  /** Gets the finished screenshot (PNG) and its file name. */
  onDone(blob: Blob, name: string): void;
  /** The user gave up; nothing is attached. */
  onCancel(): void;
  /** Browser seams, replaced in tests and stories. */
  services?: Partial<CaptureServices>;
}

/** Everything the flow asks of the browser. */
export interface CaptureServices {
  detect(): CaptureEnvironment;
  /** Screen-capture API; calls `hide` once the user picked the tab. */
  captureDisplay(hide: () => () => void): Promise<Blob>;
  /** DOM rendering of the page without `exclude` (the widget's host element). */
  captureDom(exclude: Element | null): Promise<Blob>;
  /** Resolves after the hidden widget has been painted away. */
  waitForPaint(): Promise<void>;
  loadImage(blob: Blob): Promise<EditorImage>;
  renderer: EditorRenderer;
}
