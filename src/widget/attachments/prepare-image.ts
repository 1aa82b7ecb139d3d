/**
 * The browser side of image preparation: decode with createImageBitmap, draw onto a (Offscreen)canvas at the planned
 * size and re-encode. Drawing pixels drops EXIF and every other metadata. Anything the browser can't do falls back
 * to the original file, which the server re-encodes anyway.
 */
import { nextPlan, planImage, renameFor } from './model/plan-image';
import type { ImagePlan } from './model/plan-image';

/** A file ready to send. */
export interface PreparedFile {
  blob: Blob;
  name: string;
  /** Pixel size when the file is an image we decoded. */
  width?: number;
  height?: number;
}

/** The preparation seam: the queue calls it for every accepted file (tests pass their own). */
export type PrepareFile = (file: File) => Promise<PreparedFile>;

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

function createCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

async function encode(canvas: AnyCanvas, bitmap: ImageBitmap, plan: ImagePlan): Promise<Blob | null> {
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (context === null) return null;
  context.clearRect(0, 0, plan.width, plan.height);
  // JPEG has no alpha: transparent pixels would turn black, so they sit on white as they look on a page.
  if (plan.type === 'image/jpeg') {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, plan.width, plan.height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, plan.width, plan.height);
  const options = plan.quality === undefined ? { type: plan.type } : { type: plan.type, quality: plan.quality };
  if ('convertToBlob' in canvas) return canvas.convertToBlob(options);
  return new Promise((resolve) => canvas.toBlob(resolve, options.type, options.quality));
}

/** Downscales and re-encodes PNG, JPEG and WebP; GIF, PDF and anything undecodable are returned unchanged. */
export const prepareImage: PrepareFile = async (file) => {
  const unchanged: PreparedFile = { blob: file, name: file.name };
  if (planImage(file.type, 1, 1) === null || typeof createImageBitmap !== 'function') return unchanged;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return unchanged;
  }
  try {
    let plan = planImage(file.type, bitmap.width, bitmap.height);
    if (plan === null) return unchanged;
    const canvas = createCanvas(plan.width, plan.height);
    let blob = await encode(canvas, bitmap, plan);
    let next = blob === null ? null : nextPlan(plan, blob);
    while (blob !== null && next !== null) {
      plan = next;
      blob = await encode(canvas, bitmap, plan);
      next = blob === null ? null : nextPlan(plan, blob);
    }
    if (blob === null) return unchanged;
    const type = blob.type === 'image/jpeg' || blob.type === 'image/webp' ? blob.type : 'image/png';
    return { blob, name: renameFor(file.name, type), width: plan.width, height: plan.height };
  } catch {
    return unchanged;
  } finally {
    bitmap.close();
  }
};
