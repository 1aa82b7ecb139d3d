import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../src/core';
import { useAttachmentQueue } from '../../../src/widget/attachments';
import { createDraftFiles, draftPrefix } from '../../../src/widget/attachments/draft-files';
import { parseManifest } from '../../../src/widget/attachments/model/manifest';
import { createMemoryBlobStore } from '../../../src/widget/shared/memory-stores';
import { createFakeApi, pngFile, renderPicker, slotState, stubObjectUrls } from './helpers';

beforeEach(() => {
  stubObjectUrls();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const input = () => screen.getByLabelText('Прикрепить файлы');
const list = () => screen.getByRole('list', { name: 'Прикреплённые файлы' });
const slot = () => slotState(screen.getByTestId('slot'));

async function savedUnder(store: ReturnType<typeof createMemoryBlobStore>, draftKey: string) {
  return (await store.keys(draftPrefix(draftKey))).sort();
}

describe('draft attachments survive a reload', () => {
  it('restores the files of the same draft: uploaded ones keep their id, the others are uploaded again', async () => {
    const store = createMemoryBlobStore();
    const user = userEvent.setup();
    const first = createFakeApi();
    const view = renderPicker({ api: first.api, blobStore: store, draftKey: 'draft-7' });
    await user.upload(input(), [pngFile('a.png'), pngFile('b.png')]);
    await waitFor(() => expect(first.calls).toHaveLength(2));
    // The server re-encoded the image: the list shows what it stored, as support sees it, then and after a reload.
    act(() => first.calls[0]!.succeed('att_aaaaaaaa', 4321));
    await within(list()).findByText('4,2 кБ');
    act(() => first.calls[1]!.failNetwork());
    await within(list()).findByText('Не загружен: нет связи с сервером');
    await waitFor(async () => expect(await savedUnder(store, 'draft-7')).toHaveLength(3));
    const manifest = await store.get(`${draftPrefix('draft-7')}manifest`);
    expect(parseManifest((await manifest!.blob.text()) ?? '')).toMatchObject([
      { name: 'a.png', type: 'image/png', serverId: 'att_aaaaaaaa', size: 4321 },
      { name: 'b.png', type: 'image/png' },
    ]);
    view.unmount();

    const second = createFakeApi();
    renderPicker({ api: second.api, blobStore: store, draftKey: 'draft-7' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Из черновика возвращены 2 файла'));
    const rows = within(list()).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByText(/\.png$/).textContent)).toEqual(['a.png', 'b.png']);
    expect(within(rows[0]!).getByText('Загружен')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('4,2 кБ')).toBeInTheDocument();
    await waitFor(() => expect(second.calls).toHaveLength(1));
    expect(second.calls[0]!.name).toBe('b.png');
    expect(second.calls[0]!.blob.size).toBe(pngFile('b.png').size);
    act(() => second.calls[0]!.succeed('att_bbbbbbbb'));
    await waitFor(() => expect(slot().ids).toEqual(['att_aaaaaaaa', 'att_bbbbbbbb']));
  });

  it('keeps drafts apart and forgets the files after clear()', async () => {
    const store = createMemoryBlobStore();
    const user = userEvent.setup();
    const view = renderPicker({ api: createFakeApi({ autoSucceed: true }).api, blobStore: store, draftKey: 'one' });
    await user.upload(input(), pngFile('kept.png'));
    await within(list()).findByText('Загружен');
    await waitFor(async () => expect(await savedUnder(store, 'one')).toHaveLength(2));
    view.unmount();

    const other = renderPicker({ api: createFakeApi().api, blobStore: store, draftKey: 'one:two' });
    await waitFor(() => expect(slot().busy).toBe(false));
    expect(screen.queryByText('kept.png')).toBeNull();
    other.unmount();

    renderPicker({ api: createFakeApi().api, blobStore: store, draftKey: 'one' });
    expect(await screen.findByText('kept.png')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'test: clear' }));
    expect(screen.queryByText('kept.png')).toBeNull();
    await waitFor(async () => expect(await savedUnder(store, 'one')).toEqual([]));
  });

  it('is busy until the saved files are read back', async () => {
    let release: (() => void) | undefined;
    const store = createMemoryBlobStore();
    const slowStore = { ...store, get: async (key: string) => (await new Promise<void>((resolve) => (release = resolve)), store.get(key)) };
    renderPicker({ blobStore: slowStore, draftKey: 'slow' });
    expect(slot().busy).toBe(true);
    expect(screen.getByText('Возвращаем файлы черновика…')).toBeInTheDocument();
    await waitFor(() => expect(release).not.toBe(undefined));
    await act(async () => release?.());
    await waitFor(() => expect(slot().busy).toBe(false));
  });
});

describe('createDraftFiles', () => {
  it('drops damaged lists and orphaned blobs instead of failing', async () => {
    const store = createMemoryBlobStore();
    const prefix = draftPrefix('d');
    await store.put(`${prefix}manifest`, new Blob(['{not json']), 'manifest.json');
    await store.put(`${prefix}file:orphan`, new Blob(['x']), 'orphan.png');
    expect(await createDraftFiles(store, 'd').restore()).toEqual([]);
    expect(await store.keys(prefix)).toEqual([`${prefix}manifest`]);
  });

  it('skips listed files whose blob is gone', async () => {
    const store = createMemoryBlobStore();
    const files = createDraftFiles(store, 'd');
    files.saveFile('kept', new Blob(['k']), 'kept.png');
    files.saveManifest([
      { id: 'kept', name: 'kept.png', type: 'image/png' },
      { id: 'lost', name: 'lost.png', type: 'image/png', serverId: 'att_lost0000' },
    ]);
    const restored = await files.restore();
    expect(restored.map((file) => file.name)).toEqual(['kept.png']);
  });
});

describe('a store that never answers', () => {
  it('stops blocking the form after a while', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const store = createMemoryBlobStore();
      const stuck = { ...store, get: () => new Promise<null>(() => undefined) };
      renderPicker({ blobStore: stuck, draftKey: 'stuck' });
      expect(slot().busy).toBe(true);
      await act(async () => vi.advanceTimersByTime(3000));
      expect(slot().busy).toBe(false);
      expect(screen.queryByText('Возвращаем файлы черновика…')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('saving while the saved files are read back', () => {
  it('keeps a file saved during the read', async () => {
    const store = createMemoryBlobStore();
    const files = createDraftFiles(store, 'd');
    const reading = files.restore();
    files.saveFile('fresh', new Blob(['f']), 'fresh.png');
    await reading;
    files.saveManifest([{ id: 'fresh', name: 'fresh.png', type: 'image/png' }]);
    expect((await files.restore()).map((file) => file.name)).toEqual(['fresh.png']);
  });
});

describe('under StrictMode', () => {
  it('uploads each new or restored file once', async () => {
    const store = createMemoryBlobStore();
    const user = userEvent.setup();
    const first = createFakeApi();
    const view = renderPicker({ api: first.api, blobStore: store, draftKey: 'strict', strict: true });
    await user.upload(input(), pngFile('once.png'));
    await waitFor(() => expect(first.calls).toHaveLength(1));
    act(() => first.calls[0]!.failNetwork());
    await within(list()).findByText('Не загружен: нет связи с сервером');
    await waitFor(async () => expect(await savedUnder(store, 'strict')).toHaveLength(2));
    view.unmount();

    const second = createFakeApi({ autoSucceed: true });
    renderPicker({ api: second.api, blobStore: store, draftKey: 'strict', strict: true });
    await within(await screen.findByRole('list', { name: 'Прикреплённые файлы' })).findByText('Загружен');
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
  });
});

describe('useAttachmentQueue with another draft key', () => {
  it('switches to that draft’s files and back', async () => {
    const store = createMemoryBlobStore();
    const { api } = createFakeApi({ autoSucceed: true });
    const { result, rerender } = renderHook(
      ({ draftKey }: { draftKey: string }) => useAttachmentQueue({ draftKey, limits: DEFAULT_ATTACHMENT_LIMITS, upload: api.uploadAttachment, blobStore: store }),
      { initialProps: { draftKey: 'a' } },
    );
    await waitFor(() => expect(result.current.ready).toBe(true));
    act(() => result.current.add([pngFile('of-a.png')]));
    await waitFor(() => expect(result.current.items[0]?.status).toBe('uploaded'));
    await waitFor(async () => expect(await savedUnder(store, 'a')).toHaveLength(2));

    rerender({ draftKey: 'b' });
    await waitFor(() => expect(result.current.ready).toBe(true));
    expect(result.current.items).toEqual([]);
    expect(await savedUnder(store, 'a')).toHaveLength(2);

    rerender({ draftKey: 'a' });
    await waitFor(() => expect(result.current.items.map((item) => [item.name, item.status])).toEqual([['of-a.png', 'uploaded']]));
  });
});
