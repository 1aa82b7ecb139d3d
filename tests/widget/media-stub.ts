/** A `matchMedia` for jsdom (which has none) that matches the queries given; undo with `vi.unstubAllGlobals()`. */
import { vi } from 'vitest';

export function stubMatchMedia(...matching: string[]): void {
  vi.stubGlobal('matchMedia', (media: string) => ({ matches: matching.includes(media), media, addEventListener: () => undefined, removeEventListener: () => undefined }));
}
