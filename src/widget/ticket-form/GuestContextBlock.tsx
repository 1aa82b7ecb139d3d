/** A guest's contact (policy: "полные данные"): typed in, as for an e-mail, below the category choice. */
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { CONTACT_FIELD_NAMES, contactFieldSpec, LMS_ROLES } from '../../core';
import type { ContactFieldName } from '../../core';
import { Field, Heading } from '../shared/ui';
import { fieldInput, textLimit } from './field-input';
import { FormTextField } from './FormTextField';
import { useFieldErrorText } from './field-errors';
import type { TicketFormValues } from './form-values';
import type { ContactMemory } from './remembered-contact';
import { RememberContact } from './RememberContact';

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

/**
 * One contact row as an input: its kind picks the control, keyboard and autofill, and how the value reads once left
 * (a phone as +7 (XXX) XXX-XX-XX, an address without its scheme as a link).
 */
function ContactField({ name }: { name: ContactFieldName }) {
  const { t, i18n } = useTranslation('form');
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
      tidy={input.tidy}
      limit={textLimit(spec)}
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

/** The guest's context block: a title, an input per contact row, and whether to remember them on this device. */
export function GuestContextBlock({ memory }: { memory: ContactMemory }) {
  const { t } = useTranslation('form');
  const titleId = useId();
  return (
    <section className="us-context" aria-labelledby={titleId} data-mode="guest">
      <Heading depth={2} className="us-section-title" id={titleId}>
        {t('context.title')}
      </Heading>
      <GuestFields />
      <RememberContact memory={memory} />
    </section>
  );
}
