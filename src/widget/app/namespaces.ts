/** The i18n namespaces of the main chunk; lazy screens add theirs when they load (useLazyPart). */
import { ticketsMessages } from '../my-tickets/messages';
import type { Messages } from '../shared/i18n';
import { commonMessages } from '../shared/messages';
import { appMessages } from './messages';

/** Namespaces for `createWidgetI18n`. */
export const widgetNamespaces: Record<string, Messages> = {
  common: commonMessages,
  app: appMessages,
  tickets: ticketsMessages,
};
