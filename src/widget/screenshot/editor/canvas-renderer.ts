/**
 * The only code that draws: the preview on the editor's canvas and the exported PNG. Kept thin so the rules live
 * in the reducer; it is verified in a real browser. Colours are fixed, not theme tokens: they are part of the picture.
 */
import type { Draft, Mark, Scene, Tool } from './editor-reducer';
import type { EditorImage } from './editor-image';
import { exportLayout } from './export-layout';
import type { Rect } from './geometry';

/** What the editor needs from a renderer (tests pass a fake). */
export interface EditorRenderer {
  /** Draws the preview: image, marks, crop shade and the rectangle being drawn. */
  draw(canvas: HTMLCanvasElement, image: EditorImage, view: { scene: Scene; draft: Draft | null; tool: Tool }): void;
  /** The exported PNG: cropped, with black-outs burned into the pixels. */
  export(image: EditorImage, scene: Scene): Promise<Blob>;
}

const HIGHLIGHT = '#ff3b30';
const BLACK = '#000000';
const SHADE = 'rgba(0, 0, 0, 0.55)';

const lineWidthFor = (image: EditorImage) => Math.max(3, Math.round(Math.max(image.width, image.height) / 400));

function drawMark(context: CanvasRenderingContext2D, mark: Mark, lineWidth: number): void {
  const { x, y, width, height } = mark.rect;
  if (mark.kind === 'blackout') {
    // Opaque and drawn over the pixels: what is under it is gone from the export, not just covered.
    context.globalAlpha = 1;
    context.fillStyle = BLACK;
    context.fillRect(x, y, width, height);
    return;
  }
  context.strokeStyle = HIGHLIGHT;
  context.lineWidth = lineWidth;
  context.strokeRect(x + lineWidth / 2, y + lineWidth / 2, Math.max(0, width - lineWidth), Math.max(0, height - lineWidth));
}

function shadeOutside(context: CanvasRenderingContext2D, crop: Rect, image: EditorImage): void {
  context.fillStyle = SHADE;
  context.fillRect(0, 0, image.width, crop.y);
  context.fillRect(0, crop.y + crop.height, image.width, image.height - crop.y - crop.height);
  context.fillRect(0, crop.y, crop.x, crop.height);
  context.fillRect(crop.x + crop.width, crop.y, image.width - crop.x - crop.width, crop.height);
}

function drawDraft(context: CanvasRenderingContext2D, draft: Draft, tool: Tool, lineWidth: number): void {
  const { x, y, width, height } = draft.rect;
  if (tool === 'blackout') {
    context.fillStyle = 'rgba(0, 0, 0, 0.6)';
    context.fillRect(x, y, width, height);
  }
  context.setLineDash([lineWidth * 3, lineWidth * 2]);
  context.lineWidth = lineWidth;
  context.strokeStyle = tool === 'highlight' ? HIGHLIGHT : '#ffffff';
  context.strokeRect(x, y, width, height);
  context.setLineDash([]);
}

/** The canvas renderer. */
export const canvasRenderer: EditorRenderer = {
  draw(canvas, image, { scene, draft, tool }) {
    if (canvas.width !== image.width) canvas.width = image.width;
    if (canvas.height !== image.height) canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (context === null) return;
    const lineWidth = lineWidthFor(image);
    context.drawImage(image.source, 0, 0, image.width, image.height);
    for (const mark of scene.marks) drawMark(context, mark, lineWidth);
    if (scene.crop !== null) shadeOutside(context, scene.crop, image);
    if (draft !== null) drawDraft(context, draft, tool, lineWidth);
  },
  export(image, scene) {
    const { source, marks } = exportLayout(scene, image);
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext('2d');
    if (context === null) return Promise.reject(new Error('no 2d context'));
    context.drawImage(image.source, source.x, source.y, source.width, source.height, 0, 0, source.width, source.height);
    const lineWidth = lineWidthFor(image);
    for (const mark of marks) drawMark(context, mark, lineWidth);
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error('toBlob failed')) : resolve(blob)), 'image/png'));
  },
};
