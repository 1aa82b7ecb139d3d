/**
 * A single-page LMS moves between its pages without reloading: the form the user has not touched follows the page
 * it is opened on (the suggested category, the link it fills); one the user has started keeps what it was about,
 * and one the user is focused in follows the page once the focus leaves it.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseCategory } from '../ticket-form/actions';
import { renderRoot } from './render-root';

const COURSE = 'https://center.uchi.pro/courses/7f3c2a10-0000-4000-8000-000000000001';
const ORDER = 'https://center.uchi.pro/orders/9a1b2c3d-0000-4000-8000-000000000002';
const OTHER_ORDER = 'https://center.uchi.pro/orders/9a1b2c3d-0000-4000-8000-000000000003';

/** The first category offered, and whether it is offered as the page's. */
async function firstOffer() {
  const first = (await screen.findAllByRole('button', { name: /./ }, { timeout: 15_000 })).find((button) => button.closest('ul') !== null);
  return first as HTMLElement;
}

describe('the host page changes under the widget', () => {
  it('an untouched form follows the page; a started one keeps its own', async () => {
    const { user, env, rerender } = renderRoot();
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    expect(screen.queryByText('Похоже, вопрос о курсе на этой странице')).toBeNull();

    // The LMS navigated to a course page and the widget rendered again (an open, a new token).
    rerender({ env: { ...env, pageUrl: COURSE } });
    await waitFor(async () => expect(await firstOffer()).toHaveAccessibleDescription(expect.stringContaining('Похоже, вопрос о курсе на этой странице')));
    // The user is tabbing through the options when the page renders the widget again: the form stays, and so does
    // their focus; it follows the page once the focus leaves the form.
    const focused = await firstOffer();
    focused.focus();
    rerender({ env: { ...env, pageUrl: ORDER } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(focused).toHaveFocus();
    expect(await firstOffer()).toBe(focused);
    expect(focused).toHaveAccessibleDescription(expect.stringContaining('Похоже, вопрос о курсе на этой странице'));
    // Once the focus leaves the form, it follows the page it is on, with no other change of page.
    focused.blur();
    await waitFor(async () => expect(await firstOffer()).toHaveAccessibleDescription(expect.stringContaining('Похоже, вопрос о заявке на этой странице')));
    rerender({ env: { ...env, pageUrl: OTHER_ORDER } });
    await waitFor(async () => expect(await firstOffer()).toHaveAccessibleDescription(expect.stringContaining('Похоже, вопрос о заявке на этой странице')));
    await chooseCategory(user, 'Заявка на обучение');
    expect(await screen.findByLabelText('Ссылка на заявку')).toHaveValue(OTHER_ORDER);

    // Started on the order page: moving to the course page changes nothing the user is writing about.
    rerender({ env: { ...env, pageUrl: COURSE } });
    expect(await screen.findByLabelText('Ссылка на заявку')).toHaveValue(OTHER_ORDER);
    expect(screen.queryByLabelText('Ссылка на курс')).toBeNull();
  }, 30_000);
});
