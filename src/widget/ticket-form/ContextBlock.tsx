/**
 * Who is asking (policy: "полные данные"). From the LMS they come with the host context and are shown
 * read-only; a guest types them in, as for an e-mail.
 */
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { formatRuPhone, LMS_ROLES } from '../../core';
import type { HostContext } from '../../core';
import { Field } from '../shared/ui';
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
  const rows: Array<[string, string]> = [
    [t('field.contact.organization'), host.organization.title],
    [t('field.contact.lmsUrl'), host.lmsUrl],
    [t('field.contact.fullName'), host.fullName],
    [t('field.contact.role'), t(`common:role.${host.role}`)],
    [t('field.contact.phone'), host.phone === undefined ? notSet : formatRuPhone(host.phone)],
  ];
  if (host.email !== undefined) rows.push([t('field.contact.email'), host.email]);
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

/** The role select of a guest. */
function RoleSelect() {
  const { t } = useTranslation('form');
  const { register } = useFormContext<TicketFormValues>();
  const error = useFieldErrorText('contact.role');
  return (
    <Field label={t('field.contact.role')} error={error} required>
      {(control) => (
        <select {...control} {...register('contact.role')}>
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

/** The contact inputs of a guest; the phone is shown as +7 (XXX) XXX-XX-XX once the user leaves it. */
function GuestFields() {
  const { t } = useTranslation('form');
  const { setValue } = useFormContext<TicketFormValues>();
  return (
    <>
      <p className="us-context__hint">{t('context.guestHint')}</p>
      <FormTextField name="contact.organization" label={t('field.contact.organization')} autoComplete="organization" />
      <FormTextField name="contact.lmsUrl" label={t('field.contact.lmsUrl')} hint={t('hint.lmsUrl')} type="url" autoComplete="url" />
      <FormTextField name="contact.fullName" label={t('field.contact.fullName')} autoComplete="name" />
      <RoleSelect />
      <FormTextField
        name="contact.phone"
        label={t('field.contact.phone')}
        hint={t('hint.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        onBlur={(event) => {
          const formatted = formatRuPhone(event.target.value);
          if (formatted !== event.target.value) setValue('contact.phone', formatted);
        }}
      />
      <FormTextField name="contact.email" label={t('field.contact.email')} type="email" autoComplete="email" required={false} />
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
