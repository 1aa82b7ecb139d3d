/** Renders widget components with every provider they need: react-query, the API, i18n and the env. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../../src/widget/shared/i18n-react';
import { vi } from 'vitest';
import { SupportApiProvider } from '../../../src/api/context';
import type { SupportApi } from '../../../src/api/types';
import type { HostContext } from '../../../src/core';
import { WidgetEnvProvider } from '../../../src/widget/shared/env';
import type { WidgetEnv } from '../../../src/widget/shared/env';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import type { Locale } from '../../../src/widget/shared/i18n';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { commonMessages } from '../../../src/widget/shared/messages';
import { ticketsMessages } from '../../../src/widget/my-tickets/messages';
import { unseenMessages } from '../../../src/widget/my-tickets/unseen-messages';
import { englishMessages } from '../../../src/widget/app/english';
import { timelineMessages } from '../../../src/widget/status-timeline/messages';
import { supportMessages } from '../../../src/widget/support-info/messages';
import { NOW } from './fixtures';

/** A signed-in teacher. */
export const HOST: HostContext = {
  userId: 'u1',
  fullName: 'Иванова Мария Петровна',
  role: 'teacher',
  organization: { title: 'ООО «Учебный центр»' },
  lmsUrl: 'https://lms.example.ru',
  email: 'm.ivanova@example.ru',
};

/** Options of {@link renderWidget}. */
export interface RenderOptions {
  env?: Partial<WidgetEnv>;
  locale?: Locale;
}

/** Renders `ui` inside the widget's providers; returns the env, the query client and a user-event instance. */
export function renderWidget(ui: ReactElement, api: SupportApi, { env: overrides = {}, locale = 'ru' }: RenderOptions = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const i18n = createWidgetI18n(locale, {
    common: commonMessages,
    timeline: timelineMessages,
    tickets: ticketsMessages,
    unseen: unseenMessages,
    support: supportMessages,
  }, englishMessages);
  const env: WidgetEnv = {
    api,
    host: HOST,
    userKey: 'u1',
    now: () => NOW,
    readBrowser: () => {
      throw new Error('readBrowser is not used by these features');
    },
    pageErrors: () => [],
    textStore: createMemoryTextStore(),
    emit: vi.fn(),
    ...overrides,
  };
  const tree = (node: ReactElement) => (
    <QueryClientProvider client={client}>
      <SupportApiProvider api={api}>
        <I18nProvider i18n={i18n}>
          <WidgetEnvProvider env={env}>{node}</WidgetEnvProvider>
        </I18nProvider>
      </SupportApiProvider>
    </QueryClientProvider>
  );
  const user = userEvent.setup();
  const result = render(tree(ui));
  return { ...result, rerender: (next: ReactElement) => result.rerender(tree(next)), client, env, user };
}
