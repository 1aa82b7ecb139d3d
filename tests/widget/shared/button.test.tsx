/** The widget's Button while busy: announced, inert to clicks and implicit submission, and still focused. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from '../../../src/widget/shared/ui';

describe('Button', () => {
  it('keeps the focus while busy and does nothing until it is not', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const view = (busy: boolean) => (
      <form onSubmit={onSubmit}>
        <input aria-label="Тема" />
        <Button type="submit" busy={busy}>
          Отправить
        </Button>
      </form>
    );
    const { rerender } = render(view(false));
    const button = screen.getByRole('button', { name: 'Отправить' });
    await user.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    // Sending: the focused button turns busy and keeps the focus (a disabled one would drop it to the page).
    rerender(view(true));
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toBeEnabled();
    await user.click(button);
    await user.type(screen.getByLabelText('Тема'), 'ещё раз{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    rerender(view(false));
    await user.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});
