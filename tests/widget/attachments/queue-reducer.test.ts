import { describe, expect, it } from 'vitest';
import { initialQueueState, queueReducer } from '../../../src/widget/attachments/model/queue-reducer';
import type { QueueAction } from '../../../src/widget/attachments/model/queue-reducer';
import type { QueueState } from '../../../src/widget/attachments/model/types';

const blob = (size = 10) => new Blob([new Uint8Array(size)]);
const file = (id: string) => ({ id, name: `${id}.png`, size: 10, type: 'image/png', source: blob() });
const run = (actions: QueueAction[], state: QueueState = initialQueueState('d', true)) => actions.reduce(queueReducer, state);
const statuses = (state: QueueState) => state.items.map((item) => `${item.id}:${item.status}${item.error ? `(${item.error})` : ''}`);

describe('queueReducer', () => {
  it('adds files as preparing and ignores duplicate ids', () => {
    const state = run([{ type: 'added', files: [file('a'), file('b')] }, { type: 'added', files: [file('a')] }]);
    expect(statuses(state)).toEqual(['a:preparing', 'b:preparing']);
    expect(state.items.every((item) => !item.checked && item.attempt === 0)).toBe(true);
  });

  it('refuses by reason and numbers the files over the limit in the order given', () => {
    const state = run([
      { type: 'added', files: [file('a'), file('b'), file('c'), file('d'), file('e')] },
      {
        type: 'checked',
        maxFiles: 2,
        verdicts: [
          { id: 'a', type: 'image/png' },
          { id: 'b', refusal: 'type' },
          { id: 'c', type: 'image/png' },
          { id: 'd', type: 'application/pdf' },
          { id: 'e', type: 'image/png' },
        ],
      },
    ]);
    expect(statuses(state)).toEqual(['a:preparing', 'b:refused(type)', 'c:preparing', 'd:refused(count)', 'e:refused(count)']);
    expect(state.items.map((item) => item.ordinal)).toEqual([undefined, undefined, undefined, 3, 4]);
    expect(state.items[3]!.type).toBe('application/pdf');
  });

  it('counts files already in the queue, but not refused ones', () => {
    const state = run([
      { type: 'added', files: [file('a'), file('b')] },
      { type: 'checked', maxFiles: 2, verdicts: [{ id: 'a', type: 'image/png' }, { id: 'b', refusal: 'size' }] },
      { type: 'added', files: [file('c'), file('d')] },
      { type: 'checked', maxFiles: 2, verdicts: [{ id: 'c', type: 'image/png' }, { id: 'd', type: 'image/png' }] },
    ]);
    expect(statuses(state)).toEqual(['a:preparing', 'b:refused(size)', 'c:preparing', 'd:refused(count)']);
    expect(state.items[3]!.ordinal).toBe(3);
  });

  it('goes prepared → uploading → uploaded, with progress that never goes back', () => {
    const prepared = blob(5);
    const state = run([
      { type: 'added', files: [file('a')] },
      { type: 'checked', maxFiles: 10, verdicts: [{ id: 'a', type: 'image/png' }] },
      { type: 'prepared', id: 'a', blob: prepared, name: 'a.webp', contentType: 'image/webp', maxFileBytes: 100 },
      { type: 'progress', id: 'a', progress: 0.6 },
      { type: 'progress', id: 'a', progress: 0.4 },
    ]);
    expect(state.items[0]).toMatchObject({ status: 'uploading', progress: 0.6, name: 'a.webp', type: 'image/webp', size: 5, blob: prepared });
    // The size shown from then on is the one the server stored (it re-encodes images), as support sees it.
    const done = queueReducer(state, { type: 'uploaded', id: 'a', serverId: 'att_1', size: 4 });
    expect(done.items[0]).toMatchObject({ status: 'uploaded', progress: 1, serverId: 'att_1', size: 4 });
    expect(done.lastEvent).toMatchObject({ kind: 'uploaded', name: 'a.webp' });
  });

  it('refuses a prepared file still over the size limit', () => {
    const state = run([
      { type: 'added', files: [file('a')] },
      { type: 'checked', maxFiles: 10, verdicts: [{ id: 'a', type: 'image/png' }] },
      { type: 'prepared', id: 'a', blob: blob(101), name: 'a.png', contentType: 'image/png', maxFileBytes: 100 },
    ]);
    expect(statuses(state)).toEqual(['a:refused(size)']);
  });

  it('fails, retries as a new attempt, and ignores results for files no longer uploading', () => {
    const uploading = run([
      { type: 'added', files: [file('a')] },
      { type: 'checked', maxFiles: 10, verdicts: [{ id: 'a', type: 'image/png' }] },
      { type: 'prepared', id: 'a', blob: blob(), name: 'a.png', contentType: 'image/png', maxFileBytes: 100 },
      { type: 'progress', id: 'a', progress: 0.5 },
    ]);
    const failed = queueReducer(uploading, { type: 'failed', id: 'a', error: 'cancelled' });
    expect(statuses(failed)).toEqual(['a:failed(cancelled)']);
    expect(queueReducer(failed, { type: 'uploaded', id: 'a', serverId: 'late', size: 5 })).toBe(failed);
    const retried = queueReducer(failed, { type: 'retry', id: 'a' });
    expect(retried.items[0]).toMatchObject({ status: 'uploading', progress: 0, attempt: 1 });
    expect(retried.items[0]!.error).toBeUndefined();
  });

  it('retries a file that failed before it was prepared by preparing it again', () => {
    const state = run([
      { type: 'added', files: [file('a')] },
      { type: 'checked', maxFiles: 10, verdicts: [{ id: 'a', type: 'image/png' }] },
      { type: 'failed', id: 'a', error: 'cancelled' },
      { type: 'retry', id: 'a' },
    ]);
    expect(statuses(state)).toEqual(['a:preparing']);
  });

  it('restores saved files before those added meanwhile, only for its own draft', () => {
    const start = run([{ type: 'added', files: [file('new')] }], initialQueueState('d', false));
    const saved = [
      { id: 'up', name: 'up.png', type: 'image/png', blob: blob(), serverId: 'att_up' },
      { id: 'todo', name: 'todo.pdf', type: 'application/pdf', blob: blob() },
    ];
    expect(queueReducer(start, { type: 'restored', draftKey: 'other', files: saved })).toBe(start);
    const state = queueReducer(start, { type: 'restored', draftKey: 'd', files: saved });
    expect(statuses(state)).toEqual(['up:uploaded', 'todo:uploading', 'new:preparing']);
    expect(state.ready).toBe(true);
    expect(state.lastEvent).toMatchObject({ kind: 'restored', count: 2 });
  });

  it('removes, clears and resets', () => {
    const state = run([{ type: 'added', files: [file('a'), file('b')] }]);
    expect(statuses(queueReducer(state, { type: 'removed', id: 'a' }))).toEqual(['b:preparing']);
    expect(queueReducer(state, { type: 'cleared' }).items).toEqual([]);
    expect(queueReducer(state, { type: 'reset', draftKey: 'e', ready: false })).toEqual({ draftKey: 'e', items: [], ready: false });
  });
});
