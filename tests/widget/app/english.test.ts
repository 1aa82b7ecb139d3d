/** The English chunk: every namespace the widget has, with the same keys as its Russian texts. */
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../../../src/widget/app/english';
import { appMessages } from '../../../src/widget/app/messages';
import { attachmentsMessages } from '../../../src/widget/attachments/messages';
import { ticketsMessages } from '../../../src/widget/my-tickets/messages';
import { unseenMessages } from '../../../src/widget/my-tickets/unseen-messages';
import { screenshotMessages } from '../../../src/widget/screenshot/messages';
import { commonMessages } from '../../../src/widget/shared/messages';
import { timelineMessages } from '../../../src/widget/status-timeline/messages';
import { channelsMessages } from '../../../src/widget/support-info/channels-messages';
import { supportMessages } from '../../../src/widget/support-info/messages';
import { formRussian } from '../ticket-form/form-texts';

const russian: Record<string, { ru: Record<string, unknown> }> = {
  common: commonMessages,
  app: appMessages,
  unseen: unseenMessages,
  tickets: ticketsMessages,
  form: { ru: formRussian() },
  attachments: attachmentsMessages,
  support: { ru: { ...supportMessages.ru, channels: { ...supportMessages.ru.channels, ...channelsMessages.ru.channels } } },
  timeline: timelineMessages,
  screenshot: screenshotMessages,
};

/** Dotted keys, plural suffixes dropped (Russian has four forms, English two). */
const keys = (messages: Record<string, unknown>, prefix = ''): string[] => [
  ...new Set(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`.replace(/_(one|few|many|other)$/, '')],
    ),
  ),
];

describe('English texts', () => {
  it('cover exactly the namespaces the widget has', () => {
    expect(Object.keys(englishMessages).sort()).toEqual(Object.keys(russian).sort());
  });

  it.each(Object.keys(russian))('namespace %s has every Russian key in English and nothing else', (ns) => {
    expect(keys(englishMessages[ns] ?? {}).sort()).toEqual(keys(russian[ns]?.ru ?? {}).sort());
  });

  it('are not in the Russian modules', () => {
    for (const messages of Object.values(russian)) expect(messages).not.toHaveProperty('en');
  });
});
