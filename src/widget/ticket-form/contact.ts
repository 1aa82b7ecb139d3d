/** The contact rows of the field table as people read them: the host's values, and each kind shown its usual way. */
import type { TFunction } from 'i18next';
import { CONTACT_FIELD_NAMES, contactFieldSpec, formatPhone } from '../../core';
import type { ContactFieldName, HostContext } from '../../core';
import type { ContactValues } from './form-values';

/** The signed-in user's contact as the host context gives it; a row the host does not know is left out. */
export function hostContact(host: HostContext): Partial<Record<ContactFieldName, string>> {
  const known: Partial<Record<string, string | undefined>> = { ...host, organization: host.organization.title };
  return Object.fromEntries(CONTACT_FIELD_NAMES.flatMap((name) => (known[name] === undefined ? [] : [[name, known[name]]])));
}

/** A contact value as it reads in a letter or a list: the role's name, the phone as +7 (XXX) XXX-XX-XX. */
export function showContactValue(t: TFunction, name: ContactFieldName, value: string): string {
  if (value === '') return '';
  switch (contactFieldSpec(name).kind) {
    case 'role':
      return t(`common:role.${value}`);
    case 'phone':
      return formatPhone(value);
    default:
      return value;
  }
}

/** Every contact row as [name, shown value], from the guest's values or the host context. */
export function contactRows(t: TFunction, source: { guest: ContactValues } | { host: HostContext }): Array<[ContactFieldName, string]> {
  const values: Partial<Record<ContactFieldName, string>> = 'guest' in source ? source.guest : hostContact(source.host);
  return CONTACT_FIELD_NAMES.map((name) => [name, showContactValue(t, name, values[name] ?? '')]);
}
