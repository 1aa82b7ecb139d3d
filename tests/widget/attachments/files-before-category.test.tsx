/**
 * A file pasted or dropped in the form before its category is chosen waits, named, and is attached when the
 * category's fields (and the zone) come; a file dropped anywhere in the shown form is attached rather than opened
 * by the browser in place of the page.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryBlobStore } from '../../../src/widget/shared/memory-stores';
import { createEnv, createFakeApi, FormAttachmentsProbe, pdfFile, pngFile, Providers, slotState, stubObjectUrls } from './helpers';

beforeEach(() => {
  stubObjectUrls();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const slot = () => slotState(screen.getByTestId('slot'));
const list = () => screen.findByRole('list', { name: 'Прикреплённые файлы' });

/** The probe in a container that stands for the widget's shadow root, with a text field of the form beside it. */
function renderForm({ shown = true, placed }: { shown?: boolean; placed: boolean }) {
  const fake = createFakeApi({ autoSucceed: true });
  const host = document.body.appendChild(document.createElement('div'));
  const env = { ...createEnv(fake.api, createMemoryBlobStore()), container: () => host };
  const ui = (next: { shown?: boolean; placed: boolean }) => (
    <Providers api={fake.api} env={env}>
      {/* Hidden as the shell hides the form's screen under another one. */}
      <div hidden={next.shown === false}>
        <textarea aria-label="Описание" />
        <FormAttachmentsProbe shown={next.shown ?? true} placed={next.placed} />
      </div>
    </Providers>
  );
  const view = render(ui({ shown, placed }), { container: host });
  return { fake, host, rerender: (next: { shown?: boolean; placed: boolean }) => view.rerender(ui(next)) };
}

const files = (...list: File[]) => ({ files: list, types: ['Files'] });

describe('files before the category is chosen', () => {
  it('keeps a pasted screenshot, names it, and attaches it when the category’s fields come', async () => {
    const { host, rerender } = renderForm({ placed: false });
    // Taken: the paste's default (nothing, outside a field) is prevented, as the zone itself does.
    expect(fireEvent.paste(host, { clipboardData: files(pngFile('shot.png')) })).toBe(false);
    await waitFor(() => expect(slot().waiting).toEqual(['shot.png']));
    expect(screen.queryByRole('group', { name: 'Файлы и скриншоты' })).toBeNull();
    rerender({ placed: true });
    expect(await within(await list()).findByRole('img', { name: 'shot.png' })).toBeInTheDocument();
    await waitFor(() => expect(slot().ids).toHaveLength(1));
    expect(slot().waiting).toEqual([]);
  });

  it('keeps a file dropped anywhere in the form, and leaves text pasted into a field to the field', async () => {
    const { rerender } = renderForm({ placed: false });
    const field = screen.getByRole('textbox', { name: 'Описание' });
    // A spreadsheet's copy carries its text and a picture of it: the user meant the text.
    expect(fireEvent.paste(field, { clipboardData: { files: [pngFile('cells.png')], types: ['text/plain', 'Files'] } })).toBe(true);
    // Dragged over the form, a file may be dropped (the browser would otherwise open it instead of the page).
    expect(fireEvent.dragOver(field, { dataTransfer: { files: [], types: ['Files'] } })).toBe(false);
    expect(fireEvent.drop(field, { dataTransfer: files(pdfFile('act.pdf')) })).toBe(false);
    await waitFor(() => expect(slot().waiting).toEqual(['act.pdf']));
    rerender({ placed: true });
    expect(await within(await list()).findByText('act.pdf')).toBeInTheDocument();
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('attaches a file dropped outside the zone once the zone is there, and takes nothing while the form is hidden', async () => {
    const { host, rerender } = renderForm({ shown: false, placed: true });
    expect(fireEvent.drop(host, { dataTransfer: files(pdfFile('elsewhere.pdf')) })).toBe(true);
    expect(fireEvent.paste(host, { clipboardData: files(pngFile('elsewhere.png')) })).toBe(true);
    rerender({ placed: true });
    await screen.findByRole('group', { name: 'Файлы и скриншоты' });
    expect(fireEvent.drop(screen.getByRole('textbox', { name: 'Описание' }), { dataTransfer: files(pdfFile('act.pdf')) })).toBe(false);
    expect(await within(await list()).findByText('act.pdf')).toBeInTheDocument();
    expect(slot().waiting).toEqual([]);
    expect(within(await list()).queryByText('elsewhere.pdf')).toBeNull();
  });
});
