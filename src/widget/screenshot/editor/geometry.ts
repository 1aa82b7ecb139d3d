/** Rectangles in image pixels: normalising a drag, keeping inside the image, and the layout of the exported picture. */

/** A point in image pixels. */
export interface Point {
  x: number;
  y: number;
}

/** A rectangle in image pixels, never with a negative size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An image's size in pixels. */
export interface Size {
  width: number;
  height: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The point moved inside the image. */
export function clampPoint(point: Point, size: Size): Point {
  return { x: clamp(Math.round(point.x), 0, size.width), y: clamp(Math.round(point.y), 0, size.height) };
}

/** The rectangle spanned by two corners, whichever way the pointer went. */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** The overlap of two rectangles, or null when they don't overlap. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** A rectangle moved by (dx, dy) but kept entirely inside the image. */
export function moveWithin(rect: Rect, dx: number, dy: number, size: Size): Rect {
  return { ...rect, x: clamp(rect.x + dx, 0, size.width - rect.width), y: clamp(rect.y + dy, 0, size.height - rect.height) };
}

/** A rectangle resized by (dw, dh) from its top-left corner, at least `min` and never past the image's edge. */
export function resizeWithin(rect: Rect, dw: number, dh: number, size: Size, min: number): Rect {
  return {
    ...rect,
    width: clamp(rect.width + dw, Math.min(min, size.width - rect.x), size.width - rect.x),
    height: clamp(rect.height + dh, Math.min(min, size.height - rect.y), size.height - rect.y),
  };
}

/** A rectangle a quarter of the image in each direction, centred: where the keyboard frame starts. */
export function centredRect(size: Size): Rect {
  const width = Math.max(1, Math.round(size.width / 4));
  const height = Math.max(1, Math.round(size.height / 4));
  return { x: Math.round((size.width - width) / 2), y: Math.round((size.height - height) / 2), width, height };
}

/** The keyboard step: 2 % of the long side, so a few presses cross a field whatever the image size. */
export function keyboardStep(size: Size): number {
  return Math.max(1, Math.round(Math.max(size.width, size.height) / 50));
}
