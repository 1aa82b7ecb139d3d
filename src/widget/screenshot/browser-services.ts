/** The real browser behind the flow's seams. */
import { captureDisplay } from './capture/capture-display';
import { captureDom } from './capture/capture-dom';
import { detectCaptureEnvironment } from './capture/detect-capabilities';
import { canvasRenderer } from './editor/canvas-renderer';
import { loadEditorImage } from './editor/editor-image';
import type { CaptureServices } from './types';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The browser's services. */
export const browserServices: CaptureServices = {
  detect: () => detectCaptureEnvironment(),
  captureDisplay: (hide) => captureDisplay(hide),
  captureDom: (exclude) => captureDom(exclude),
  waitForPaint: async () => {
    await frame();
    await frame();
  },
  loadImage: loadEditorImage,
  renderer: canvasRenderer,
};
