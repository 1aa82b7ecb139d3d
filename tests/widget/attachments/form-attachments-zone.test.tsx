/**
 * The form's attachment zone could not load (offline right after opening, a blocked file): its place says so
 * and offers to try again, sending is not held back, and the retry brings the zone. Fresh module instances, so
 * the failing chunk touches no other test file.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../../src/widget/app/form-attachments-zone');
  vi.resetModules();
});

describe('the form’s attachment zone', () => {
  it('says it did not load, does not hold sending back, and loads on "Повторить"', async () => {
    vi.resetModules();
    vi.doMock('../../../src/widget/app/form-attachments-zone', () => {
      throw new Error('offline');
    });
    const [{ createEnv, createFakeApi, FormAttachmentsProbe, Providers, slotState, stubObjectUrls }, { createMemoryBlobStore }] = await Promise.all([
      import('./helpers'),
      import('../../../src/widget/shared/memory-stores'),
    ]);
    stubObjectUrls();
    const user = userEvent.setup();
    const fake = createFakeApi({ autoSucceed: true });
    render(
      <Providers api={fake.api} env={createEnv(fake.api, createMemoryBlobStore())}>
        <FormAttachmentsProbe />
      </Providers>,
    );
    expect(await screen.findByText(/Не удалось загрузить прикрепление файлов/)).toBeInTheDocument();
    expect(slotState(screen.getByTestId('slot')).busy).toBe(false);
    expect(screen.queryByRole('group', { name: 'Файлы и скриншоты' })).toBeNull();
    vi.doUnmock('../../../src/widget/app/form-attachments-zone');
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('group', { name: 'Файлы и скриншоты' })).toBeInTheDocument();
    expect(screen.queryByText(/Не удалось загрузить прикрепление файлов/)).toBeNull();
    await waitFor(() => expect(slotState(screen.getByTestId('slot')).busy).toBe(false));
  });
});
