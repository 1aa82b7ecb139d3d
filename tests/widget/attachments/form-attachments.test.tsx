/**
 * The form's attachments (useFormAttachments): the zone and the queue are asked for when the form screen
 * prepares them (the panel's first use) or their place shows, and show with their place (the category's
 * fields), and the queue may arrive after the zone; a file picked before it is attached
 * once it is there, and sending waits until the queue has read the draft back.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryBlobStore } from '../../../src/widget/shared/memory-stores';
import { createEnv, createFakeApi, FormAttachmentsProbe, pngFile, Providers, slotState, stubObjectUrls } from './helpers';

const gate = vi.hoisted(() => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open(), requested: false };
});

// The queue's chunk "arrives" when the test says so.
vi.mock('../../../src/widget/app/form-attachments-part', async (importOriginal) => {
  gate.requested = true;
  await gate.opened;
  return importOriginal();
});

beforeEach(() => {
  stubObjectUrls();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const frames = (n: number) => new Promise<void>((done) => {
  const step = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => setTimeout(() => step(left - 1), 0)));
  step(n);
});

describe('the form’s attachments', () => {
  it('asks for the zone and the queue when prepared, not before, and shows the zone with its place at once', async () => {
    const fake = createFakeApi({ autoSucceed: true });
    const env = createEnv(fake.api, createMemoryBlobStore());
    const { rerender } = render(
      <Providers api={fake.api} env={env}>
        <FormAttachmentsProbe used={false} placed={false} />
      </Providers>,
    );
    await frames(3);
    expect(gate.requested).toBe(false);
    expect(slotState(screen.getByTestId('slot')).busy).toBe(true);
    // Prepared (the panel's first use), no category chosen yet: the parts are asked for, but the limits the zone
    // shows wait for its place.
    rerender(
      <Providers api={fake.api} env={env}>
        <FormAttachmentsProbe placed={false} />
      </Providers>,
    );
    await waitFor(() => expect(gate.requested).toBe(true));
    await frames(3);
    expect(fake.api.getMeta).not.toHaveBeenCalled();
    // A category is chosen: the zone, already loaded, is there in the same commit as its place.
    rerender(
      <Providers api={fake.api} env={env}>
        <FormAttachmentsProbe />
      </Providers>,
    );
    expect(screen.getByRole('group', { name: 'Файлы и скриншоты' })).toHaveTextContent('PNG, JPEG, WebP, GIF или PDF');
    await waitFor(() => expect(fake.api.getMeta).toHaveBeenCalledTimes(1));
  });

  it('shows the zone before the queue, keeps a file picked meanwhile, and attaches it when the queue comes', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi({ autoSucceed: true });
    render(
      <Providers api={fake.api} env={createEnv(fake.api, createMemoryBlobStore())}>
        <FormAttachmentsProbe />
      </Providers>,
    );
    const slot = () => slotState(screen.getByTestId('slot'));
    // The zone, its limits and buttons come; sending waits (the saved files are not read back yet).
    expect(await screen.findByRole('group', { name: 'Файлы и скриншоты' })).toHaveTextContent('PNG, JPEG, WebP, GIF или PDF');
    expect(slot().busy).toBe(true);

    await user.upload(screen.getByLabelText('Прикрепить файлы'), [pngFile('before.png')]);
    expect(screen.queryByRole('list', { name: 'Прикреплённые файлы' })).toBeNull();
    expect(fake.calls).toHaveLength(0);

    gate.open();
    const list = await screen.findByRole('list', { name: 'Прикреплённые файлы' });
    await waitFor(() => expect(within(list).getByText('Загружен')).toBeInTheDocument());
    await waitFor(() => expect(slot()).toMatchObject({ names: ['before.png'], busy: false, failed: false, hasImage: true }));
    expect(slot().ids).toHaveLength(1);
    expect(fake.calls).toHaveLength(1);
  });
});
