/**
 * The DOM fallback: renders the page with modern-screenshot (loaded only when this path is taken), masking form
 * fields in the clone and leaving out the widget's own host element.
 */
import { maskClonedNode } from './mask-clone';

/** Options of a DOM rendering. */
type RenderOptions = {
  filter: (node: Node) => boolean;
  onCloneEachNode: (cloned: Node) => void;
  scale: number;
  type: string;
  width?: number;
  height?: number;
  backgroundColor?: string | null;
  style?: Partial<CSSStyleDeclaration> | null;
};

/** The part of modern-screenshot we use (tests pass a fake). */
export interface DomRenderer {
  domToBlob(node: Node, options: RenderOptions): Promise<Blob>;
  /**
   * A rendering context and its teardown: modern-screenshot adds a sandbox iframe (and workers) to the host
   * page for a rendering, and only `destroyContext` takes them away again, also when the rendering failed.
   */
  createContext?(node: Node, options: RenderOptions): Promise<unknown>;
  destroyContext?(context: unknown): void;
}

/** Loads the renderer; a separate chunk from the screenshot flow itself. */
export const loadDomRenderer = (): Promise<DomRenderer> => import('modern-screenshot');

/** Renders what the user sees of the page to a PNG, without `exclude` and with typed values masked. */
export async function captureDom(exclude: Element | null, load: () => Promise<DomRenderer> = loadDomRenderer, win: Window = window): Promise<Blob> {
  const renderer = await load();
  const root = win.document.documentElement;
  const options: RenderOptions = {
    filter: (node) => node !== exclude,
    onCloneEachNode: maskClonedNode,
    // Screen pixels, capped at 2: sharp on HiDPI screens without a huge canvas.
    scale: Math.min(2, Math.max(1, win.devicePixelRatio || 1)),
    type: 'image/png',
    // The viewport, not the top of the document: the clone is shifted by the scroll offset and cut to the window.
    width: win.innerWidth,
    height: win.innerHeight,
    style: { transform: `translate(${-win.scrollX}px, ${-win.scrollY}px)` },
    backgroundColor: '#ffffff',
  };
  if (renderer.createContext === undefined || renderer.destroyContext === undefined) return renderer.domToBlob(root, options);
  const context = await renderer.createContext(root, options);
  try {
    return await (renderer.domToBlob as (context: unknown) => Promise<Blob>)(context);
  } finally {
    renderer.destroyContext(context);
  }
}
