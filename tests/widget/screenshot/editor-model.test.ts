import { describe, expect, it } from 'vitest';
import { editorReducer, initialEditorState } from '../../../src/widget/screenshot/editor/editor-reducer';
import type { EditorAction, EditorState } from '../../../src/widget/screenshot/editor/editor-reducer';
import { exportLayout } from '../../../src/widget/screenshot/editor/export-layout';
import { moveWithin, rectFromPoints, resizeWithin } from '../../../src/widget/screenshot/editor/geometry';

const size = { width: 1000, height: 500 };
const run = (actions: EditorAction[], state: EditorState = initialEditorState(size)) => actions.reduce(editorReducer, state);
const drag = (from: [number, number], to: [number, number]): EditorAction[] => [
  { type: 'pointer-down', point: { x: from[0], y: from[1] } },
  { type: 'pointer-move', point: { x: (from[0] + to[0]) / 2, y: (from[1] + to[1]) / 2 } },
  { type: 'pointer-move', point: { x: to[0], y: to[1] } },
  { type: 'pointer-up' },
];

describe('editorReducer', () => {
  it('starts with black-out and an empty scene', () => {
    const state = initialEditorState(size);
    expect(state).toMatchObject({ tool: 'blackout', scene: { crop: null, marks: [] }, past: [], draft: null });
  });

  it('draws a rectangle by dragging in any direction, clamped to the image', () => {
    const state = run([...drag([300, 200], [100, 50]), { type: 'tool', tool: 'highlight' }, ...drag([900, 400], [1200, 700])]);
    expect(state.scene.marks).toEqual([
      { kind: 'blackout', rect: { x: 100, y: 50, width: 200, height: 150 } },
      { kind: 'highlight', rect: { x: 900, y: 400, width: 100, height: 100 } },
    ]);
    expect(state.draft).toBeNull();
    expect(state.last).toMatchObject({ kind: 'added', tool: 'highlight' });
  });

  it('shows the rectangle while dragging and ignores a click', () => {
    const dragging = run([{ type: 'pointer-down', point: { x: 10, y: 10 } }, { type: 'pointer-move', point: { x: 60, y: 40 } }]);
    expect(dragging.draft?.rect).toEqual({ x: 10, y: 10, width: 50, height: 30 });
    const clicked = run([{ type: 'pointer-down', point: { x: 10, y: 10 } }, { type: 'pointer-move', point: { x: 12, y: 11 } }, { type: 'pointer-up' }]);
    expect(clicked.scene.marks).toEqual([]);
    expect(clicked.past).toEqual([]);
  });

  it('keeps one crop: a new one replaces the old', () => {
    const state = run([{ type: 'tool', tool: 'crop' }, ...drag([0, 0], [500, 250]), ...drag([100, 100], [300, 200])]);
    expect(state.scene.crop).toEqual({ x: 100, y: 100, width: 200, height: 100 });
    expect(state.past).toHaveLength(2);
  });

  it('undoes step by step and does nothing with nothing to undo', () => {
    const twice = run([...drag([0, 0], [50, 50]), ...drag([100, 100], [150, 150])]);
    const once = editorReducer(twice, { type: 'undo' });
    expect(once.scene.marks).toHaveLength(1);
    expect(once.last).toMatchObject({ kind: 'undone' });
    const none = editorReducer(editorReducer(once, { type: 'undo' }), { type: 'undo' });
    expect(none.scene.marks).toEqual([]);
    expect(editorReducer(none, { type: 'undo' })).toBe(none);
  });

  it('resets to the original picture, and the reset itself can be undone', () => {
    const marked = run([{ type: 'tool', tool: 'crop' }, ...drag([0, 0], [500, 250]), { type: 'tool', tool: 'blackout' }, ...drag([10, 10], [60, 60])]);
    const reset = editorReducer(marked, { type: 'reset' });
    expect(reset.scene).toEqual({ crop: null, marks: [] });
    expect(editorReducer(reset, { type: 'reset' })).toBe(reset);
    expect(editorReducer(reset, { type: 'undo' }).scene).toEqual(marked.scene);
  });

  it('adds rectangles from the keyboard: frame, move, resize, commit', () => {
    const framed = run([{ type: 'keyboard-frame' }]);
    expect(framed.draft).toEqual({ via: 'keyboard', rect: { x: 375, y: 188, width: 250, height: 125 } });
    const moved = run([{ type: 'keyboard-nudge', dx: 1, dy: 0, resize: false }, { type: 'keyboard-nudge', dx: 0, dy: -1, resize: true }], framed);
    expect(moved.draft?.rect).toEqual({ x: 395, y: 188, width: 250, height: 105 });
    expect(moved.last).toMatchObject({ kind: 'frame', rect: moved.draft?.rect });
    const committed = editorReducer(moved, { type: 'commit' });
    expect(committed.scene.marks).toEqual([{ kind: 'blackout', rect: { x: 395, y: 188, width: 250, height: 105 } }]);
    expect(committed.draft).toBeNull();
  });

  it('starts a keyboard frame on the first arrow and keeps it inside the image', () => {
    const state = run(Array.from({ length: 40 }, () => ({ type: 'keyboard-nudge', dx: 1, dy: 1, resize: false }) as const));
    expect(state.draft?.rect).toEqual({ x: 750, y: 375, width: 250, height: 125 });
    expect(editorReducer(state, { type: 'cancel-draft' }).draft).toBeNull();
  });
});

describe('geometry', () => {
  it('normalises a drag and keeps moves and resizes inside', () => {
    expect(rectFromPoints({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual({ x: 10, y: 20, width: 40, height: 60 });
    expect(moveWithin({ x: 10, y: 10, width: 100, height: 100 }, -50, 1000, size)).toEqual({ x: 0, y: 400, width: 100, height: 100 });
    expect(resizeWithin({ x: 900, y: 10, width: 50, height: 50 }, 500, -500, size, 4)).toEqual({ x: 900, y: 10, width: 100, height: 4 });
  });
});

describe('exportLayout', () => {
  it('exports the whole picture without a crop', () => {
    const layout = exportLayout({ crop: null, marks: [{ kind: 'blackout', rect: { x: 1, y: 2, width: 3, height: 4 } }] }, size);
    expect(layout).toEqual({ source: { x: 0, y: 0, width: 1000, height: 500 }, marks: [{ kind: 'blackout', rect: { x: 1, y: 2, width: 3, height: 4 } }] });
  });

  it('moves marks with the crop, clips those across its edge and drops those outside', () => {
    const layout = exportLayout(
      {
        crop: { x: 100, y: 100, width: 200, height: 100 },
        marks: [
          { kind: 'blackout', rect: { x: 50, y: 120, width: 100, height: 20 } },
          { kind: 'highlight', rect: { x: 150, y: 150, width: 10, height: 10 } },
          { kind: 'blackout', rect: { x: 600, y: 300, width: 10, height: 10 } },
        ],
      },
      size,
    );
    expect(layout.source).toEqual({ x: 100, y: 100, width: 200, height: 100 });
    expect(layout.marks).toEqual([
      { kind: 'blackout', rect: { x: 0, y: 20, width: 50, height: 20 } },
      { kind: 'highlight', rect: { x: 50, y: 50, width: 10, height: 10 } },
    ]);
  });
});
