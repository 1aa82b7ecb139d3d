/**
 * Sending: validation (resolver) → the one-problem rule → `createTicket` with the draft's idempotency key.
 * A failure keeps everything; server field errors land on their fields, the rest is shown with "Повторить".
 */
import { useEffect, useRef, useState } from 'react';
import { get } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { failureOf, useCreateTicket } from '../../api';
import type { ApiFailure } from '../../api/types';
import type { CreateTicketResponse, TicketDraft } from '../../core';
import type { DraftExtras } from './build-draft';
import { fieldForDraftPath } from './draft-paths';
import { SERVER_ERROR_TYPE } from './field-errors';
import { FIELD_ORDER, isFieldActive } from './form-values';
import type { TicketFormValues } from './form-values';
import { isOneProblemConfirmed } from './one-problem-confirmation';
import { splitOwnFields } from './part-fields';

/** What a submit is for: sending, or splitting once the fields every part shares are valid. */
export type SubmitIntent = 'send' | 'split';

/** The submit logic of the form. */
export function useTicketSubmit({ form, idempotencyKey, renewIdempotencyKey, guest, checkNow, onSplit, onRefusedOneProblem, onServerSeveral, onSent, followUpOf }: {
  form: UseFormReturn<TicketFormValues, DraftExtras, TicketDraft>;
  idempotencyKey: string;
  /** Makes and keeps a new key for "send as a new ticket" after the server refused the old one. */
  renewIdempotencyKey(): string;
  guest: boolean;
  /** The one-problem check on the text as it is now (the live one is debounced). */
  checkNow(text: string): Promise<string[]>;
  onSplit(parts: string[]): void;
  onRefusedOneProblem(): void;
  /** The server found several problems in `text` that the widget's check did not (another version of it). */
  onServerSeveral(text: string, check: { parts: string[]; markers: string[] }): void;
  onSent(response: CreateTicketResponse): void;
  /** The id of the final ticket this one continues, sent as `followUpOf`. */
  followUpOf?: string | undefined;
}) {
  const create = useCreateTicket();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  // What the last refused attempt was for: a refused split lists what to fill, not the rule it was obeying.
  const [refused, setRefused] = useState<SubmitIntent>('send');
  // The key of the next attempt: a renewed key is used at once, before the form re-renders with it.
  const key = useRef(idempotencyKey);
  useEffect(() => {
    key.current = idempotencyKey;
  }, [idempotencyKey]);
  const { handleSubmit, getValues, setError, clearErrors } = form;

  /** Puts the server's field messages on the fields; true when every one found its field. */
  function placeFieldErrors(fields: Record<string, string>, values: TicketFormValues): boolean {
    let placed = true;
    for (const [path, message] of Object.entries(fields)) {
      const field = fieldForDraftPath(path);
      if (field === null || !isFieldActive(field, values.category, guest)) placed = false;
      else setError(field, { type: SERVER_ERROR_TYPE, message });
    }
    return placed;
  }

  async function split(): Promise<void> {
    const parts = await checkNow(getValues().description);
    if (parts.length > 1) onSplit(parts);
  }

  async function send(draft: TicketDraft): Promise<void> {
    const values = getValues();
    const parts = await checkNow(values.description);
    if (parts.length > 1 && !isOneProblemConfirmed(values)) {
      onRefusedOneProblem();
      return;
    }
    setFailure(null);
    try {
      onSent(await create.mutateAsync({ draft: followUpOf === undefined ? draft : { ...draft, followUpOf }, idempotencyKey: key.current }));
    } catch (error) {
      const failed = failureOf(error);
      if (failed.kind === 'http' && failed.code === 'several_problems' && (failed.parts?.length ?? 0) > 1) {
        // Offer the server's split the way the widget offers its own: the same panel, the same two choices.
        onServerSeveral(values.description, { parts: failed.parts ?? [], markers: failed.markers ?? [] });
        onRefusedOneProblem();
        return;
      }
      if (failed.kind === 'http' && failed.fields !== undefined) {
        setRefused('send');
        setAttempt((n) => n + 1);
        if (placeFieldErrors(failed.fields, values)) return;
      }
      setFailure(failed);
    }
  }

  /**
   * Validates and sends (or splits); invalid values open the error summary. A split asks only for the fields every
   * part shares: what each part has of its own (its text, its impact, the steps) is asked for in the split view.
   */
  function submit(which: SubmitIntent): void {
    void handleSubmit(which === 'send' ? send : split, (errors) => {
      if (which === 'split') {
        const own = splitOwnFields(getValues().category);
        clearErrors(own);
        if (errors.root === undefined && FIELD_ORDER.every((path) => own.includes(path) || get(errors, path) === undefined)) {
          void split();
          return;
        }
      }
      setRefused(which);
      setAttempt((n) => n + 1);
    })();
  }

  /** Sends the edited draft as a new ticket, with a new key (after `idempotency_conflict`). */
  function sendAsNew(): void {
    key.current = renewIdempotencyKey();
    submit('send');
  }

  return { submit, sendAsNew, failure, sending: create.isPending, attempt, refused, resetFailure: () => setFailure(null) };
}
