/** Decides how an image is downscaled and re-encoded before upload: pure, so the rules are tested without a canvas. */

/** The long side an image is brought down to: enough to read any screen text, small enough to send fast. */
export const MAX_IMAGE_SIDE = 2560;
/** Quality of lossy re-encoding. */
export const LOSSY_QUALITY = 0.9;
/** A PNG bigger than this after re-encoding is sent as WebP (or JPEG where WebP can't be encoded). */
export const HUGE_PNG_BYTES = 4 * 1024 * 1024;

/** What to produce from an image. */
export interface ImagePlan {
  width: number;
  height: number;
  type: 'image/png' | 'image/jpeg' | 'image/webp';
  /** For lossy types. */
  quality?: number;
}

/** The target size: the long side at most `maxSide`, aspect ratio kept, never upscaled. */
export function fitWithin(width: number, height: number, maxSide = MAX_IMAGE_SIDE): { width: number; height: number } {
  const longSide = Math.max(width, height);
  if (longSide <= maxSide) return { width, height };
  const scale = maxSide / longSide;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The first plan for an image of the given type and size, or null for types sent unchanged (GIF, PDF, unknown). */
export function planImage(type: string, width: number, height: number): ImagePlan | null {
  const size = fitWithin(width, height);
  switch (type) {
    case 'image/png':
      return { ...size, type: 'image/png' };
    case 'image/jpeg':
      return { ...size, type: 'image/jpeg', quality: LOSSY_QUALITY };
    case 'image/webp':
      return { ...size, type: 'image/webp', quality: LOSSY_QUALITY };
    default:
      return null;
  }
}

/**
 * The plan to try after encoding with `plan` gave `result`: a huge PNG goes to WebP, and a WebP the browser
 * cannot encode (it silently returns PNG) goes to JPEG. Null when the result is the one to keep.
 */
export function nextPlan(plan: ImagePlan, result: { type: string; size: number }): ImagePlan | null {
  if (plan.type === 'image/png' && result.size > HUGE_PNG_BYTES) return { ...plan, type: 'image/webp', quality: LOSSY_QUALITY };
  if (plan.type === 'image/webp' && result.type !== 'image/webp') return { ...plan, type: 'image/jpeg', quality: LOSSY_QUALITY };
  return null;
}

const EXTENSIONS: Record<ImagePlan['type'], string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** The file name for a re-encoded image: the same base name with the new type's extension. */
export function renameFor(name: string, type: ImagePlan['type']): string {
  const extension = EXTENSIONS[type];
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (current === extension || (extension === 'jpg' && current === 'jpeg')) return name;
  return `${base}.${extension}`;
}
