/**
 * What validating a draft takes, in a chunk of its own: building the candidate draft from the form's values,
 * the wire schema (`ticketDraftSchema`, zod/mini) and @hookform/resolvers' zodResolver over it. None of it is
 * part of opening the form; the resolver loads it right after the form is first shown.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { ticketDraftSchema } from '../../core/schemas/draft';

export { buildDraftCandidate } from './build-draft';

/** zodResolver over the draft's wire schema. */
export const validateDraft = zodResolver(ticketDraftSchema);
