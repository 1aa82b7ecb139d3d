/** The attachment queue as a reducer: every change of state goes through here, so it is tested without React. */
import type { AttachmentError, QueueEvent, QueueItem, QueueState, RefusalReason } from './types';

/** A file just given by the user (picked, dropped, pasted or captured). */
export interface NewFile {
  id: string;
  name: string;
  size: number;
  type: string;
  source: Blob;
}

/** A file read back from the draft store. */
export interface RestoredFile {
  id: string;
  name: string;
  type: string;
  blob: Blob;
  serverId?: string;
  /** The size the server stored, when it was uploaded. */
  size?: number;
}

/** The outcome of checking one added file. */
export type CheckVerdict = { id: string; type: string } | { id: string; refusal: RefusalReason };

/** Everything that can happen to the queue. */
export type QueueAction =
  | { type: 'added'; files: NewFile[] }
  | { type: 'checked'; verdicts: CheckVerdict[]; maxFiles: number }
  | { type: 'prepared'; id: string; blob: Blob; name: string; contentType: string; maxFileBytes: number }
  | { type: 'progress'; id: string; progress: number }
  | { type: 'uploaded'; id: string; serverId: string; size: number }
  | { type: 'failed'; id: string; error: AttachmentError }
  | { type: 'retry'; id: string }
  | { type: 'thumbnail'; id: string; url: string | undefined }
  | { type: 'removed'; id: string }
  | { type: 'restored'; draftKey: string; files: RestoredFile[] }
  | { type: 'cleared' }
  | { type: 'reset'; draftKey: string; ready: boolean };

/** An empty queue of a draft; `ready` is false while its saved files still have to be read back. */
export function initialQueueState(draftKey: string, ready: boolean): QueueState {
  return { draftKey, items: [], ready };
}

/** Items that take a place under the per-ticket limit: everything checked and not refused. */
export function countsTowardsLimit(item: QueueItem): boolean {
  return item.checked && item.status !== 'refused';
}

const nextSeq = (state: QueueState) => (state.lastEvent?.seq ?? 0) + 1;

/** How many events the state keeps for the live region (more than end between two renders). */
const RECENT_EVENTS = 10;

/** `next` with one more event to say. */
const withEvent = (next: QueueState, event: QueueEvent): QueueState => ({
  ...next,
  lastEvent: event,
  recentEvents: [...(next.recentEvents ?? []).slice(1 - RECENT_EVENTS), event],
});

const update = (state: QueueState, id: string, change: (item: QueueItem) => QueueItem): QueueState => ({
  ...state,
  items: state.items.map((item) => (item.id === id ? change(item) : item)),
});

function applyVerdicts(state: QueueState, verdicts: CheckVerdict[], maxFiles: number): QueueState {
  let taken = state.items.filter(countsTowardsLimit).length;
  const byId = new Map(verdicts.map((verdict) => [verdict.id, verdict]));
  // Verdicts are applied in the order the files were added, so "the 11th file" is the 11th the user gave.
  const items = state.items.map((item): QueueItem => {
    const verdict = byId.get(item.id);
    if (verdict === undefined || item.checked) return item;
    if ('refusal' in verdict) return { ...item, checked: true, status: 'refused', error: verdict.refusal };
    taken += 1;
    if (taken > maxFiles) return { ...item, type: verdict.type, checked: true, status: 'refused', error: 'count', ordinal: taken };
    return { ...item, type: verdict.type, checked: true };
  });
  return { ...state, items };
}

/** The queue's reducer. */
export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'added': {
      const known = new Set(state.items.map((item) => item.id));
      const added = action.files
        .filter((file) => !known.has(file.id))
        .map((file): QueueItem => ({ ...file, status: 'preparing', progress: 0, checked: false, attempt: 0 }));
      return { ...state, items: [...state.items, ...added] };
    }
    case 'checked':
      return applyVerdicts(state, action.verdicts, action.maxFiles);
    case 'prepared':
      return update(state, action.id, (item) => {
        if (item.status !== 'preparing') return item;
        const prepared = { ...item, blob: action.blob, name: action.name, type: action.contentType, size: action.blob.size };
        if (action.blob.size > action.maxFileBytes) return { ...prepared, status: 'refused', error: 'size' };
        return { ...prepared, status: 'uploading', progress: 0 };
      });
    case 'progress':
      return update(state, action.id, (item) =>
        item.status === 'uploading' ? { ...item, progress: Math.min(1, Math.max(item.progress, action.progress)) } : item,
      );
    case 'uploaded': {
      const item = state.items.find((candidate) => candidate.id === action.id);
      if (item?.status !== 'uploading') return state;
      const { error: _error, ...rest } = item;
      const next = update(state, action.id, () => ({ ...rest, status: 'uploaded', progress: 1, serverId: action.serverId, size: action.size }));
      return withEvent(next, { kind: 'uploaded', name: item.name, seq: nextSeq(state) });
    }
    case 'failed': {
      const item = state.items.find((candidate) => candidate.id === action.id);
      if (item?.status !== 'uploading' && item?.status !== 'preparing') return state;
      const next = update(state, action.id, () => ({ ...item, status: 'failed', error: action.error }));
      return withEvent(next, { kind: 'failed', name: item.name, error: action.error, seq: nextSeq(state) });
    }
    case 'retry':
      return update(state, action.id, (item) => {
        if (item.status !== 'failed') return item;
        const { error: _error, ...rest } = item;
        return { ...rest, status: item.blob === undefined ? 'preparing' : 'uploading', progress: 0, attempt: item.attempt + 1 };
      });
    case 'thumbnail':
      return update(state, action.id, (item) => {
        const { thumbnail: _thumbnail, ...rest } = item;
        return action.url === undefined ? rest : { ...rest, thumbnail: action.url };
      });
    case 'removed': {
      const gone = state.items.find((item) => item.id === action.id);
      const next = { ...state, items: state.items.filter((item) => item.id !== action.id) };
      // A file taken off is said; a refused one's message dismissed is not (it was never attached).
      return gone === undefined || gone.status === 'refused' ? next : withEvent(next, { kind: 'removed', name: gone.name, seq: nextSeq(state) });
    }
    case 'restored': {
      if (action.draftKey !== state.draftKey) return state;
      const known = new Set(state.items.map((item) => item.id));
      const restored = action.files
        .filter((file) => !known.has(file.id))
        .map((file): QueueItem => {
          const base = { id: file.id, name: file.name, type: file.type, size: file.size ?? file.blob.size, source: file.blob, blob: file.blob, checked: true, attempt: 0 };
          return file.serverId === undefined
            ? { ...base, status: 'uploading', progress: 0 }
            : { ...base, status: 'uploaded', progress: 1, serverId: file.serverId };
        });
      // Saved files came first: they keep their place before anything added while they were read.
      const next: QueueState = { ...state, items: [...restored, ...state.items], ready: true };
      return restored.length === 0 ? next : withEvent(next, { kind: 'restored', count: restored.length, seq: nextSeq(state) });
    }
    case 'cleared':
      return { ...state, items: [] };
    case 'reset':
      return initialQueueState(action.draftKey, action.ready);
    default:
      return action satisfies never;
  }
}
