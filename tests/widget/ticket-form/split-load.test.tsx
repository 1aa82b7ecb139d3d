/** «Разделить» when the split view's file does not load: said beside the button, and the next press tries again. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { chooseCategory, fillCommon } from './actions';
import { renderForm } from './render-form';

// The split view's file, as the network gives it: missing until `offline` is turned off.
const network = vi.hoisted(() => ({ offline: true, requests: 0 }));
vi.mock('../../../src/widget/ticket-form/SplitDrafts', async (importOriginal) => {
  network.requests += 1;
  if (network.offline) throw new TypeError('Failed to fetch dynamically imported module: SplitDrafts.js');
  return importOriginal();
});

const TWO_PROBLEMS = 'Не открывается курс «Охрана труда». Также не приходит письмо с паролем новым слушателям.';
const FAILED = 'Не удалось загрузить разделение. Проверьте соединение и попробуйте ещё раз.';

describe('the split view failing to load', () => {
  it('says so in a live region beside «Разделить», keeps the button, and a later press opens the split', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, TWO_PROBLEMS);
    const split = await screen.findByRole('button', { name: 'Разделить на 2 обращения' });
    const panel = split.closest('.us-one-problem__panel') as HTMLElement;
    const message = within(panel).getByRole('status');
    expect(message).toBeEmptyDOMElement();

    await user.click(split);
    await waitFor(() => expect(message).toHaveTextContent(FAILED));
    expect(split).toHaveAccessibleDescription(FAILED);
    expect(split).toBeEnabled();
    expect(screen.queryByRole('heading', { name: '2 обращения вместо одного' })).not.toBeInTheDocument();
    const tried = network.requests;

    network.offline = false;
    await user.click(split);
    expect(await screen.findByRole('heading', { name: '2 обращения вместо одного' })).toBeInTheDocument();
    expect(network.requests).toBeGreaterThan(tried);
    expect(screen.queryByText(FAILED)).not.toBeInTheDocument();

    // Back at the form, the failure is not said again.
    await user.click(screen.getByRole('button', { name: 'Вернуться к одному обращению' }));
    const again = await screen.findByRole('button', { name: 'Разделить на 2 обращения' });
    expect(within(again.closest('.us-one-problem__panel') as HTMLElement).getByRole('status')).toBeEmptyDOMElement();
  });
});
