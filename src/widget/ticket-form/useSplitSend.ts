/** Sends the split drafts one after another, each with its own idempotency key, and tracks each outcome. */
import { useState } from 'react';
import { failureOf, useCreateTicket } from '../../api';
import { failureMessage } from '../shared/failure-message';
import { useTranslation } from '../shared/i18n-react';
import type { CreateTicketResponse } from '../../core';
import type { SplitItemDraft } from './split-drafts';
import type { SplitItem } from './stored-draft';

/** Where one part stands. */
export type SplitItemState =
  | { status: 'idle' }
  | { status: 'invalid'; errors: Extract<SplitItemDraft, { ok: false }>['errors'] }
  | { status: 'sending' }
  | { status: 'sent'; response: CreateTicketResponse }
  | { status: 'failed'; reason: string };

const IDLE: SplitItemState = { status: 'idle' };

/**
 * `sendAll()` validates every part first (nothing is sent while one is wrong), then sends the ones not yet
 * registered in order; a failed part does not stop the rest, and a resend reuses its key (no duplicates).
 */
export function useSplitSend({
  items,
  draftFor,
  onAllSent,
}: {
  items: readonly SplitItem[];
  draftFor(item: SplitItem, index: number): SplitItemDraft;
  onAllSent(responses: CreateTicketResponse[]): void;
}) {
  const { t } = useTranslation('form');
  const create = useCreateTicket();
  const [states, setStates] = useState<Record<string, SplitItemState>>({});
  const [running, setRunning] = useState(false);
  const stateOf = (item: SplitItem): SplitItemState => states[item.idempotencyKey] ?? IDLE;
  const put = (key: string, state: SplitItemState) => setStates((all) => ({ ...all, [key]: state }));

  async function sendAll(): Promise<boolean> {
    const drafts = items.map((item, index) => draftFor(item, index));
    items.forEach((item, index) => {
      const draft = drafts[index];
      if (draft === undefined || stateOf(item).status === 'sent') return;
      put(item.idempotencyKey, draft.ok ? IDLE : { status: 'invalid', errors: draft.errors });
    });
    const valid = drafts.every((draft) => draft.ok);
    if (!valid) return false;
    setRunning(true);
    const responses: Array<CreateTicketResponse | undefined> = items.map((item) => {
      const state = stateOf(item);
      return state.status === 'sent' ? state.response : undefined;
    });
    for (const [index, item] of items.entries()) {
      const draft = drafts[index];
      if (responses[index] !== undefined || draft === undefined || !draft.ok) continue;
      put(item.idempotencyKey, { status: 'sending' });
      try {
        const response = await create.mutateAsync({ draft: draft.draft, idempotencyKey: item.idempotencyKey });
        responses[index] = response;
        put(item.idempotencyKey, { status: 'sent', response });
      } catch (error) {
        put(item.idempotencyKey, { status: 'failed', reason: failureMessage(t, failureOf(error)) });
      }
    }
    setRunning(false);
    const sent = responses.filter((response): response is CreateTicketResponse => response !== undefined);
    if (sent.length === items.length) onAllSent(sent);
    return true;
  }

  const sentCount = items.filter((item) => stateOf(item).status === 'sent').length;
  return { stateOf, sendAll, running, sentCount };
}
