/** Every namespace's English texts in one chunk, which the embed loads only when the widget speaks English. */
import { attachmentsMessagesEn } from '../attachments/messages.en';
import { ticketsMessagesEn } from '../my-tickets/messages.en';
import { unseenMessagesEn } from '../my-tickets/unseen-messages.en';
import { screenshotMessagesEn } from '../screenshot/messages.en';
import type { EnglishMessages } from '../shared/i18n';
import { commonMessagesEn } from '../shared/messages.en';
import { timelineMessagesEn } from '../status-timeline/messages.en';
import { supportMessagesEn } from '../support-info/messages.en';
import { formMessagesEn } from '../ticket-form/messages.en';
import { appMessagesEn } from './messages.en';

/** English texts by namespace, for `addEnglish` (or `createWidgetI18n`'s third argument). */
export const englishMessages: EnglishMessages = {
  common: commonMessagesEn,
  app: appMessagesEn,
  unseen: unseenMessagesEn,
  tickets: ticketsMessagesEn,
  form: formMessagesEn,
  attachments: attachmentsMessagesEn,
  support: supportMessagesEn,
  timeline: timelineMessagesEn,
  screenshot: screenshotMessagesEn,
};
