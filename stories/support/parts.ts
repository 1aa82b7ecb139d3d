/** The lazily loaded parts of the widget — their texts and CSS — as the app's screens register them. */
import { attachmentsMessages } from '../../src/widget/attachments';
import attachmentsCss from '../../src/widget/attachments/styles.css?inline';
import { widgetNamespaces } from '../../src/widget/app';
import { ticketsMessages } from '../../src/widget/my-tickets';
import guestCss from '../../src/widget/my-tickets/guest.css?inline';
import ticketsCss from '../../src/widget/my-tickets/styles.css?inline';
import screenshotCss from '../../src/widget/screenshot/styles.css?inline';
import { screenshotMessages } from '../../src/widget/screenshot/messages';
import type { Messages } from '../../src/widget/shared/i18n';
import { commonMessages } from '../../src/widget/shared/messages';
import { supportMessages } from '../../src/widget/support-info';
import supportCss from '../../src/widget/support-info/styles.css?inline';
import { timelineMessages } from '../../src/widget/status-timeline';
import timelineCss from '../../src/widget/status-timeline/styles.css?inline';
import { formMessages } from '../../src/widget/ticket-form';
import fieldsCss from '../../src/widget/ticket-form/fields.css?inline';
import splitCss from '../../src/widget/ticket-form/split.css?inline';
import { formFieldsMessages } from '../../src/widget/ticket-form/fields-messages';
import formCss from '../../src/widget/ticket-form/styles.css?inline';

type Texts = { [key: string]: string | Texts };

/** `base` with `more` added, nested groups merged key by key: as i18next adds a lazy part's texts to a namespace. */
function mergeTexts(base: Texts, more: Texts): Texts {
  const out: Texts = { ...base };
  for (const [key, value] of Object.entries(more)) {
    const before = out[key];
    out[key] = typeof value === 'object' && typeof before === 'object' ? mergeTexts(before, value) : value;
  }
  return out;
}

/** The lazy parts' namespaces (the main chunk's come with `widgetNamespaces`). */
export const LAZY_NAMESPACES: Record<string, Messages> = {
  common: commonMessages,
  tickets: ticketsMessages,
  // The form's namespace whole: the first screen's texts and those its parts add.
  form: { ru: mergeTexts(formMessages.ru as Texts, formFieldsMessages.ru as Texts) },
  attachments: attachmentsMessages,
  support: supportMessages,
  timeline: timelineMessages,
  screenshot: screenshotMessages,
};

/** Every namespace: what play functions read texts from. */
export const ALL_NAMESPACES: Record<string, Messages> = { ...widgetNamespaces, ...LAZY_NAMESPACES };

/** The lazy parts' CSS, in the order the screens adopt it. */
export const LAZY_CSS = [ticketsCss, guestCss, formCss, fieldsCss, splitCss, attachmentsCss, supportCss, timelineCss, screenshotCss].join('\n');
