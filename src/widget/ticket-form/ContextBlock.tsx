/**
 * Who is asking (policy: "полные данные"). From the LMS they come with the host context and are shown
 * read-only; a guest types them in, as for an e-mail.
 */
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { CONTACT_FIELD_NAMES, contactFieldSpec, formatRuPhone, LMS_ROLES } from '../../core';
import type { ContactFieldName, HostContext } from '../../core';
import { Field } from '../shared/ui';
import { hostContact, showContactValue } from './contact';
import { fieldInput } from './field-input';
import { FormTextField } from './FormTextField';
import { useFieldErrorText } from './field-errors';
import type { TicketFormValues } from './form-values';

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

/** A choice of the LMS's roles. */
function RoleSelect({ name }: { name: ContactFieldName }) {
  const { t } = useTranslation('form');
  const { register } = useFormContext<TicketFormValues>();
  const error = useFieldErrorText(`contact.${name}`);
  return (
    <Field label={t(`field.contact.${name}`)} error={error} required={contactFieldSpec(name).required} optionalLabel={t('optional')}>
      {(control) => (
        <select {...control} {...register(`contact.${name}`)}>
          <option value="">{t('rolePlaceholder')}</option>
          {LMS_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`common:role.${role}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One contact row as an input: its kind picks the control, keyboard and autofill; a phone reads +7 (XXX) XXX-XX-XX once left. */
function ContactField({ name }: { name: ContactFieldName }) {
  const { t, i18n } = useTranslation('form');
  const { setValue } = useFormContext<TicketFormValues>();
  const spec = contactFieldSpec(name);
  const input = fieldInput(spec.kind);
  if (input.select === true) return <RoleSelect name={name} />;
  const hintKey = `form:hint.contact.${name}`;
  const path = `contact.${name}` as const;
  return (
    <FormTextField
      name={path as Exclude<typeof path, 'contact.role'>}
      label={t(`field.contact.${name}`)}
      {...(i18n.exists(hintKey) ? { hint: t(hintKey) } : {})}
      type={input.type}
      {...(input.inputMode === undefined ? {} : { inputMode: input.inputMode })}
      autoComplete={spec.autoComplete}
      required={spec.required}
      {...(spec.kind === 'phone'
        ? {
            onBlur: (event: { target: { value: string } }) => {
              const formatted = formatRuPhone(event.target.value);
              if (formatted !== event.target.value) setValue(path, formatted);
            },
          }
        : {})}
    />
  );
}

/** The contact inputs of a guest, one per contact row of the field table. */
function GuestFields() {
  const { t } = useTranslation('form');
  return (
    <>
      <p className="us-context__hint">{t('context.guestHint')}</p>
      {CONTACT_FIELD_NAMES.map((name) => (
        <ContactField key={name} name={name} />
      ))}
    </>
  );
}

/** The context block: a one-line summary for a host user, inputs in guest mode. */
export function ContextBlock({ host }: { host: HostContext | null }) {
  const { t } = useTranslation('form');
  const titleId = useId();
  return (
    <section className="us-context" aria-labelledby={titleId} data-mode={host === null ? 'guest' : 'host'}>
      {host === null ? (
        <>
          <h3 className="us-section-title" id={titleId}>
            {t('context.title')}
          </h3>
          <GuestFields />
        </>
      ) : (
        <HostDetails host={host} titleId={titleId} />
      )}
    </section>
  );
}
