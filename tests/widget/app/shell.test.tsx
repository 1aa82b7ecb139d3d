/** The shell: the form screen and navigation, the launcher's Escape, the host's open requests. */
import { screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SHEET_QUERY } from '../../../src/widget/app/use-visible-viewport';
import { makeTicket } from '../status-timeline/fixtures';
import { summary } from '../my-tickets/fixtures';
import { ok } from '../status-timeline/fake-api';
import { renderRoot } from './render-root';

/** jsdom hides every [popover] and cannot show one (the top layer itself is checked in Chromium): shown here. */
function showPopovers(): HTMLStyleElement {
  const shown = document.head.appendChild(document.createElement('style'));
  shown.textContent = '[popover] { display: block !important; }';
  return shown;
}

/** The form's own heading («Новое обращение», read before its first question). */
const formHeading = () => within(screen.getByRole('form', { name: 'Новое обращение' })).getByRole('heading', { name: 'Новое обращение' });

describe('the widget shell', () => {
  it('loads the form screen lazily with its texts and styles, and navigates to my tickets and a ticket', async () => {
    const { user, env, ticket } = renderRoot();
    expect(screen.getByRole('heading', { level: 1, name: 'Техподдержка Uchi.Pro' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(env.adoptStyles).toHaveBeenCalledWith(expect.stringContaining('.us-'));

    const nav = screen.getByRole('navigation', { name: 'Разделы техподдержки' });
    await user.click(screen.getByRole('button', { name: 'Другой вопрос' }));
    // The fields come with the attachment zone, which the panel's first use may still be loading.
    await user.type(await screen.findByLabelText('Тема обращения'), 'Черновик темы');
    await user.click(within(nav).getByRole('button', { name: /Мои обращения/ }));
    expect(within(nav).getByRole('button', { name: /Мои обращения/ })).toHaveAttribute('aria-current', 'page');
    await user.click(await screen.findByRole('button', { name: new RegExp(ticket.subject) }));
    expect(await screen.findByText(new RegExp(ticket.number))).toBeInTheDocument();

    // The form stayed mounted while hidden: what was typed is still there.
    await user.click(within(nav).getByRole('button', { name: 'Новое обращение' }));
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Черновик темы');
  }, 30_000); // the first lazy import transforms the whole form feature, which is slow on a loaded machine

  it('«Новое обращение» in the list and leaving a follow-up take the focus to the form, not to the page', async () => {
    const resolved = makeTicket('resolved');
    const { user } = renderRoot({
      api: {
        listTickets: async () => ok([summary('t1', { number: resolved.number, subject: resolved.subject, status: 'resolved', lastEventId: 3 })]),
        getTicket: async () => ok(resolved),
      },
    });
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    const nav = screen.getByRole('navigation', { name: 'Разделы техподдержки' });
    await user.click(within(nav).getByRole('button', { name: /Мои обращения/ }));
    const list = await screen.findByRole('button', { name: new RegExp(resolved.subject) }, { timeout: 15_000 });
    const fresh = within(list.closest('section') ?? document.body).getByRole('button', { name: 'Новое обращение' });
    await user.click(fresh);
    await waitFor(() => expect(formHeading()).toHaveFocus());

    // The problem came back: a follow-up, then an ordinary ticket after all.
    await user.click(within(nav).getByRole('button', { name: /Мои обращения/ }));
    await user.click(await screen.findByRole('button', { name: new RegExp(resolved.subject) }));
    await user.click(await screen.findByRole('button', { name: 'Проблема вернулась? Создать продолжение' }, { timeout: 15_000 }));
    const leave = await screen.findByRole('button', { name: 'Создать обычное обращение' });
    await user.click(leave);
    await waitFor(() => expect(formHeading()).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Создать обычное обращение' })).toBeNull();
  }, 30_000);

  it('in launcher mode is modal while it covers the page as a sheet, following the viewport as it changes', async () => {
    // A matchMedia whose sheet query the test turns on and off, telling its listeners as a browser does.
    let sheet = false;
    const listeners = new Set<() => void>();
    vi.stubGlobal('matchMedia', (media: string) => ({
      get matches() {
        return media === SHEET_QUERY && sheet;
      },
      media,
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    }));
    const shown = showPopovers();
    try {
      renderRoot({ mode: 'launcher' });
      const dialog = screen.getByRole('dialog', { name: 'Техподдержка Uchi.Pro' });
      expect(dialog).toHaveAttribute('aria-modal', 'false');
      // The phone turned upright: the panel is the sheet now.
      sheet = true;
      act(() => listeners.forEach((listener) => listener()));
      expect(dialog).toHaveAttribute('aria-modal', 'true');
      sheet = false;
      act(() => listeners.forEach((listener) => listener()));
      expect(dialog).toHaveAttribute('aria-modal', 'false');
    } finally {
      vi.unstubAllGlobals();
      shown.remove();
    }
  });

  it('opened by a page\'s button for a category, goes to the first field to type, not the panel\'s title', async () => {
    const shown = showPopovers();
    try {
      const { rerender, env } = renderRoot({ mode: 'launcher', open: false });
      // «Сообщить о проблеме с курсом»: open({ category: 'course' }) with the course's title and link, which the
      // embed passes as the request and as the environment's prefill.
      const prefill = { category: 'course' as const, courseTitle: 'Охрана труда', courseUrl: 'https://center.uchi.pro/courses/1' };
      const request = { openRequest: { id: 1, prefill } as never, env: { ...env, prefill } };
      rerender({ open: true, ...request });
      const description = await screen.findByLabelText('Опишите проблему', undefined, { timeout: 15_000 });
      await waitFor(() => expect(description).toHaveFocus());
      // Closed and opened from the launcher, it comes back where the user was.
      rerender({ open: false, ...request });
      (document.activeElement as HTMLElement | null)?.blur();
      rerender({ open: true, ...request });
      expect(description).toHaveFocus();

      // Closed, then another of the page's buttons, the fields' part loaded by now: from the button to the field.
      rerender({ open: false, ...request });
      const button = document.body.appendChild(document.createElement('button'));
      button.focus();
      const order = { category: 'order' as const, orderUrl: 'https://center.uchi.pro/orders/5' };
      rerender({ open: true, openRequest: { id: 2, prefill: order } as never, env: { ...env, prefill: order } });
      await waitFor(() => expect(screen.getByLabelText('Опишите проблему')).toHaveFocus());
      button.remove();
    } finally {
      shown.remove();
    }
  }, 30_000);

  it('opened from the launcher, gives the panel\'s title the focus, and leaves the fields alone', async () => {
    const shown = showPopovers();
    try {
      renderRoot({ mode: 'launcher' });
      await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
      expect(screen.getByRole('heading', { level: 1, name: 'Техподдержка Uchi.Pro' })).toHaveFocus();
    } finally {
      shown.remove();
    }
  }, 30_000);

  it('in launcher mode closes on Escape, and reports the unseen count for the launcher', async () => {
    const shown = showPopovers();
    const { user, onClose, onUnseenChange } = renderRoot({ mode: 'launcher' });
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Техподдержка Uchi.Pro' })).toBeInTheDocument();
    // The host page has its banner; the panel's title bar is not a second one.
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    // The user's one ticket waits for their answer: news in a browser that never showed the list.
    await waitFor(() => expect(onUnseenChange).toHaveBeenCalledWith(1, 'Техподдержка: 1 обращение изменилось'));
    shown.remove();
  }, 30_000);

  it('opens the ticket the host names by its number, and says plainly when the number is not the user’s', async () => {
    const { user, ticket, rerender } = renderRoot();
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    rerender({ openRequest: { id: 1, ticket: ticket.number } });
    expect(await screen.findByRole('heading', { level: 2, name: ticket.subject }, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: ticket.subject })).toHaveFocus());
    const nav = screen.getByRole('navigation', { name: 'Разделы техподдержки' });
    expect(within(nav).getByRole('button', { name: /Мои обращения/ })).toHaveAttribute('aria-current', 'page');

    rerender({ openRequest: { id: 2, ticket: 'UP-2026-999999' } });
    const missing = await screen.findByText('Обращение № UP-2026-999999 не найдено среди ваших обращений.');
    // The ticket shown (and focused) is gone: the focus stays in the widget, on what replaced it.
    await waitFor(() => expect(missing.closest('.us-ticket')).toHaveFocus());
    expect(screen.queryByRole('heading', { level: 2, name: ticket.subject })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'К моим обращениям' }));
    expect(await screen.findByRole('button', { name: new RegExp(ticket.subject) })).toBeInTheDocument();
  }, 30_000);

  it('renders nothing of the panel until the launcher opens it, but keeps the launcher badge informed', async () => {
    const { rerender, onUnseenChange } = renderRoot({ mode: 'launcher', open: false });
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    await waitFor(() => expect(onUnseenChange).toHaveBeenCalledWith(1, 'Техподдержка: 1 обращение изменилось'));
    rerender({ open: true });
    // jsdom hides every [popover]: the role query has to look inside it.
    expect(await screen.findByRole('button', { name: 'Другой вопрос', hidden: true }, { timeout: 15_000 })).toBeInTheDocument();
  }, 30_000);

  it('opened again, puts focus back where the user was: the field they typed in, the screen they went to', async () => {
    const shown = showPopovers();
    const { user, rerender } = renderRoot({ mode: 'launcher' });
    await user.click(await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 }));
    const description = await screen.findByLabelText('Опишите проблему', undefined, { timeout: 15_000 });
    await user.click(description);
    await user.keyboard('Белый экран');
    rerender({ open: false });
    rerender({ open: true });
    await waitFor(() => expect(description).toHaveFocus());
    // On another screen: where the user was there (the first open went to the title, as the test above shows).
    await user.click(screen.getByRole('button', { name: /Мои обращения/ }));
    const list = await screen.findByRole('heading', { level: 2, name: 'Мои обращения' }, { timeout: 15_000 });
    await waitFor(() => expect(list).toHaveFocus());
    rerender({ open: false });
    rerender({ open: true });
    await waitFor(() => expect(list).toHaveFocus());
    shown.remove();
  }, 30_000);
});
