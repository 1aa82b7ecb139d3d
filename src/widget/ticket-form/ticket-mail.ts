/** The whole ticket as a letter to support's e-mail channel, for the e-mail fallback. */
import type { TFunction } from 'i18next';
import { describeBrowser, fieldSpec, priorityFor } from '../../core';
import type { BrowserInfo, HostContext } from '../../core';
import { contactRows } from './contact';
import { CATEGORY_FIELDS, chosenImpact } from './form-values';
import type { TicketFormValues } from './form-values';
import { buildMailto } from './mailto';
import type { MailSection } from './mailto';

/** Everything the letter carries besides the form values. */
export interface TicketMailContext {
  /** Support's e-mail address (the server's channels, else the policy's). */
  to: string;
  host: HostContext | null;
  browser: BrowserInfo;
  pageUrl?: string | undefined;
  attachmentNames: readonly string[];
  pageErrorCount: number;
}

/** Who is writing: the host context, or what the guest typed. */
function contactSections(t: TFunction, v: TicketFormValues, host: HostContext | null): MailSection[] {
  const rows = contactRows(t, host === null ? { guest: v.contact } : { host });
  return rows.map(([name, value]) => ({ label: t(`form:field.contact.${name}`), value }));
}

/** The sections of the letter, in the order support reads a ticket. */
export function ticketMailSections(t: TFunction, v: TicketFormValues, ctx: TicketMailContext): MailSection[] {
  const category = v.category === '' ? null : v.category;
  const impact = chosenImpact(v.impact);
  const priority = category === null || impact === '' ? '' : t(`common:priority.${priorityFor(category, impact)}`);
  return [
    { label: t('form:mail.category'), value: category === null ? '' : t(`common:category.${category}`) },
    { label: t('form:field.subject'), value: v.subject },
    { label: t('form:field.description'), value: v.description, shrink: true },
    ...(category === null ? [] : CATEGORY_FIELDS[category]).map((name) => ({
      label: t(`form:field.${name}`),
      value: v[name],
      shrink: fieldSpec(name).kind === 'multiline',
    })),
    { label: t('form:mail.impact'), value: v.impact === '' ? '' : t(`common:impact.${v.impact}`) },
    { label: t('form:mail.priority'), value: priority },
    ...contactSections(t, v, ctx.host),
    { label: t('form:mail.browser'), value: describeBrowser(ctx.browser) },
    { label: t('form:mail.userAgent'), value: ctx.browser.userAgent },
    { label: t('form:mail.page'), value: ctx.pageUrl ?? '' },
    { label: t('form:mail.pageErrors'), value: v.attachPageErrors && ctx.pageErrorCount > 0 ? String(ctx.pageErrorCount) : '' },
    { label: t('form:mail.attachments'), value: ctx.attachmentNames.join(', ') },
  ];
}

/** The `mailto:` link carrying the whole ticket. */
export function ticketMailto(t: TFunction, v: TicketFormValues, ctx: TicketMailContext): string {
  const category = v.category === '' ? '' : `[${t(`common:category.${v.category}`)}] `;
  return buildMailto({
    to: ctx.to,
    subject: `${category}${v.subject}`,
    sections: ticketMailSections(t, v, ctx),
    truncatedNote: t('form:mail.truncated'),
  });
}
