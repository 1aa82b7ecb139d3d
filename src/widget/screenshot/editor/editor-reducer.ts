/**
 * The screenshot editor as a reducer: tools, the rectangle being drawn (by pointer or keyboard), the committed
 * marks, undo and reset. Pure, so the editing rules are tested without a canvas.
 */
import { centredRect, clampPoint, keyboardStep, moveWithin, rectFromPoints, resizeWithin } from './geometry';
import type { Point, Rect, Size } from './geometry';

/** Editing tools. */
export type Tool = 'crop' | 'highlight' | 'blackout';

/** A committed mark: an outlined highlight or an opaque black-out. */
export interface Mark {
  kind: 'highlight' | 'blackout';
  rect: Rect;
}

/** What the exported picture is made of. */
export interface Scene {
  crop: Rect | null;
  marks: readonly Mark[];
}

/** The rectangle being drawn. */
export interface Draft {
  rect: Rect;
  via: 'pointer' | 'keyboard';
  /** Where a pointer drag started. */
  origin?: Point;
}

/** Something to announce; `seq` tells two equal events apart. */
export type EditorEvent =
  | { kind: 'added'; tool: Tool; seq: number }
  | { kind: 'frame'; rect: Rect; seq: number }
  | { kind: 'undone'; seq: number }
  | { kind: 'reset'; seq: number };

/** The editor's state. */
export interface EditorState {
  size: Size;
  tool: Tool;
  scene: Scene;
  /** Earlier scenes, newest last: undo pops one. */
  past: readonly Scene[];
  draft: Draft | null;
  last: EditorEvent | null;
}

/** Everything that can happen in the editor. */
export type EditorAction =
  | { type: 'tool'; tool: Tool }
  | { type: 'pointer-down'; point: Point }
  | { type: 'pointer-move'; point: Point }
  | { type: 'pointer-up' }
  | { type: 'keyboard-frame' }
  | { type: 'keyboard-nudge'; dx: number; dy: number; resize: boolean }
  | { type: 'commit' }
  | { type: 'cancel-draft' }
  | { type: 'undo' }
  | { type: 'reset' };

/** A drag smaller than this (in image pixels) is a click, not a rectangle. */
export const MIN_SIDE = 4;

/** The empty scene. */
export const EMPTY_SCENE: Scene = { crop: null, marks: [] };

/** A fresh editor over an image; black-out is the first tool, because hiding personal data matters most. */
export function initialEditorState(size: Size): EditorState {
  return { size, tool: 'blackout', scene: EMPTY_SCENE, past: [], draft: null, last: null };
}

const seqOf = (state: EditorState) => (state.last?.seq ?? 0) + 1;

/** Whether the scene has anything in it. */
export function isEmptyScene(scene: Scene): boolean {
  return scene.crop === null && scene.marks.length === 0;
}

function commit(state: EditorState): EditorState {
  const rect = state.draft?.rect;
  if (rect === undefined || rect.width < Math.min(MIN_SIDE, state.size.width) || rect.height < Math.min(MIN_SIDE, state.size.height)) {
    return { ...state, draft: null };
  }
  const scene: Scene =
    state.tool === 'crop' ? { ...state.scene, crop: rect } : { ...state.scene, marks: [...state.scene.marks, { kind: state.tool, rect }] };
  return { ...state, scene, past: [...state.past, state.scene], draft: null, last: { kind: 'added', tool: state.tool, seq: seqOf(state) } };
}

function nudge(state: EditorState, dx: number, dy: number, resize: boolean): EditorState {
  const start = state.draft?.via === 'keyboard' ? state.draft.rect : centredRect(state.size);
  const step = keyboardStep(state.size);
  const rect = resize ? resizeWithin(start, dx * step, dy * step, state.size, MIN_SIDE) : moveWithin(start, dx * step, dy * step, state.size);
  return { ...state, draft: { rect, via: 'keyboard' }, last: { kind: 'frame', rect, seq: seqOf(state) } };
}

/** The editor's reducer. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'tool':
      return { ...state, tool: action.tool };
    case 'pointer-down': {
      const origin = clampPoint(action.point, state.size);
      return { ...state, draft: { rect: { ...origin, width: 0, height: 0 }, via: 'pointer', origin } };
    }
    case 'pointer-move':
      if (state.draft?.via !== 'pointer' || state.draft.origin === undefined) return state;
      return { ...state, draft: { ...state.draft, rect: rectFromPoints(state.draft.origin, clampPoint(action.point, state.size)) } };
    case 'pointer-up':
      return state.draft?.via === 'pointer' ? commit(state) : state;
    case 'keyboard-frame': {
      const rect = centredRect(state.size);
      return { ...state, draft: { rect, via: 'keyboard' }, last: { kind: 'frame', rect, seq: seqOf(state) } };
    }
    case 'keyboard-nudge':
      return nudge(state, action.dx, action.dy, action.resize);
    case 'commit':
      return commit(state);
    case 'cancel-draft':
      return state.draft === null ? state : { ...state, draft: null };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (previous === undefined) return state;
      return { ...state, scene: previous, past: state.past.slice(0, -1), draft: null, last: { kind: 'undone', seq: seqOf(state) } };
    }
    case 'reset':
      if (isEmptyScene(state.scene)) return state;
      return { ...state, scene: EMPTY_SCENE, past: [...state.past, state.scene], draft: null, last: { kind: 'reset', seq: seqOf(state) } };
    default:
      return action satisfies never;
  }
}
