/** The picture being edited: decoded once, at most 2560 px on the long side (what is sent anyway). */

/** A decoded image the renderer can draw. */
export interface EditorImage {
  source: CanvasImageSource;
  width: number;
  height: number;
  /** Frees the decoded pixels. */
  release(): void;
}

/** The long side the editor works at. */
export const EDITOR_MAX_SIDE = 2560;

function fit(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, EDITOR_MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function viaImageElement(blob: Blob): Promise<EditorImage> {
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => undefined };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Decodes a screenshot for editing, downscaled when larger than the editor works at. */
export async function loadEditorImage(blob: Blob): Promise<EditorImage> {
  if (typeof createImageBitmap !== 'function') return viaImageElement(blob);
  const bitmap = await createImageBitmap(blob);
  const size = fit(bitmap.width, bitmap.height);
  if (size.width === bitmap.width && size.height === bitmap.height) {
    return { source: bitmap, ...size, release: () => bitmap.close() };
  }
  const scaled = await createImageBitmap(bitmap, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  bitmap.close();
  return { source: scaled, ...size, release: () => scaled.close() };
}
