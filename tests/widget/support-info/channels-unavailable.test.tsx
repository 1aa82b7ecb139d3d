/**
 * The other-channels panel's body could not load (offline after opening, a blocked file): the opened panel says
 * so and offers to try again, and the retry brings the channels. Fresh module instances, so the failing chunk
 * touches no other test file.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../../src/widget/support-info/ChannelsBody');
  vi.resetModules();
});

describe('the other-channels panel’s body', () => {
  it('says it did not load, and loads on «Повторить»', async () => {
    vi.resetModules();
    vi.doMock('../../../src/widget/support-info/ChannelsBody', () => {
      throw new Error('offline');
    });
    const [{ ChannelsPanel }, { createFakeApi }, { renderWidget }] = await Promise.all([
      import('../../../src/widget/support-info'),
      import('../status-timeline/fake-api'),
      import('../status-timeline/render'),
    ]);
    const { user } = renderWidget(<ChannelsPanel />, createFakeApi());
    await user.click(screen.getByText('Другие способы связаться с нами'));
    const panel = screen.getByRole('group');
    expect(await within(panel).findByText(/Не удалось связаться с сервером техподдержки/)).toBeInTheDocument();
    vi.doUnmock('../../../src/widget/support-info/ChannelsBody');
    await user.click(within(panel).getByRole('button', { name: 'Повторить' }));
    expect(await within(panel).findByRole('link', { name: 'support@uchi.pro' })).toBeInTheDocument();
  });
});
