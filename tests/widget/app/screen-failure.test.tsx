/**
 * A screen whose chunk does not load (offline, a blocked file) leaves an error and a retry in its place; the
 * rest of the widget keeps working. Fresh module instances, so the mocked chunk touches no other test file.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoot } from './render-root';

describe('a screen that does not load', () => {
  it('shows an error and a retry when a screen does not load, and the rest of the widget keeps working', async () => {
    vi.resetModules();
    vi.doMock('../../../src/widget/app/screens/TicketsScreen', () => {
      throw new Error('offline');
    });
    try {
      const { WidgetRoot: FreshRoot } = await import('../../../src/widget/app');
      const { user } = renderRoot({ Root: FreshRoot });
      await user.click(await screen.findByRole('button', { name: /^Мои обращения/ }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Не удалось загрузить этот раздел');
      const retry = within(alert).getByRole('button', { name: 'Повторить' });
      await waitFor(() => expect(retry).toHaveFocus());
      // The form is still there, and the retry loads the screen once it can.
      await user.click(screen.getByRole('button', { name: 'Новое обращение' }));
      expect(await screen.findByRole('button', { name: 'Другой вопрос' })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
      await user.click(screen.getByRole('button', { name: /^Мои обращения/ }));
      await screen.findByRole('alert');
      vi.doUnmock('../../../src/widget/app/screens/TicketsScreen');
      await user.click(screen.getByRole('button', { name: 'Повторить' }));
      expect(await screen.findByText('Не открывается урок', {}, { timeout: 15_000 })).toBeInTheDocument();
    } finally {
      vi.doUnmock('../../../src/widget/app/screens/TicketsScreen');
      vi.resetModules();
    }
  });
});
