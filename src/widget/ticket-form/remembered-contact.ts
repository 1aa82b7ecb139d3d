/**
 * A guest's contact kept on this device when they ask for it («Запомнить на этом устройстве», off by default):
 * the contact rows only, never the consent to the processing of personal data, which is asked every time.
 */
import type { TextStore } from '../shared/env';
import type { ContactValues } from './form-values';
import { storedContactSchema } from './stored-draft';

/** The text store key of the remembered contact (one per device: only guests have one). */
export const REMEMBERED_CONTACT_KEY = 'uchi-support:remembered-contact';

/** What the form knows of the remembered contact and how it changes it (null: nothing remembered). */
export interface ContactMemory {
  contact: ContactValues | null;
  remember(contact: ContactValues | null): void;
}

/** The remembered contact, or null when there is none, it cannot be trusted (each wrong row is dropped) or it is empty. */
export function readRememberedContact(store: TextStore): ContactValues | null {
  try {
    const raw = store.getItem(REMEMBERED_CONTACT_KEY);
    if (raw === null) return null;
    const parsed = storedContactSchema().safeParse(JSON.parse(raw));
    return parsed.success && Object.values(parsed.data).some((value) => value !== '') ? parsed.data : null;
  } catch {
    return null; // storage refused or not JSON: nothing remembered
  }
}

/** Keeps `contact` on this device, or forgets it (null). */
export function writeRememberedContact(store: TextStore, contact: ContactValues | null): void {
  try {
    if (contact === null) store.removeItem(REMEMBERED_CONTACT_KEY);
    else store.setItem(REMEMBERED_CONTACT_KEY, JSON.stringify(contact));
  } catch {
    // Storage refused (private mode, a sandboxed frame): the contact is simply not kept.
  }
}
