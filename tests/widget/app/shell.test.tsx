import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WidgetRoot, widgetNamespaces } from '../../../src/widget/app';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import { createMemoryBlobStore, createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import type { WidgetEnv } from '../../../src/widget/shared/env';
import { summary } from '../my-tickets/fixtures';
import { createFakeApi, fail, ok } from '../status-timeline/fake-api';
import { makeTicket, NOW } from '../status-timeline/fixtures';

const host = {
  userId: 'u-1',
  fullName: 'Иванова Анна',
  role: 'listener' as const,
  organization: { title: 'Учебный центр' },
  lmsUrl: 'https://center.uchi.pro',
};

function renderRoot({ mode = 'inline', open = true }: { mode?: 'inline' | 'launcher'; open?: boolean } = {}) {
  const ticket = makeTicket('clarification_requested');
  const api = createFakeApi({
    listTickets: async () => ok([summary('t1', { number: ticket.number, subject: ticket.subject, status: ticket.status, lastEventId: 2 })]),
    // By id or by number, as the reference server answers; anything else is not the user's.
    getTicket: async (id) => (id === ticket.id || id === ticket.number ? ok(ticket) : fail({ kind: 'http', status: 404, code: 'not_found', message: 'Обращение не найдено' })),
  });
  const env: WidgetEnv = {
    api,
    host,
    userKey: 'u-1',
    now: () => NOW,
    readBrowser: () => ({ userAgent: 'Mozilla/5.0 Chrome/131.0.0.0' }),
    pageErrors: () => [],
    textStore: createMemoryTextStore(),
    blobStore: createMemoryBlobStore(),
    adoptStyles: vi.fn(() => () => undefined),
  };
  const onClose = vi.fn();
  const onUnseenChange = vi.fn();
  const props = {
    env,
    i18n: createWidgetI18n('ru', widgetNamespaces),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    theme: 'light' as const,
    mode,
    open,
    openRequest: { id: 0 } as { id: number; ticket?: string },
    onClose,
    onUnseenChange,
  };
  const view = render(<WidgetRoot {...props} />);
  return { ...view, user: userEvent.setup(), env, onClose, onUnseenChange, ticket, rerender: (next: Partial<typeof props>) => view.rerender(<WidgetRoot {...props} {...next} />) };
}

describe('the widget shell', () => {
  it('loads the form screen lazily with its texts and styles, and navigates to my tickets and a ticket', async () => {
    const { user, env, ticket } = renderRoot();
    expect(screen.getByRole('heading', { level: 1, name: 'Техподдержка Uchi.Pro' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(env.adoptStyles).toHaveBeenCalledWith(expect.stringContaining('.us-'));

    const nav = screen.getByRole('navigation', { name: 'Разделы техподдержки' });
    await user.click(screen.getByRole('button', { name: 'Другой вопрос' }));
    await user.type(screen.getByLabelText('Тема обращения'), 'Черновик темы');
    await user.click(within(nav).getByRole('button', { name: /Мои обращения/ }));
    expect(within(nav).getByRole('button', { name: /Мои обращения/ })).toHaveAttribute('aria-current', 'page');
    await user.click(await screen.findByRole('button', { name: new RegExp(ticket.subject) }));
    expect(await screen.findByText(new RegExp(ticket.number))).toBeInTheDocument();

    // The form stayed mounted while hidden: what was typed is still there.
    await user.click(within(nav).getByRole('button', { name: 'Новое обращение' }));
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Черновик темы');
  }, 30_000); // the first lazy import transforms the whole form feature, which is slow on a loaded machine

  it('in launcher mode traps focus, closes on Escape, and reports the unseen count for the launcher', async () => {
    // jsdom hides every [popover] and cannot show one; the top layer itself is checked in Chromium.
    const shown = document.head.appendChild(document.createElement('style'));
    shown.textContent = '[popover] { display: block !important; }';
    const { user, onClose, onUnseenChange } = renderRoot({ mode: 'launcher' });
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Техподдержка Uchi.Pro' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onUnseenChange).toHaveBeenCalledWith(0, 'Техподдержка'));
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
    expect(await screen.findByText('Обращение № UP-2026-999999 не найдено среди ваших обращений.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: ticket.subject })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'К моим обращениям' }));
    expect(await screen.findByRole('button', { name: new RegExp(ticket.subject) })).toBeInTheDocument();
  }, 30_000);

  it('renders nothing of the panel until the launcher opens it, but keeps the launcher badge informed', async () => {
    const { rerender, onUnseenChange } = renderRoot({ mode: 'launcher', open: false });
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    await waitFor(() => expect(onUnseenChange).toHaveBeenCalledWith(0, 'Техподдержка'));
    rerender({ open: true });
    // jsdom hides every [popover]: the role query has to look inside it.
    expect(await screen.findByRole('button', { name: 'Другой вопрос', hidden: true }, { timeout: 15_000 })).toBeInTheDocument();
  }, 30_000);
});
