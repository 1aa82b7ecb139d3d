/**
 * A subject left empty is proposed from the description's first sentence, and follows the description while
 * the user has not written their own: one thing less to type, and the subject stays editable.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { DRAFT_LIMITS } from '../../core';
import type { TicketDraft } from '../../core';
import type { DraftExtras } from './build-draft';
import type { TicketFormValues } from './form-values';
import { subjectFromPart } from './split-drafts';

/**
 * Proposes the subject from `description` whenever it changes and the subject is empty or still the proposal
 * (`proposedRef`, kept by the form: the fields' part that calls this unmounts while the category is changed).
 */
export function useSubjectFromDescription(form: UseFormReturn<TicketFormValues, DraftExtras, TicketDraft>, description: string, proposedRef: RefObject<string | null>): void {
  useEffect(() => {
    const subject = form.getValues('subject');
    // A subject the user wrote (or one restored from a draft) is theirs.
    if (subject.trim() !== '' && subject !== proposedRef.current) return;
    const next = subjectFromPart(description).slice(0, DRAFT_LIMITS.subject);
    proposedRef.current = next;
    if (next === subject) return;
    form.setValue('subject', next, { shouldDirty: true, shouldValidate: form.getFieldState('subject').invalid });
  }, [description, form, proposedRef]);
}
