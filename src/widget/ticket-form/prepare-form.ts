/** Reads what the form starts from, once per mount: the stored draft, the pre-fill and the browser info. */
import { DRAFT_LIMITS } from '../../core';
import type { BrowserSnapshot, Category, PageError } from '../../core';
import type { WidgetEnv } from '../shared/env';
import type { ContactValues, TicketFormValues } from './form-values';
import { prefilledValues, restoredValues, suggestFromPage } from './initial-values';
import type { PageSuggestion } from './initial-values';
import { readRememberedContact } from './remembered-contact';
import { draftStorageKey, parseStoredDraft } from './stored-draft';
import type { SplitItem, StoredDraft } from './stored-draft';

/** The form's starting point. */
export interface FormSetup {
  /** Values without any draft or remembered contact: with it, what "no unsent changes" means and a discard returns to. */
  base: TicketFormValues;
  /** A guest's contact remembered on this device (not for a follow-up, which takes the old ticket's). */
  remembered: ContactValues | null;
  initial: TicketFormValues;
  suggestion: PageSuggestion | null;
  restoredAt: Date | null;
  /**
   * The category the host asked for (`open({ category })`) when a restored draft is about another: the draft
   * wins the form, and its notice offers the host's request instead.
   */
  requested: Category | null;
  idempotencyKey: string;
  split: SplitItem[] | null;
  /** Read when the form opens, normalised where it is shown or sent (the draft's and the mail's code). */
  browser: BrowserSnapshot;
  pageErrors: PageError[];
  storageKey: string;
}

function readStored(env: WidgetEnv, key: string): StoredDraft | null {
  try {
    return parseStoredDraft(env.textStore.getItem(key));
  } catch {
    return null; // storage refused (private mode, sandboxed frame): start afresh
  }
}

/** The host's category when the restored draft is about another one. */
function requestedOver(stored: StoredDraft | null, category: Category | undefined): Category | null {
  const drafted = stored?.values.category ?? '';
  return category === undefined || drafted === '' || drafted === category ? null : category;
}

/** A follow-up's start: the ticket it continues and the values taken from it. */
export interface FollowUpSetup {
  ticketId: string;
  values: TicketFormValues;
}

/**
 * Everything the form needs before its first render. A follow-up starts from the old ticket's values and keeps
 * its draft apart (per old ticket), so it neither overwrites nor takes over the user's ordinary draft.
 */
export function prepareForm(env: WidgetEnv, newKey: () => string, followUp?: FollowUpSetup): FormSetup {
  const storageKey = draftStorageKey(env.userKey) + (followUp === undefined ? '' : `:follow-up:${followUp.ticketId}`);
  const stored = readStored(env, storageKey);
  const base = followUp?.values ?? prefilledValues(env.pageUrl, env.prefill, env.host === null);
  const page = suggestFromPage(env.pageUrl);
  const remembered = env.host === null && followUp === undefined ? readRememberedContact(env.textStore) : null;
  const start = withContact(base, remembered);
  return {
    base,
    remembered,
    initial: stored === null ? start : restoredValues(start, stored.values),
    suggestion: page === null ? null : { kind: page.kind, category: page.category },
    restoredAt: stored === null ? null : new Date(stored.savedAt),
    requested: requestedOver(stored, followUp === undefined ? env.prefill?.category : undefined),
    idempotencyKey: stored?.idempotencyKey ?? newKey(),
    split: stored?.split ?? null,
    browser: env.readBrowser(),
    pageErrors: env.pageErrors().slice(-DRAFT_LIMITS.pageErrors),
    storageKey,
  };
}

/** `values` with a remembered contact in place of theirs, when there is one. */
export function withContact(values: TicketFormValues, contact: ContactValues | null): TicketFormValues {
  return contact === null ? values : { ...values, contact };
}
