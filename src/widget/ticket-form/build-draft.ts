/** Turns the form's flat values into the wire draft of the active category (only its fields are sent). */
import { categoryFieldNames, CONTACT_FIELD_NAMES, contactFieldSpec, fieldSpec, isFieldRequired, normalizeBrowserInfo, normalizeFieldValue, writeWirePath } from '../../core';
import type { BrowserInfo, BrowserSnapshot, Category, PageError, TicketDraftInput } from '../../core';
import { runtimeTimeZone } from './browser';
import { isOneProblemConfirmed } from './one-problem-confirmation';
import { chosenImpact } from './form-values';
import type { TicketFormValues } from './form-values';

/** What the draft needs besides the typed values. */
export interface DraftExtras {
  /** What the embed read from the browser when the form opened; the draft carries it normalised. */
  browser: BrowserSnapshot;
  attachmentIds: readonly string[];
  /** The host page (already stripped of secrets by the embed). */
  pageUrl?: string | undefined;
  /** Page errors recorded by the embed; sent only when the user ticked the box. */
  pageErrors: readonly PageError[];
  /** Guest mode: the contact fields are sent; a signed-in user's identity comes from the token. */
  guest: boolean;
  /** The clock: a date field after the user's today is refused as not yet lived. */
  now?: (() => Date) | undefined;
}

const normalized = new WeakMap<BrowserSnapshot, BrowserInfo>();

/**
 * The snapshot normalised, once per snapshot. Without Intl: the first Intl call of a page loads the ICU data, so
 * the time zone is read when a draft is built (or the disclosure showing it is opened).
 */
export function browserInfoOf(snapshot: BrowserSnapshot): BrowserInfo {
  let info = normalized.get(snapshot);
  if (info === undefined) {
    info = normalizeBrowserInfo(snapshot);
    normalized.set(snapshot, info);
  }
  return info;
}

const withTimeZone = (info: BrowserInfo): BrowserInfo => (info.timeZone === '' ? { ...info, timeZone: runtimeTimeZone() } : info);

/** The category's own fields, by their wire paths; an optional field left empty is not sent. */
function categoryPart(category: Category, v: TicketFormValues): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const name of categoryFieldNames(category)) {
    if (v[name].trim() === '' && !isFieldRequired(name, category)) continue;
    writeWirePath(part, fieldSpec(name).wire, v[name]);
  }
  return part;
}

/**
 * The guest's contact, row by row of the table: each value in its kind's one stored form (a phone as
 * +7XXXXXXXXXX); an empty optional one is left out (an empty string is not an address), an empty required
 * one is left undefined so the schema reports it as required.
 */
function contactPart(v: TicketFormValues): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const name of CONTACT_FIELD_NAMES) {
    const spec = contactFieldSpec(name);
    const value = v.contact[name];
    if (value.trim() === '') {
      if (spec.required && spec.kind === 'role') part[name] = undefined;
      else if (spec.required) part[name] = value;
      continue;
    }
    part[name] = normalizeFieldValue(spec.kind, value);
  }
  return part;
}

/**
 * The draft for `category` built from the values: unvalidated (empty choices are left undefined so the
 * schema reports them as required), which is why the caller parses it with `ticketDraftSchema`.
 */
export function buildDraftCandidate(category: Category, v: TicketFormValues, extras: DraftExtras): TicketDraftInput {
  const impact = chosenImpact(v.impact);
  const candidate: Record<string, unknown> = {
    category,
    subject: v.subject,
    description: v.description,
    impact: impact === '' ? undefined : impact,
    ...categoryPart(category, v),
    attachmentIds: [...extras.attachmentIds],
    browser: withTimeZone(browserInfoOf(extras.browser)),
  };
  if (extras.pageUrl !== undefined && extras.pageUrl !== '') candidate.pageUrl = extras.pageUrl;
  if (v.attachPageErrors && extras.pageErrors.length > 0) candidate.pageErrors = [...extras.pageErrors];
  if (isOneProblemConfirmed(v)) candidate.oneProblemConfirmed = true;
  if (extras.guest) {
    candidate.contact = contactPart(v);
    // Unticked is sent as false, so the schema reports it on its field like any missing value.
    candidate.consent = v.consent === true;
  }
  // A candidate, not a draft: the schema decides whether it is one.
  return candidate as TicketDraftInput;
}
