/**
 * A part of a split description as a draft of its own, checked with the wire schema. In the split view's chunk:
 * building the schema is no part of the first open.
 */
import { ticketDraftSchema } from '../../core';
import type { Category } from '../../core';
import { buildDraftCandidate } from './build-draft';
import type { DraftExtras } from './build-draft';
import type { TicketFormValues } from './form-values';
import type { SplitItemDraft } from './split-drafts';
import type { SplitItem } from './stored-draft';

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
