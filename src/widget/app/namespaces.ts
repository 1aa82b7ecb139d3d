/** The i18n namespaces of the widget file; lazy screens add theirs (the shared 'common' too) when they load (useLazyPart). */
import { unseenMessages } from '../my-tickets/unseen-messages';
import type { Messages } from '../shared/i18n';
import { appMessages } from './messages';

/** Namespaces for `createWidgetI18n`. */
export const widgetNamespaces: Record<string, Messages> = {
  app: appMessages,
  unseen: unseenMessages,
};
