/** Turning a multi-problem description into one draft per problem. */
import { DRAFT_LIMITS, ticketDraftSchema } from '../../core';
import type { Category, TicketDraft } from '../../core';
import { buildDraftCandidate } from './build-draft';
import type { DraftExtras } from './build-draft';
import type { TicketFormValues } from './form-values';
import type { SplitItem } from './stored-draft';

/** Longest derived subject: long enough to tell the parts apart, short enough for a list. */
const SUBJECT_LENGTH = 80;

/** A subject for one part: its first sentence or line, cut at a word boundary. */
export function subjectFromPart(part: string, max = SUBJECT_LENGTH): string {
  const firstLine = part.trim().split(/\r?\n/)[0] ?? '';
  const sentence = /^(.+?[.!?…])(?:\s|$)/u.exec(firstLine)?.[1] ?? firstLine;
  const text = sentence.replace(/[.!…]+$/u, '').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One draft per part, each with its own idempotency key. */
export function splitIntoDrafts(parts: readonly string[], newKey: () => string): SplitItem[] {
  return parts.map((part) => ({
    subject: subjectFromPart(part).slice(0, DRAFT_LIMITS.subject),
    description: part.slice(0, DRAFT_LIMITS.description),
    idempotencyKey: newKey(),
  }));
}

/** The draft of one split part, or the message codes of what is wrong with it. */
export type SplitItemDraft =
  | { ok: true; draft: TicketDraft }
  | { ok: false; errors: Partial<Record<'subject' | 'description' | 'other', string>> };

/**
 * The token that links the tickets of one split on the server: the first part's idempotency key, which is
 * stored with the draft, stays the same across reloads and retries, and is unique to this split.
 */
export function splitGroupOf(items: readonly SplitItem[]): string | undefined {
  return items[0]?.idempotencyKey;
}

/**
 * One part as a ticket: its own subject and description, everything else shared, and the split's group.
 * Attachments can belong to one ticket only (the server claims them), so they go with the first part.
 */
export function splitItemDraft(
  category: Category,
  values: TicketFormValues,
  extras: DraftExtras,
  item: SplitItem,
  index: number,
  splitGroup?: string,
): SplitItemDraft {
  const own = { ...values, subject: item.subject, description: item.description, confirmedOneProblem: '' };
  const candidate = buildDraftCandidate(category, own, { ...extras, attachmentIds: index === 0 ? extras.attachmentIds : [] });
  const parsed = ticketDraftSchema.safeParse(splitGroup === undefined ? candidate : { ...candidate, splitGroup });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: Partial<Record<'subject' | 'description' | 'other', string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'subject' || issue.path[0] === 'description' ? issue.path[0] : 'other';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
