/** Where each part of the exported picture goes: the crop becomes the canvas, marks move with it and are clipped. */
import { intersect } from './geometry';
import type { Rect, Size } from './geometry';
import type { Mark, Scene } from './editor-reducer';

/** The exported picture's geometry. */
export interface ExportLayout {
  /** The part of the source image that is kept. */
  source: Rect;
  /** Marks in the exported picture's coordinates, clipped to it; marks outside the crop are gone. */
  marks: Mark[];
}

/** The layout of a scene over an image of `size`. */
export function exportLayout(scene: Scene, size: Size): ExportLayout {
  const whole: Rect = { x: 0, y: 0, ...size };
  const source = scene.crop === null ? whole : (intersect(scene.crop, whole) ?? whole);
  const marks = scene.marks.flatMap((mark): Mark[] => {
    const clipped = intersect(mark.rect, source);
    if (clipped === null) return [];
    return [{ kind: mark.kind, rect: { ...clipped, x: clipped.x - source.x, y: clipped.y - source.y } }];
  });
  return { source, marks };
}
