/**
 * A part of a split description as a draft of its own, checked with the wire schema. In the split view's chunk:
 * building the schema is no part of the first open.
 */
import { fieldSpec, localIsoDate, TICKET_FIELD_NAMES } from '../../core';
import { partFieldNames } from './part-fields';
import type { Category, TicketDraft, TicketFieldName } from '../../core';
import { draftSchemaFor } from '../../core/schemas/draft';
import { buildDraftCandidate } from './build-draft';
import type { DraftExtras } from './build-draft';
import type { TicketFormValues } from './form-values';
import type { SplitItemDraft } from './split-drafts';
import type { SplitItem } from './stored-draft';

/**
 * A part's values of the fields it edits: what the user typed for the part, else the form's value. In the form's
 * category the first part keeps the form's steps or test question; a later part, another problem, starts them
 * empty rather than with the first one's.
 */
export function partFields(item: SplitItem, values: TicketFormValues, category: Category, formCategory: Category, index: number): Partial<Record<TicketFieldName, string>> {
  const fresh = index > 0 && category === formCategory;
  return Object.fromEntries(partFieldNames(category, formCategory).map((name) => [name, item.fields?.[name] ?? (fresh ? '' : values[name])]));
}

/** The category a part is sent in: its own, or the form's. */
export function partCategory(item: SplitItem, category: Category): Category {
  return item.category ?? category;
}

/** The field an issue's path names (`['course', 'url']` is the course link; the part's own impact), or 'other'. */
function issueField(path: readonly PropertyKey[]): TicketFieldName | 'impact' | 'other' {
  const wire = path.join('.');
  if (wire === 'impact') return 'impact';
  return TICKET_FIELD_NAMES.find((name) => fieldSpec(name).wire === wire) ?? 'other';
}

/**
 * One part as a ticket: its own subject, description and the fields it edits ({@link partFieldNames}), everything
 * else shared, and the split's group (the form's values fill what a part left as they were).
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
  const own = partCategory(item, category);
  const fields = partFields(item, values, own, category, index);
  // A part is what the user chose as one problem when splitting: it goes confirmed, so a part the check would cut
  // again reaches support with what the check found rather than stopping the split half-sent.
  const partValues = { ...values, ...fields, subject: item.subject, description: item.description, impact: item.impact ?? values.impact, confirmedOneProblem: item.description };
  const candidate = buildDraftCandidate(own, partValues, { ...extras, attachmentIds: index === 0 ? extras.attachmentIds : [] });
  // As the form's: a date after today (the user's) is refused here, not by the server after the first parts went.
  const schema = draftSchemaFor(own, extras.now === undefined ? undefined : localIsoDate(extras.now()));
  const parsed = schema.safeParse(splitGroup === undefined ? candidate : { ...candidate, splitGroup });
  if (parsed.success) return { ok: true, draft: parsed.data as TicketDraft };
  const errors: Partial<Record<TicketFieldName | 'impact' | 'other', string>> = {};
  for (const issue of parsed.error.issues) errors[issueField(issue.path)] ??= issue.message;
  return { ok: false, errors };
}
