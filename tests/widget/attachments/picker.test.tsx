import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { useDraftAttachments } from '../../../src/widget/attachments';
import { createMemoryBlobStore } from '../../../src/widget/shared/memory-stores';
import { bigFile, createEnv, createFakeApi, pdfFile, pngFile, Providers, renderPicker, slotState, stubObjectUrls, svgFile } from './helpers';
import { TOUCH_ONLY_QUERY } from '../../../src/widget/shared/media';
import { stubMatchMedia } from '../media-stub';

let urls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  urls = stubObjectUrls();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const input = () => screen.getByLabelText('Прикрепить файлы');
const list = () => screen.getByRole('list', { name: 'Прикреплённые файлы' });
const slot = () => slotState(screen.getByTestId('slot'));

describe('AttachmentPicker', () => {
  it('says «Прикрепить файлы» once: the control is named, the label a pointer clicks is hidden from screen readers', () => {
    renderPicker();
    expect(input()).toHaveAccessibleName('Прикрепить файлы');
    expect(input()).toHaveAccessibleDescription(/до 10 файлов|Форматы|МБ/);
    const label = document.querySelector(`label[for="${input().id}"]`);
    expect(label).toHaveTextContent('Прикрепить файлы');
    expect(label).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getAllByText('Прикрепить файлы').filter((node) => node.closest('[aria-hidden="true"]') === null)).toEqual([]);
  });

  it('uploads picked files with a thumbnail, a labelled progress bar and the server id in the slot', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    await user.upload(input(), [pngFile('screenshot.png'), pdfFile('act.pdf')]);

    await waitFor(() => expect(fake!.calls).toHaveLength(2));
    expect(within(list()).getByRole('img', { name: 'screenshot.png' })).toHaveAttribute('src', 'blob:thumb-1');
    expect(within(list()).queryByRole('img', { name: 'act.pdf' })).toBeNull();
    expect(slot().busy).toBe(true);

    act(() => fake!.calls[0]!.progress(0.42));
    const bar = screen.getByRole('progressbar', { name: 'Загрузка screenshot.png' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');

    act(() => fake!.calls[0]!.succeed('att_screenshot1'));
    act(() => fake!.calls[1]!.succeed('att_actpdf0001'));
    await waitFor(() => expect(within(list()).getAllByText('Загружен')).toHaveLength(2));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(slot()).toMatchObject({ ids: ['att_screenshot1', 'att_actpdf0001'], busy: false, failed: false, hasImage: true });
    // Both said: the two uploads ended together.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('screenshot.png загружен act.pdf загружен'));
  });

  it('explains refused files one by one and keeps the accepted ones', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPicker({ api: createFakeApi({ autoSucceed: true }).api });
    const eleven = Array.from({ length: 11 }, (_, index) => pngFile(`photo-${index + 1}.png`));
    await user.upload(input(), [svgFile('invoice.svg'), bigFile('video.mp4', 10 * 1024 * 1024 + 1), ...eleven]);

    const alert = await screen.findByRole('alert');
    // What is added is read, not the whole list again with each new refusal.
    expect(alert).toHaveAttribute('aria-atomic', 'false');
    expect(alert).toHaveAttribute('aria-relevant', 'additions');
    await waitFor(() => expect(within(alert).getAllByRole('listitem')).toHaveLength(3));
    const text = alert.textContent?.replace(/\u00a0/g, ' ');
    expect(text).toContain('invoice.svg — этот тип файлов не принимаем: только PNG, JPEG, WebP, GIF и PDF');
    expect(text).toContain('video.mp4 — больше 10 МБ');
    expect(text).toContain('photo-11.png — 11-й файл, а можно не больше 10 файлов');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(10);
    expect(slot().names).not.toContain('invoice.svg');

    await user.click(within(alert).getByRole('button', { name: 'Скрыть сообщение о invoice.svg' }));
    expect(alert).not.toHaveTextContent('invoice.svg');
    expect(alert).toHaveTextContent('video.mp4');
  });

  it('trusts the bytes, not the name: a PNG named .pdf is an image, a text named .png is said to be no real PNG', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPicker();
    const fakePng = new File(['just text'], 'notes.png', { type: 'image/png' });
    const fakeJpeg = new File(['just text'], 'Фото.JPEG', { type: 'image/jpeg' });
    await user.upload(input(), [pngFile('report.pdf'), fakePng, fakeJpeg]);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('notes.png — похоже, файл повреждён или на самом деле это не PNG. Откройте его и сохраните заново или приложите другой'));
    expect(alert).toHaveTextContent('Фото.JPEG — похоже, файл повреждён или на самом деле это не JPEG.');
    expect(alert).not.toHaveTextContent('этот тип файлов не принимаем');
    expect(await within(list()).findByRole('img', { name: 'report.pdf' })).toBeInTheDocument();
  });

  it('keeps the other files when one upload fails, and retries it', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    await user.upload(input(), [pngFile('a.png'), pngFile('b.png')]);
    await waitFor(() => expect(fake!.calls).toHaveLength(2));
    act(() => fake!.calls[1]!.succeed('att_bbbbbbbb'));
    act(() => fake!.calls[0]!.failNetwork());

    expect(await within(list()).findByText('Не загружен: нет связи с сервером')).toBeInTheDocument();
    expect(within(list()).getByText('Загружен')).toBeInTheDocument();
    expect(slot()).toMatchObject({ ids: ['att_bbbbbbbb'], failed: true, names: ['a.png', 'b.png'] });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('b.png загружен a.png: Не загружен: нет связи с сервером'));

    const retry = screen.getByRole('button', { name: 'Повторить загрузку a.png' });
    await user.click(retry);
    await waitFor(() => expect(fake!.calls).toHaveLength(3));
    expect(fake!.calls[2]!.name).toBe('a.png');
    expect(screen.getByRole('button', { name: 'Отменить загрузку a.png' })).toHaveFocus();
    act(() => fake!.calls[2]!.succeed('att_aaaaaaaa'));
    await waitFor(() => expect(slot()).toMatchObject({ ids: ['att_aaaaaaaa', 'att_bbbbbbbb'], failed: false, busy: false }));
    expect(fake!.calls).toHaveLength(3);
  });

  it('maps server refusals to their reason', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    await user.upload(input(), pngFile('big.png'));
    await waitFor(() => expect(fake!.calls).toHaveLength(1));
    act(() => fake!.calls[0]!.fail(413));
    expect(await screen.findByText('Не загружен: сервер счёл файл слишком большим')).toBeInTheDocument();
  });

  it('says a file the server could not read is damaged, with no retry that could not help', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    await user.upload(input(), pngFile('scan.png'));
    await waitFor(() => expect(fake!.calls).toHaveLength(1));
    act(() => fake!.calls[0]!.fail(422, 'validation_failed'));
    expect(await within(list()).findByText(/Не загружен: файл повреждён и не читается/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Повторить загрузку scan.png' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Удалить scan.png' })).toBeInTheDocument();
  });

  it('says why when the drafts hold too many files, and counts a picture that failed as no screenshot', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    await user.upload(input(), pngFile('shot.png'));
    await waitFor(() => expect(fake!.calls).toHaveLength(1));
    act(() => fake!.calls[0]!.fail(422, 'too_many_attachments'));
    expect(await within(list()).findByText(/слишком много файлов ждут отправки в ваших черновиках/)).toBeInTheDocument();
    expect(slot()).toMatchObject({ failed: true, hasImage: false });
  });

  it('cancels an upload through its abort signal and offers a retry', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    await user.upload(input(), pngFile('slow.png'));
    await waitFor(() => expect(fake!.calls).toHaveLength(1));
    const signal = fake!.calls[0]!.signal;
    expect(signal?.aborted).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Отменить загрузку slow.png' }));
    expect(signal?.aborted).toBe(true);
    expect(within(list()).getByText('Загрузка отменена')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Повторить загрузку slow.png' })).toHaveFocus();
    expect(slot().failed).toBe(true);
  });

  it('removes a file, revokes its thumbnail and returns focus to the file button', async () => {
    const user = userEvent.setup();
    renderPicker({ api: createFakeApi({ autoSucceed: true }).api });
    await user.upload(input(), [pngFile('one.png'), pngFile('two.png')]);
    await waitFor(() => expect(within(list()).getAllByText('Загружен')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Удалить one.png' }));
    expect(within(list()).queryByText('one.png')).toBeNull();
    expect(within(list()).getByText('two.png')).toBeInTheDocument();
    expect(urls.revoked).toHaveBeenCalledWith('blob:thumb-1');
    expect(input()).toHaveFocus();
    expect(slot().names).toEqual(['two.png']);
    // Said, not only seen: the live region no longer says the last upload finished.
    expect(screen.getByRole('status')).toHaveTextContent('one.png удалён');
  });

  it('says every upload of files that end together, and a later one alone', async () => {
    // The clock the announcements go by, moved by the test.
    let now = 1_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const user = userEvent.setup();
      const { fake } = renderPicker();
      await user.upload(input(), [pngFile('a.png'), pngFile('b.png'), pngFile('c.png')]);
      await waitFor(() => expect(fake!.calls).toHaveLength(3));
      act(() => fake!.calls[0]!.succeed());
      now += 300;
      act(() => fake!.calls[1]!.failNetwork());
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('a.png загружен b.png: Не загружен: нет связи с сервером'));
      now += 5_000;
      act(() => fake!.calls[2]!.succeed());
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('c.png загружен'));
      expect(screen.getByRole('status')).not.toHaveTextContent('a.png');
      // Taking a file off answers the user's step: said alone, whenever it comes.
      await user.click(screen.getByRole('button', { name: 'Удалить c.png' }));
      expect(screen.getByRole('status')).toHaveTextContent('c.png удалён');
      expect(screen.getByRole('status')).not.toHaveTextContent('загружен');
    } finally {
      clock.mockRestore();
    }
  });

  it('says at most the last four of a long run of uploads, the region being read whole at each change', async () => {
    const user = userEvent.setup();
    const { fake } = renderPicker();
    const names = ['a.png', 'b.png', 'c.png', 'd.png', 'e.png', 'f.png'];
    await user.upload(input(), names.map((name) => pngFile(name)));
    await waitFor(() => expect(fake!.calls).toHaveLength(6));
    for (const call of fake!.calls) act(() => call.succeed());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('c.png загружен d.png загружен e.png загружен f.png загружен'));
    expect(screen.getByRole('status')).not.toHaveTextContent(/a\.png|b\.png/);
  });

  it('says the same words again as a change: two files of one name uploaded one after the other', async () => {
    const user = userEvent.setup();
    renderPicker({ api: createFakeApi({ autoSucceed: true }).api });
    await user.upload(input(), [pngFile('one.png')]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('one.png загружен'));
    const first = screen.getByRole('status').textContent;
    await user.upload(input(), [pngFile('one.png')]);
    await waitFor(() => expect(within(list()).getAllByText('Загружен')).toHaveLength(2));
    expect(screen.getByRole('status')).toHaveTextContent('one.png загружен');
    expect(screen.getByRole('status').textContent).not.toBe(first);
  });

  it('attaches an image pasted into the widget', async () => {
    renderPicker({ api: createFakeApi({ autoSucceed: true }).api });
    const group = screen.getByRole('group', { name: 'Файлы и скриншоты' });
    fireEvent.paste(group, { clipboardData: { files: [pngFile('image.png')], types: ['Files'] } });
    expect(await within(list()).findByRole('img', { name: 'image.png' })).toBeInTheDocument();
    await waitFor(() => expect(slot().ids).toHaveLength(1));
  });

  it('ignores pasted text and listens on the container it is given', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    renderPicker({ api: createFakeApi({ autoSucceed: true }).api, pasteTarget: () => container });
    fireEvent.paste(container, { clipboardData: { files: [], types: ['text/plain'] } });
    fireEvent.paste(container, { clipboardData: { files: [pngFile('from-container.png')], types: ['Files'] } });
    expect(await within(list()).findByText('from-container.png')).toBeInTheDocument();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
    container.remove();
  });

  it('shows the drop state while files are dragged over it and attaches dropped files', async () => {
    renderPicker({ api: createFakeApi({ autoSucceed: true }).api });
    const group = screen.getByRole('group', { name: 'Файлы и скриншоты' });
    fireEvent.dragEnter(group, { dataTransfer: { types: ['Files'], files: [] } });
    expect(group).toHaveAttribute('data-state', 'dragging');
    expect(screen.getByText('Отпустите, чтобы прикрепить')).toBeInTheDocument();
    fireEvent.drop(group, { dataTransfer: { types: ['Files'], files: [pdfFile('dropped.pdf')] } });
    expect(group).toHaveAttribute('data-state', 'idle');
    expect(await within(list()).findByText('dropped.pdf')).toBeInTheDocument();
  });

  it('takes its limits from GET /meta', async () => {
    const user = userEvent.setup();
    renderPicker({ api: createFakeApi({ limits: { maxFileBytes: 1024 * 1024, maxFilesPerTicket: 2 } }).api });
    await waitFor(() => expect(screen.getByText(/до 1 МБ, не больше 2 файлов/)).toBeInTheDocument());
    await user.upload(input(), bigFile('scan.pdf', 2 * 1024 * 1024, 'application/pdf'));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent?.replace(/\u00a0/g, ' ')).toContain('scan.pdf — больше 1 МБ'));
  });

  it('offers the screenshot button only when the shell wires it', async () => {
    const onCapture = vi.fn();
    const user = userEvent.setup();
    renderPicker({ onCapture, captureSlot: <p>capture flow here</p> });
    await user.click(screen.getByRole('button', { name: 'Сделать скриншот страницы' }));
    expect(onCapture).toHaveBeenCalledOnce();
    expect(screen.getByText('capture flow here')).toBeInTheDocument();
  });

  it('gives the focus back to «Сделать скриншот страницы» when the screenshot flow closes with it', async () => {
    // As the shell wires it: the flow (here a stand-in with its last button) renders in the slot while capturing,
    // and goes away when the screenshot is attached.
    function Capture() {
      const [open, setOpen] = useState(false);
      const { slot } = useDraftAttachments({
        draftKey: 'draft-1',
        onCapture: () => setOpen(true),
        capturing: open,
        captureSlot: open ? (
          <button type="button" onClick={() => setOpen(false)}>
            Прикрепить
          </button>
        ) : null,
      });
      return (
        <>
          {slot.node}
          <button type="button" onClick={() => setOpen(false)}>
            test: elsewhere
          </button>
        </>
      );
    }
    const { api } = createFakeApi();
    render(
      <Providers api={api} env={createEnv(api, createMemoryBlobStore())}>
        <Capture />
      </Providers>,
    );
    const user = userEvent.setup();
    const capture = screen.getByRole('button', { name: 'Сделать скриншот страницы' });
    await user.click(capture);
    await user.click(screen.getByRole('button', { name: 'Прикрепить' }));
    expect(screen.queryByRole('button', { name: 'Прикрепить' })).not.toBeInTheDocument();
    await waitFor(() => expect(capture).toHaveFocus());

    // Focus the user has moved on by then stays where they put it.
    await user.click(capture);
    const elsewhere = screen.getByRole('button', { name: 'test: elsewhere' });
    await user.click(elsewhere);
    expect(screen.queryByRole('button', { name: 'Прикрепить' })).not.toBeInTheDocument();
    expect(elsewhere).toHaveFocus();
  });
});

describe('AttachmentPicker on a touch screen', () => {
  it('does not tell a phone to drag files or press Ctrl+V', () => {
    // jsdom has no matchMedia: the computer's case below runs without one.
    stubMatchMedia(TOUCH_ONLY_QUERY);
    renderPicker();
    expect(screen.getByText('Приложите фото или снимок экрана: кнопка «Прикрепить файлы» ниже.')).toBeInTheDocument();
    expect(screen.queryByText(/Ctrl\+V/)).toBeNull();
    vi.unstubAllGlobals();
  });

  it('tells a computer both', () => {
    renderPicker();
    expect(screen.getByText(/Перетащите файлы сюда или вставьте скриншот из буфера обмена: Ctrl\+V/)).toBeInTheDocument();
  });
});
