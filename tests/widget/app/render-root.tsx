/** Renders WidgetRoot with a fake SupportApi, in-memory stores and the Russian texts, for the shell's tests. */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { WidgetRoot, widgetNamespaces } from '../../../src/widget/app';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import { createMemoryBlobStore, createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import type { WidgetEnv } from '../../../src/widget/shared/env';
import type { SupportApi } from '../../../src/api/types';
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

/** `Root`: a WidgetRoot from fresh module instances, for a test that mocks one of its chunks. */
export function renderRoot({
  mode = 'inline',
  open = true,
  Root = WidgetRoot,
  api: overrides = {},
}: { mode?: 'inline' | 'launcher'; open?: boolean; Root?: typeof WidgetRoot; api?: Partial<SupportApi> } = {}) {
  const ticket = makeTicket('clarification_requested');
  const api = createFakeApi({
    listTickets: async () => ok([summary('t1', { number: ticket.number, subject: ticket.subject, status: ticket.status, lastEventId: 2 })]),
    // By id or by number, as the reference server answers; anything else is not the user's.
    getTicket: async (id) => (id === ticket.id || id === ticket.number ? ok(ticket) : fail({ kind: 'http', status: 404, code: 'not_found', message: 'Обращение не найдено' })),
    ...overrides,
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
  const view = render(<Root {...props} />);
  return { ...view, user: userEvent.setup(), env, onClose, onUnseenChange, ticket, rerender: (next: Partial<typeof props>) => view.rerender(<Root {...props} {...next} />) };
}

