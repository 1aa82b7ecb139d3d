/** What happens to an existing ticket: the reporter's message or cancel, the specialist's status change or message. */
import { canTransition, isFinalStatus, statusAfterReporterMessage, statusRequiresText } from '../../core';
import type { Actor, Status, Ticket, TicketChange, TicketSummary } from '../../core';
import { requireUploader } from '../auth/identity';
import type { AgentIdentity, Reporter } from '../auth/identity';
import type { AppDeps } from '../context';
import type { EventRow, TicketRow } from '../db/rows';
import { queueDeliveries } from '../outbox/enqueue';
import type { Transaction } from '../storage/types';
import { ApiFailure, failures } from '../errors';
import type { Sentence } from '../errors';
import { anyTicket, reporterCanSee, reporterTicket, ticketByRef } from './access';
import { recordAssignment, TAKING_STATUSES } from './assignment';
import { claimAttachments } from './claim';
import { bodyHash } from './ids';
import { storedAnswer } from './stored-answer';
import { agentSummaryView, eventsOf, summaryView, ticketView } from './view';
import type { Audience, Reader } from './view';
import type { AgentTicketChange } from '../schemas';

interface Change {
  type: 'status' | 'message';
  status: Status;
  actor: Actor;
  /** The named specialist making a support change; null otherwise. */
  agentName?: string | null;
  text: string | null;
  attachmentIds: readonly string[];
  owner: string | null;
  /** A named specialist taking the ticket with this change (a move that handles a ticket nobody handles). */
  takenBy?: string;
  /** Support's files do not count against the ticket's limit of files (the reporter's). */
  unlimitedFiles?: boolean;
}

/** Appends one event (and moves the status) inside a transaction; returns the new event's id. */
async function appendEvent(deps: AppDeps, tx: Transaction, ticket: TicketRow, change: Change): Promise<number> {
  const at = deps.clock().toISOString();
  const event: Omit<EventRow, 'id'> = {
    ticket_id: ticket.id,
    type: change.type,
    status: change.status,
    previous_status: ticket.status,
    actor: change.actor,
    agent_name: change.agentName ?? null,
    text: change.text,
    created_at: at,
  };
  const eventId = await tx.events.insert(event);
  if (change.owner !== null) {
    await claimAttachments(tx, change.owner, ticket.id, eventId, change.attachmentIds, change.unlimitedFiles === true ? Number.POSITIVE_INFINITY : deps.config.limits.maxFilesPerTicket);
  }
  await tx.tickets.setStatus(ticket.id, change.status, at);
  const taken = change.takenBy === undefined ? null : await recordAssignment(deps, tx, ticket, { assignee: change.takenBy, by: change.takenBy, cause: 'status', at });
  // E-mail and webhooks commit with the event: a crash after the commit loses no notification.
  await queueDeliveries(deps, tx, taken === null ? ticket : { ...ticket, assignee: taken.assignee }, { ...event, id: eventId });
  return eventId;
}

/** What a committed change left: the ticket's fresh row and the id of the event it added. */
interface Changed {
  row: TicketRow;
  eventId: number;
}

/**
 * Runs `decide` on the fresh, locked row inside one transaction, then wakes the ticket's streams. The row lock
 * makes changes of one ticket wait for each other across processes.
 */
async function change(deps: AppDeps, load: (tx: Transaction) => Promise<TicketRow>, decide: (row: TicketRow) => Change): Promise<Changed> {
  const changed = await deps.store.write((tx) => changeIn(deps, tx, load, decide));
  deps.broker.publish(changed.row.id);
  return changed;
}

/** The change itself, inside the caller's transaction: load (and lock) the row, decide, append, read it again. */
async function changeIn(deps: AppDeps, tx: Transaction, load: (tx: Transaction) => Promise<TicketRow>, decide: (row: TicketRow) => Change): Promise<Changed> {
  const row = await load(tx);
  const eventId = await appendEvent(deps, tx, row, decide(row));
  return { row: (await tx.tickets.get(row.id)) ?? row, eventId };
}

/** The answer to a message or a status change: the new summary and the added event (not the whole ticket). */
async function changeView(deps: AppDeps, changed: Changed): Promise<TicketChange> {
  return changeAs(deps.store, changed, 'reporter', summaryView);
}

/** A specialist's change: support's list line (the queue's flag, the deadline, the assignee) and the event as support reads it. */
function agentChangeView(store: Reader, changed: Changed): Promise<AgentTicketChange> {
  return changeAs(store, changed, 'support', agentSummaryView);
}

async function changeAs<S extends TicketSummary>(store: Reader, { row, eventId }: Changed, audience: Audience, line: (store: Reader, row: TicketRow) => Promise<S>) {
  const [summary, events] = await Promise.all([line(store, row), eventsOf(store, row.id, eventId - 1, audience)]);
  const event = events.find((candidate) => candidate.id === eventId);
  if (event === undefined) throw new Error(`event ${eventId} of ticket ${row.id} not found after its commit`);
  // The summary's last event is the one just added, even if another change committed right after it.
  return { ...summary, lastEventId: Math.max(summary.lastEventId, eventId), event };
}

/**
 * Loads the ticket for a change (404 like a read), locking its row. With `reporter`, the locked row is theirs to
 * change still: the check before the lock read the row unlocked, and a change made meanwhile (an erasure, which
 * gives the ticket an owner of its own) commits before the lock is granted on PostgreSQL.
 */
function locked(check: (tx: Transaction) => Promise<TicketRow>, reporter?: Reporter) {
  return async (tx: Transaction) => {
    const row = await check(tx);
    const fresh = (await tx.tickets.getForUpdate(row.id)) ?? row;
    if (reporter !== undefined && !reporterCanSee(reporter, fresh)) throw failures.ticketNotFound();
    return fresh;
  };
}

/** Refuses a reporter's message when the ticket holds as many of theirs as it may (SUPPORT_MAX_EVENTS_PER_TICKET). */
async function refuseWhenFull(deps: AppDeps, tx: Transaction, row: TicketRow): Promise<void> {
  // Every read of a ticket carries its whole history: one reporter's thousands of messages would make each
  // read of it megabytes. A thread that long is better continued in a new ticket.
  const max = deps.config.maxEventsPerTicket;
  // The reporter's own: support's answers and messages never use up the user's room to write.
  if ((await tx.events.count(row.id, 'reporter')) >= max) {
    const message = `В обращении уже ${max} записей: напишите, пожалуйста, в новом обращении.`;
    const sentence = { ru: message, en: `The ticket has ${max} entries already: please write in a new ticket.` };
    throw failures.validation({ text: sentence }, sentence);
  }
}

/** The reporter's message as a change: a reply to a clarification request moves it on, otherwise the status stays. */
function reporterMessage(row: TicketRow, text: string, attachmentIds: readonly string[], owner: string): Change {
  const status = row.status as Status;
  if (isFinalStatus(status)) throw failures.illegalTransition({ ru: 'Обращение закрыто: написать в него уже нельзя.', en: 'The ticket is closed: it takes no more messages.' });
  const next = statusAfterReporterMessage(status);
  return { type: next === status ? 'message' : 'status', status: next, actor: 'reporter', text, attachmentIds, owner };
}

/** The reporter writes. */
export async function postMessage(deps: AppDeps, reporter: Reporter, id: string, text: string, attachmentIds: readonly string[]): Promise<TicketChange> {
  const load = locked(async (tx) => {
    const row = await reporterTicket(tx, reporter, id);
    await refuseWhenFull(deps, tx, row);
    return row;
  }, reporter);
  const changed = await change(deps, load, (row) => reporterMessage(row, text, attachmentIds, reporter.owner));
  return changeView(deps, changed);
}

/** How long a reply by e-mail with the same text as the reporter's last message is taken for that one sent again. */
const SAME_REPLY_MS = 24 * 60 * 60 * 1000;

/**
 * The reporter's reply by e-mail to ticket `number` (the reply address names and signs it): written as their
 * message, once `sender` (run on the locked row, so an erasure that commits first is seen) accepts the row. The
 * event's id, or null when it repeats the reporter's last message, less than a day old with nothing from support
 * since: a mail server that delivered it and lost the answer delivers it again.
 */
export async function postEmailReply(deps: AppDeps, number: string, text: string, sender: (row: TicketRow) => void): Promise<number | null> {
  const load = locked(async (tx) => {
    const row = await ticketByRef(tx, number);
    if (row === undefined) throw failures.ticketNotFound();
    return row;
  });
  const changed = await deps.store.write(async (tx) => {
    const row = await load(tx);
    sender(row);
    const since = deps.clock().getTime() - SAME_REPLY_MS;
    const events = await tx.events.listAfter(row.id);
    const last = events.at(-1);
    if (last !== undefined && last.actor === 'reporter' && last.text === text && Date.parse(last.created_at) >= since) return null;
    await refuseWhenFull(deps, tx, row);
    return changeIn(deps, tx, async () => row, (fresh) => reporterMessage(fresh, text, [], fresh.owner));
  });
  if (changed === null) return null;
  deps.broker.publish(changed.row.id);
  return changed.eventId;
}

/** The reporter cancels a ticket that is not final. */
export async function cancelTicket(deps: AppDeps, reporter: Reporter, id: string): Promise<Ticket> {
  const { row } = await change(deps, locked((tx) => reporterTicket(tx, reporter, id), reporter), (row) => {
    if (!canTransition(row.status as Status, 'cancelled', 'reporter')) {
      throw failures.illegalTransition({ ru: 'Обращение уже закрыто: отменить его нельзя.', en: 'The ticket is closed already: it cannot be cancelled.' });
    }
    return { type: 'status', status: 'cancelled', actor: 'reporter', text: null, attachmentIds: [], owner: null };
  });
  return ticketView(deps.store, row, 'reporter', reporter);
}

/** The statuses as a refusal names them to a specialist (the widget's status table, short). */
const STATUS_NAMES: Readonly<Record<Status, Sentence>> = {
  registered: { ru: 'Зарегистрировано', en: 'Registered' },
  processing: { ru: 'В обработке', en: 'Processing' },
  clarification_requested: { ru: 'Требуется уточнение', en: 'Clarification requested' },
  clarification_sent: { ru: 'Уточнение отправлено', en: 'Clarification sent' },
  in_progress: { ru: 'В работе', en: 'In progress' },
  answered: { ru: 'Ответ дан', en: 'Answered' },
  cancelled: { ru: 'Отменено', en: 'Cancelled' },
  resolved: { ru: 'Решено', en: 'Resolved' },
  suggestion: { ru: 'Предложение по СДО', en: 'LMS suggestion' },
};

/**
 * The specialist moves a ticket; the state machine of the core decides what is legal. A named specialist asking,
 * working on, answering or resolving a ticket nobody handles takes it: it is theirs from then on (the answer's
 * `assignee`).
 */
export async function agentSetStatus(
  deps: AppDeps,
  agent: AgentIdentity,
  id: string,
  status: Status,
  text: string | undefined,
  seenEventId?: number,
  attachmentIds: readonly string[] = [],
  once?: RetryKey,
): Promise<AgentAnswer> {
  const clean = text === undefined || text === '' ? null : text;
  return agentChange(deps, agent, once, seenBySpecialist(agent, id, seenEventId), (row) => {
    const from = row.status as Status;
    if (!canTransition(from, status, 'support')) {
      throw failures.illegalTransition({
        ru: `Из статуса «${STATUS_NAMES[from].ru}» в «${STATUS_NAMES[status].ru}» обращение перевести нельзя.`,
        en: `A ticket cannot move from «${STATUS_NAMES[from].en}» to «${STATUS_NAMES[status].en}».`,
      });
    }
    if (statusRequiresText(status) && clean === null) {
      throw failures.validation({ text: { ru: 'Напишите вопрос или ответ пользователю', en: 'Write the question or the answer to the user' } });
    }
    const takes = TAKING_STATUSES.has(status) && agent.name !== null && row.assignee === null ? { takenBy: agent.name } : {};
    return { type: 'status', status, actor: 'support', agentName: agent.name, text: clean, ...supportFiles(agent, attachmentIds), ...takes };
  });
}

/**
 * The specialist writes to the user without moving the ticket («исправление займёт два дня», a second answer): the
 * user reads it in the widget and gets it by e-mail, a desk as `ticket.message`. A closed ticket takes none.
 */
export async function agentPostMessage(
  deps: AppDeps,
  agent: AgentIdentity,
  id: string,
  text: string,
  seenEventId?: number,
  attachmentIds: readonly string[] = [],
  once?: RetryKey,
): Promise<AgentAnswer> {
  return agentChange(deps, agent, once, seenBySpecialist(agent, id, seenEventId), (row) => {
    const status = row.status as Status;
    if (isFinalStatus(status)) {
      throw failures.illegalTransition({
        ru: `Обращение закрыто («${STATUS_NAMES[status].ru}»): написать в него уже нельзя.`,
        en: `The ticket is closed («${STATUS_NAMES[status].en}»): it takes no more messages.`,
      });
    }
    return { type: 'message', status, actor: 'support', agentName: agent.name, text, ...supportFiles(agent, attachmentIds) };
  });
}

/** A specialist's `Idempotency-Key` on a change, and the request it names (the route, the ticket and the body). */
export interface RetryKey {
  key: string;
  request: unknown;
}

/** A specialist's change as answered: `replayed` when it is the stored first answer to the same key and request. */
export interface AgentAnswer {
  answer: AgentTicketChange;
  replayed: boolean;
}

/**
 * Runs a specialist's change in one transaction, and with `once` at most once per key: the first answer is stored
 * with the change, and a retry of the same request (a desk whose answer was lost) gets it again with nothing
 * stored or sent twice; the same key with another request is 409 `idempotency_conflict`.
 */
async function agentChange(deps: AppDeps, agent: AgentIdentity, once: RetryKey | undefined, load: (tx: Transaction) => Promise<TicketRow>, decide: (row: TicketRow) => Change): Promise<AgentAnswer> {
  const { owner } = requireUploader(agent);
  const hash = once === undefined ? '' : bodyHash(once.request);
  const result = await deps.store.write(async (tx): Promise<AgentAnswer> => {
    const stored = once === undefined
      ? undefined
      : await storedAnswer(tx, owner, once.key, hash, { ru: 'Этот ключ идемпотентности уже использован для другого запроса.', en: 'This idempotency key was used for another request already.' });
    if (stored !== undefined) return { answer: JSON.parse(stored) as AgentTicketChange, replayed: true };
    const changed = await changeIn(deps, tx, load, decide);
    const answer = await agentChangeView(tx, changed);
    if (once !== undefined) {
      await tx.idempotency.insert({ owner, key: once.key, body_hash: hash, ticket_id: changed.row.id, status: 200, response_json: JSON.stringify(answer), created_at: deps.clock().toISOString() });
    }
    return { answer, replayed: false };
  });
  if (!result.replayed) deps.broker.publish(result.answer.id);
  return result;
}

/** The specialist's own uploads (`POST /attachments` with their token) to attach to their change. */
function supportFiles(agent: AgentIdentity, attachmentIds: readonly string[]): Pick<Change, 'attachmentIds' | 'owner' | 'unlimitedFiles'> {
  return { attachmentIds, owner: requireUploader(agent).owner, unlimitedFiles: true };
}

/**
 * Loads and locks the ticket a specialist acts on; with `seenEventId` (the newest event they saw), a ticket that has
 * changed since is refused with 409 `conflict`, naming the colleague when they have a token of their own.
 */
function seenBySpecialist(agent: AgentIdentity, id: string, seenEventId: number | undefined) {
  return async (tx: Transaction) => {
    const row = await locked((reader) => anyTicket(reader, id))(tx);
    if (seenEventId === undefined) return row;
    // Checked under the ticket's lock: two specialists acting on what each saw, the second learns of the first. The
    // seen event first, then what came after it.
    const [seen, ...since] = await tx.events.listAfter(row.id, seenEventId - 1);
    // An event this ticket does not have (another ticket's id, a made-up one) was not read from it: whatever came
    // after it, the id is wrong, not the ticket changed.
    if (seen?.id !== seenEventId) {
      const sentence = { ru: `lastEventId ${seenEventId}: у обращения № ${row.number} нет такого события.`, en: `lastEventId ${seenEventId}: ticket No. ${row.number} has no such event.` };
      throw failures.validation({ lastEventId: sentence }, sentence);
    }
    if (since.length > 0) {
      // A colleague with a token of their own is named; anyone else is said as what it may have been.
      const colleague = since.findLast((e) => e.actor === 'support' && e.agent_name !== null && e.agent_name !== agent.name)?.agent_name;
      const named = colleague !== undefined && colleague !== null;
      const who = named ? `изменения внёс специалист ${colleague}` : 'ответил коллега или написал пользователь';
      const whoEn = named ? `changed by ${colleague}` : 'a colleague answered or the user wrote';
      throw new ApiFailure(409, 'conflict', {
        ru: `Обращение № ${row.number} изменилось, пока вы его читали (${who}): прочитайте новое и повторите.`,
        en: `Ticket No. ${row.number} changed while you were reading it (${whoEn}): read what is new and try again.`,
      });
    }
    return row;
  };
}
