/** Registering a ticket: one transaction holding the ticket, its first event, file claims and the idempotency record. */
import { formatTicketNumber, hasCalendarFor, stripSecretsFromText, IDEMPOTENCY_CONFLICT_MESSAGE, INITIAL_STATUS, moscowParts, oneProblemVerdict, priorityFor, resolveDeadlineInfo, reviewDeadlineInfo } from '../../core';
import type { CreateTicketResponse, TicketDraft } from '../../core';
import type { Reporter } from '../auth/identity';
import { deriveAccessKey, hashKey } from '../auth/keys';
import type { AppDeps } from '../context';
import { acceptedSecrets } from '../config';
import type { EventRow, TicketRow } from '../db/rows';
import { failures } from '../errors';
import { fieldMessage } from '../field-messages';
import { queueDeliveries } from '../outbox/enqueue';
import { queueReceipt } from '../outbox/receipts';
import { claimAttachments } from './claim';
import { followedTicket, recordFollowUp } from './follow-up';
import { enforceOneProblem } from './one-problem';
import { bodyHash, randomId } from './ids';
import { reporterRecord } from './reporter';
import { storedAnswer } from './stored-answer';
import { ticketView } from './view';
import type { Locale } from '../locale';

/** The answer to a create: 201 with the ticket (and a guest's access key), first time or replayed. */
export interface CreateResult {
  body: CreateTicketResponse;
  replayed: boolean;
}

/**
 * Creates the ticket, or replays the first answer for the same owner, key and body. `followUpOf` names the
 * reporter's final ticket this one continues (id or number).
 */
export async function createTicket(
  deps: AppDeps,
  reporter: Reporter,
  parsed: TicketDraft,
  idempotencyKey: string,
  followUpOf?: string,
  locale: Locale = 'ru',
): Promise<CreateResult> {
  const { store, config } = deps;
  const now = deps.clock();
  // The route drops a user's contact; dropping it here too keeps the stored draft free of it whatever the caller.
  // The consent is not part of the problem: it is stored as the time it was given, not in the draft.
  const { contact, consent, ...rest } = parsed;
  const guest = reporter.kind === 'guest';
  if (guest && consent !== true) throw failures.validation({ consent: fieldMessage({ code: 'custom', path: ['consent'], message: 'required' }) });
  // A subject is one line wherever it is shown (the queue, an e-mail's subject, a desk's webhook); only an API client
  // sends line breaks in it, the widget's field cannot hold them.
  const oneLine = { ...rest, subject: rest.subject.replace(/\s+/gu, ' ') };
  const draft: TicketDraft = withoutSecrets(guest && contact !== undefined ? { ...oneLine, contact } : oneLine);
  // Without a follow-up the hash is the draft's alone, as before follow-ups existed.
  const hash = bodyHash(followUpOf === undefined ? draft : { ...draft, followUpOf });
  const priority = priorityFor(draft.category, draft.impact);
  const review = reviewDeadlineInfo(now);
  const resolve = resolveDeadlineInfo(now, priority);

  // Before the transaction: the check is the costliest step of a create, and must hold no lock while it runs.
  const verdict = oneProblemVerdict(draft.description, draft.oneProblemConfirmed);
  const record = reporterRecord(reporter, contact);
  // The ticket and its first event as stored, for its receipt once they are committed.
  let registered: { row: TicketRow; event: EventRow } | undefined;

  const result = await store.write(async (tx): Promise<CreateResult> => {
    const stored = await storedAnswer(tx, reporter.owner, idempotencyKey, hash, { ru: IDEMPOTENCY_CONFLICT_MESSAGE, en: 'This idempotency key was used for another ticket already.' });
    if (stored !== undefined) {
      const first = JSON.parse(stored) as CreateTicketResponse;
      return { body: withAccessKey(deps, reporter, first, await tx.tickets.get(first.ticket.id)), replayed: true };
    }
    // After the replay: a ticket registered before a change of the check is still answered as it was.
    const oneProblem = enforceOneProblem(verdict);
    const followed = followUpOf === undefined ? null : await followedTicket(tx, reporter, followUpOf, now);
    const id = randomId();
    const { year } = moscowParts(now);
    const at = now.toISOString();
    await tx.tickets.insert({
      id,
      number: formatTicketNumber(year, await tx.tickets.nextNumber(year)),
      owner: reporter.owner,
      access_key_hash: reporter.kind === 'guest' ? hashKey(deriveAccessKey(config.tokenSecret, id)) : null,
      category: draft.category,
      subject: draft.subject,
      status: INITIAL_STATUS,
      priority,
      draft_json: JSON.stringify(draft),
      reporter_json: JSON.stringify(record),
      created_at: at,
      updated_at: at,
      review_due_at: review.value.toISOString(),
      resolve_due_at: resolve.value.toISOString(),
      deadlines_provisional: review.provisional || resolve.provisional ? 1 : 0,
      ...oneProblem,
      split_group: draft.splitGroup ?? null,
      follow_up_of: followed?.id ?? null,
      consent_at: guest ? at : null,
      locale,
    });
    const first = { ticket_id: id, type: 'status', status: INITIAL_STATUS, previous_status: null, actor: 'system', agent_name: null, text: null, created_at: at };
    const eventId = await tx.events.insert(first);
    await claimAttachments(tx, reporter.owner, id, null, draft.attachmentIds, config.limits.maxFilesPerTicket);
    const row = await tx.tickets.get(id);
    if (row === undefined) throw new Error('inserted ticket not found');
    await queueDeliveries(deps, tx, row, { ...first, id: eventId });
    registered = { row, event: { ...first, id: eventId } };
    if (followed !== null) await recordFollowUp(deps, tx, followed, row, at);
    const body: CreateTicketResponse = { ticket: await ticketView(tx, row) };
    await tx.idempotency.insert({
      owner: reporter.owner,
      key: idempotencyKey,
      body_hash: hash,
      ticket_id: id,
      status: 201,
      response_json: JSON.stringify(body),
      created_at: at,
    });
    return { body: withAccessKey(deps, reporter, body, row), replayed: false };
  });

  if (!result.replayed) {
    // Counted only now: a replay, a refused key or follow-up, a refusal of the check register nothing and e-mail no one.
    if (registered !== undefined) await queueReceipt(deps, registered.row, registered.event, record);
    if (result.body.ticket.deadlinesProvisional) warnProvisional(deps, [now, review.value, resolve.value]);
    deps.broker.publish(result.body.ticket.id);
    const followed = result.body.ticket.followUpOf;
    if (followed !== undefined) deps.broker.publish(followed.id);
  }
  return result;
}

/** Adds the guest's access key (derived, never stored) to a create answer. */
function withAccessKey(deps: AppDeps, reporter: Reporter, body: CreateTicketResponse, row: TicketRow | undefined): CreateTicketResponse {
  if (reporter.kind !== 'guest') return body;
  // The key was derived from the secret of the time: while a changed secret is the previous one, a replay of a
  // create made before the change still gets it back. After that, better none than a wrong one.
  const { tokenSecret, previousTokenSecret } = deps.config;
  for (const secret of acceptedSecrets(tokenSecret, previousTokenSecret)) {
    const accessKey = deriveAccessKey(secret, body.ticket.id);
    if (row?.access_key_hash === hashKey(accessKey)) return { ...body, accessKey };
  }
  return body;
}

/** Says which years lack a production calendar, so an operator adds the decree table. */
function warnProvisional(deps: AppDeps, instants: readonly Date[]): void {
  const years = [...new Set(instants.map((at) => moscowParts(at).year))].filter((year) => !hasCalendarFor(year));
  deps.logger.warn(
    `[support] deadlines computed without a production calendar for ${years.join(', ')}: marked provisional. ` +
      'Install a release with that year\'s calendar (maintainers add src/core/calendar/years/<year>.ts from the government decree).',
  );
}

/**
 * The draft as it is stored: the page's address and the page errors (a stack line names the page's or a script's
 * address, query and all) without the secrets in their addresses (`?session=…`, `?auth_token=…`). The widget strips
 * the page's address itself; the errors, and any other client, are stripped here.
 */
function withoutSecrets(draft: TicketDraft): TicketDraft {
  // A stripped value can come out longer ("…" written as %E2%80%A6): cut to what the schema takes.
  const page = (value: string | undefined) => (value === undefined ? undefined : stripSecretsFromText(value).slice(0, 2000));
  const pageUrl = page(draft.pageUrl);
  const browserPage = page(draft.browser.pageUrl);
  return {
    ...draft,
    ...(pageUrl === undefined ? {} : { pageUrl }),
    browser: { ...draft.browser, ...(browserPage === undefined ? {} : { pageUrl: browserPage }) },
    ...(draft.pageErrors === undefined
      ? {}
      : {
          pageErrors: draft.pageErrors.map((error) => ({
            ...error,
            message: stripSecretsFromText(error.message).slice(0, 1000),
            ...(error.source === undefined ? {} : { source: stripSecretsFromText(error.source).slice(0, 1000) }),
          })),
        }),
  };
}
