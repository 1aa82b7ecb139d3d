/**
 * What validating a draft takes, in a chunk of its own: building the candidate draft from the form's values,
 * the wire schema of the draft's category (zod/mini) and @hookform/resolvers' zodResolver over it. None of it is
 * part of opening the form; the resolver loads it right after the form is first shown, and a category's schema
 * is built when a draft of that category is first validated.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod/mini';
import type { Category, TicketDraft, TicketDraftInput } from '../../core';
import { localIsoDate } from '../../core/fields/dates';
import { draftSchemaFor } from '../../core/schemas/draft';

export { buildDraftCandidate } from './build-draft';

/**
 * The validator of a category's drafts: zodResolver over the category's wire schema (built once, by
 * `draftSchemaFor`), typed as any draft's: one category's draft is one of them. A date after the day of `now`
 * where the user is (the browser's zone) is refused.
 */
export function draftValidator(category: Category, now?: Date) {
  // One category's schema parses a subset of what the union does; zod's types are invariant through `check`.
  return zodResolver(draftSchemaFor(category, now === undefined ? undefined : localIsoDate(now)) as unknown as z.ZodMiniType<TicketDraft, TicketDraftInput>);
}
