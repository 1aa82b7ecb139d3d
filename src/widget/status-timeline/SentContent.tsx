/** What the user sent with the ticket: the description, the category's fields and the files, folded under the header. */
import { extendNamespace } from '../shared/i18n';
import { useTranslation } from '../shared/i18n-react';
import { formFieldsMessages } from '../ticket-form/fields-messages';
import { CATEGORY_FIELD_NAMES, fieldSpec, readWirePath } from '../../core';
import type { Ticket } from '../../core';
import { AttachmentList } from './AttachmentList';

/** The category's fields the ticket carries, in the form's order. */
function sentFields(ticket: Ticket): Array<{ name: string; value: string }> {
  return CATEGORY_FIELD_NAMES.flatMap((name) => {
    const spec = fieldSpec(name);
    const value = readWirePath(ticket, spec.wire);
    if (value === undefined || value === '') return [];
    // A date as the user reads one (30.11.2026), not as it travels.
    return [{ name, value: spec.kind === 'date' ? value.split('-').reverse().join('.') : value }];
  });
}

/** The description and fields (as text, line breaks kept) and the files sent with the ticket, each saved when pressed. */
export function SentContent({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation('timeline');
  // The fields are named as the form's checklist names them («Дата попытки»): those texts come with them.
  extendNamespace(i18n, 'form', formFieldsMessages);
  const fields = sentFields(ticket);
  return (
    <details className="us-ticket__sent">
      <summary className="us-ticket__sent-title">{t(ticket.attachments.length === 0 ? 'sent.title' : 'sent.titleWithFiles')}</summary>
      {/* The description first, named like every field after it (as text, line breaks kept). */}
      <dl className="us-ticket__fields">
        {[{ name: 'description', value: ticket.description }, ...fields].map(({ name, value }) => (
          <div key={name} className="us-ticket__field">
            <dt>{t(`form:checklist.item.${name}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <AttachmentList attachments={ticket.attachments} />
    </details>
  );
}
