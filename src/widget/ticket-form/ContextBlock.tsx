/**
 * Who is asking (policy: "полные данные"). From the LMS they come with the host context and are shown
 * read-only, above the category choice; a guest types them in below it (GuestContextBlock.tsx).
 */
import { useId } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { CONTACT_FIELD_NAMES, contactFieldSpec } from '../../core';
import type { HostContext } from '../../core';
import { hostContact, showContactValue } from './contact';

/** "Иванова Анна Сергеевна" → "Иванова А. С.": enough to recognise oneself in one line. */
export function shortName(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  if (last === undefined || rest.length === 0) return fullName.trim();
  return `${last} ${rest.map((part) => `${part.charAt(0).toLocaleUpperCase()}.`).join(' ')}`;
}

/** The signed-in user's details: one line («Иванова А. С., слушатель · ООО «Профи»») that opens to the full list. */
function HostDetails({ host, titleId }: { host: HostContext; titleId: string }) {
  const { t } = useTranslation('form');
  const notSet = t('context.notSet');
  const known = hostContact(host);
  // A row the host does not know reads «не указано» when a guest would have to give it, and is left out otherwise.
  const rows: Array<[string, string]> = CONTACT_FIELD_NAMES.flatMap((name) => {
    const value = known[name];
    if (value === undefined) return contactFieldSpec(name).required ? [[t(`field.contact.${name}`), notSet] as [string, string]] : [];
    return [[t(`field.contact.${name}`), showContactValue(t, name, value)] as [string, string]];
  });
  const line = t('context.line', { name: shortName(host.fullName), role: t(`common:role.${host.role}`).toLocaleLowerCase(), organization: host.organization.title });
  return (
    <details className="us-context__details">
      <summary className="us-context__summary">
        <span className="us-visually-hidden" id={titleId}>
          {t('context.title')}
        </span>
        <span className="us-context__line">{line}</span> <span className="us-badge">{t('context.auto')}</span>
      </summary>
      <p className="us-context__hint">{t('context.hostHint')}</p>
      <dl className="us-context__list">
        {rows.map(([label, value]) => (
          <div key={label} className="us-context__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The context block of a signed-in user: a one-line summary that opens to the full list (a guest's is GuestContextBlock). */
export function ContextBlock({ host }: { host: HostContext }) {
  const titleId = useId();
  return (
    <section className="us-context" aria-labelledby={titleId} data-mode="host">
      <HostDetails host={host} titleId={titleId} />
    </section>
  );
}
