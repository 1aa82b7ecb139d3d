/** The one table of fields: every row has its texts, and the contact rows drive the wire check, the draft and the stored form. */
import { describe, expect, it } from 'vitest';
import {
  CONTACT_FIELD_MESSAGES_RU,
  CONTACT_FIELD_NAMES,
  contactFieldSpec,
  contactSchema,
  isFieldValueDone,
  normalizeBrowserInfo,
  normalizeFieldValue,
  TICKET_FIELD_NAMES,
} from '../../../src/core';
import { browserSnapshot } from './render-form';
import { fieldMessage as serverFieldMessage } from '../../../src/server/field-messages';
import { buildDraftCandidate } from '../../../src/widget/ticket-form/build-draft';
import { emptyValues } from '../../../src/widget/ticket-form/form-values';
import { formMessages } from '../../../src/widget/ticket-form/messages';
import { formMessagesEn } from '../../../src/widget/ticket-form/messages.en';
import { parseStoredDraft, serializeDraft } from '../../../src/widget/ticket-form/stored-draft';

const browser = browserSnapshot;

describe('the field table', () => {
  it('names every field once across the ticket and contact parts', () => {
    const names = [...TICKET_FIELD_NAMES, ...CONTACT_FIELD_NAMES];
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every contact row a label in both languages and a sentence for each code but the generic ones', () => {
    for (const name of CONTACT_FIELD_NAMES) {
      expect(formMessages.ru.field.contact[name], name).toBeTruthy();
      expect(formMessagesEn.field.contact[name], name).toBeTruthy();
      const own = contactFieldSpec(name).codes.filter((code) => code !== 'too_long');
      for (const code of own) expect(CONTACT_FIELD_MESSAGES_RU[name][code], `${name}.${code}`).toBeTruthy();
    }
  });

  it('normalises each kind to its one stored form', () => {
    expect(normalizeFieldValue('phone', ' 8 (912) 345-67-89 ')).toBe('+79123456789');
    expect(normalizeFieldValue('phone', '12345')).toBe('12345');
    expect(normalizeFieldValue('email', '  Petrov@Romashka.RU ')).toBe('Petrov@romashka.ru');
    expect(normalizeFieldValue('text', '  ООО «Ромашка» ')).toBe('ООО «Ромашка»');
    expect(isFieldValueDone('email', 'petrov@romashka.ru')).toBe(true);
    expect(isFieldValueDone('email', 'petrov@')).toBe(false);
    expect(isFieldValueDone('phone', '+7 912 345 67 89')).toBe(true);
    expect(isFieldValueDone('siteUrl', 'ромашка')).toBe(false);
  });
});

describe('the guest contact from the table', () => {
  const contact = { organization: ' ООО «Ромашка» ', lmsUrl: 'https://lms.romashka.ru', fullName: 'Петров Пётр', role: 'listener' as const, phone: '8 912 345 67 89', email: ' Petrov@Romashka.RU ' };

  it('builds the wire contact in its stored forms, and the wire schema accepts it', () => {
    const draft = buildDraftCandidate('other', { ...emptyValues(), contact }, { browser, attachmentIds: [], pageErrors: [], guest: true });
    expect(draft.contact).toEqual({ organization: 'ООО «Ромашка»', lmsUrl: 'https://lms.romashka.ru', fullName: 'Петров Пётр', role: 'listener', phone: '+79123456789', email: 'Petrov@romashka.ru' });
    expect(contactSchema.safeParse(draft.contact).success).toBe(true);
  });

  it('reads the time zone when it builds the draft, as the page snapshot no longer carries it', () => {
    const { timeZone: _left, ...snapshot } = browserSnapshot;
    const draft = buildDraftCandidate('other', emptyValues(), { browser: snapshot, attachmentIds: [], pageErrors: [], guest: false });
    expect((draft.browser as { timeZone?: string }).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(buildDraftCandidate('other', emptyValues(), { browser, attachmentIds: [], pageErrors: [], guest: false }).browser).toEqual(normalizeBrowserInfo(browser));
  });

  it('leaves an empty optional row out and reports empty required rows as required', () => {
    const draft = buildDraftCandidate('other', emptyValues(), { browser, attachmentIds: [], pageErrors: [], guest: true });
    expect(draft.contact).not.toHaveProperty('email');
    const result = contactSchema.safeParse(draft.contact);
    expect(result.success).toBe(false);
    const codes: Record<string, string> = {};
    for (const issue of result.error?.issues ?? []) codes[issue.path.join('.')] ??= issue.message; // the first word on each field
    expect(codes).toEqual({ organization: 'required', lmsUrl: 'required', fullName: 'required', role: 'required', phone: 'required' });
  });

  it('refuses a wrong e-mail on the wire with the shared sentence', () => {
    const result = contactSchema.safeParse({ ...contact, phone: '+79123456789', email: 'not-an-address' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['email']);
    expect(serverFieldMessage({ ...issue!, path: ['contact', ...issue!.path] })).toEqual({ ru: 'Проверьте адрес почты, например ivanova@example.ru', en: 'Check the e-mail address, e.g. ivanova@example.ru' });
  });

  it('stores and restores every contact row, dropping a role that is not one', () => {
    const values = { ...emptyValues(), contact: { ...contact, role: 'root' as never } };
    const restored = parseStoredDraft(serializeDraft({ values, idempotencyKey: 'key-12345678' }, new Date('2026-03-02T10:00:00Z')));
    expect(restored?.values.contact).toEqual({ ...contact, role: '' });
  });
});
