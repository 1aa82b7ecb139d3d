/**
 * Who handles a ticket: one specialist of SUPPORT_AGENTS, support's own business (a reporter never reads it). Each
 * change is kept in `assignments` with who made it and when; a ticket already handled by a colleague changes hands
 * only when the caller says whom they saw handling it (`from`), so two specialists taking it at once never both do.
 */
import { isFinalStatus } from '../../core';
import type { AgentAssigneeBody, Status } from '../../core';
import type { AgentIdentity } from '../auth/identity';
import { agentNameSpelling, configuredAgentName } from '../config';
import type { AppDeps } from '../context';
import type { AssignmentRow, TicketRow } from '../db/rows';
import { ApiFailure, failures } from '../errors';
import type { Assignment } from '../schemas';
import type { Transaction } from '../storage/types';
import { anyTicket } from './access';
import { agentSummaryView, assignmentView } from './view';
import { queueNotice } from '../outbox/enqueue';

/**
 * The moves by which a specialist handles a ticket themselves: asking the reporter, working on it, answering,
 * resolving. A named specialist making one on a ticket nobody handles takes it, so who handled it stays on record
 * even when it was answered or resolved in one step. Reviewing it («В обработке») and passing it on as a
 * suggestion are triage, and take nothing.
 */
export const TAKING_STATUSES: ReadonlySet<Status> = new Set<Status>(['clarification_requested', 'in_progress', 'answered', 'resolved']);

/** Records a change of assignee in the caller's transaction: the ticket's column and the history row. */
export async function recordAssignment(
  deps: AppDeps,
  tx: Transaction,
  ticket: TicketRow,
  change: { assignee: string | null; by: string | null; cause: AssignmentRow['cause']; at: string },
): Promise<AssignmentRow> {
  await tx.tickets.setAssignee(ticket.id, change.assignee);
  const row: Omit<AssignmentRow, 'id'> = {
    ticket_id: ticket.id,
    assignee: change.assignee,
    previous: ticket.assignee,
    by_agent: change.by,
    cause: change.cause,
    created_at: change.at,
  };
  const made = { ...row, id: await tx.assignments.insert(row) };
  // The desks hear of it: an assignment is no ticket event, so it comes as a notice of its own (the caller wakes the
  // dispatcher after the commit).
  await queueNotice(deps, tx, ticket.id, { type: 'ticket.assigned', assignment: assignmentView(made) }, change.at);
  return made;
}

/** Whether two specialists' names are one name (a configured name's case may change while tickets keep the old). */
function sameName(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

/** The specialist `agent` names: the caller for `me`, else one of SUPPORT_AGENTS (422 `unknown_agent` for anyone else). */
function targetOf(deps: AppDeps, caller: AgentIdentity, agent: string | null): string | null {
  if (agent === null) return null;
  if (agent === 'me') {
    if (caller.name === null) {
      throw new ApiFailure(
        403,
        'unnamed_agent',
        {
          ru: 'Общий токен (SUPPORT_AGENT_TOKEN) не называет специалиста, и взять обращение себе им нельзя: возьмите его своим токеном (SUPPORT_AGENTS) или назначьте специалиста по имени.',
          en: 'The shared token (SUPPORT_AGENT_TOKEN) names no specialist and cannot take a ticket: take it with a token of your own (SUPPORT_AGENTS) or assign a specialist by name.',
        },
      );
    }
    return caller.name;
  }
  const name = configuredAgentName(deps.config.agents, agent);
  if (name === undefined) {
    const message = `Специалиста «${agent}» нет среди SUPPORT_AGENTS: назначить можно только специалиста со своим токеном.`;
    const sentence = { ru: message, en: `No specialist «${agent}» in SUPPORT_AGENTS: only a specialist with a token of their own can be assigned.` };
    throw new ApiFailure(422, 'unknown_agent', sentence, { agent: sentence });
  }
  return name;
}

/**
 * `POST /agent/tickets/{id}/assignee`: takes (`me`), hands over (a name) or releases (null) a ticket. Asking for what
 * already is changes nothing and is answered as done (`assignment` null), on any ticket; a change of a closed ticket
 * is 409 `illegal_transition` (the history keeps who handled it); a ticket a colleague handles changes hands only
 * with `from` naming them, and `from` that is no longer so is 409 `conflict` naming who handles it now.
 */
export async function assignTicket(deps: AppDeps, caller: AgentIdentity, id: string, body: AgentAssigneeBody) {
  const target = targetOf(deps, caller, body.agent);
  // Who the caller saw handling it, read as `agent` is: `me`, any case and spacing of a configured name (or of one
  // no longer configured, whose tickets keep it).
  const seen =
    body.from === undefined || body.from === null
      ? body.from
      : agentNameSpelling(body.from).toLowerCase() === 'me'
        ? caller.name
        : (configuredAgentName(deps.config.agents, body.from) ?? agentNameSpelling(body.from));
  const { row, assignment } = await deps.store.write(async (tx) => {
    const found = await anyTicket(tx, id);
    // Locked: two specialists assigning one ticket at once decide one after the other.
    const ticket = (await tx.tickets.getForUpdate(found.id)) ?? found;
    const current = ticket.assignee;
    if (current === target) return { row: ticket, assignment: null };
    if (isFinalStatus(ticket.status as Status)) {
      throw failures.illegalTransition({
        ru: `Обращение № ${ticket.number} закрыто: его исполнителя уже не меняют, в истории остаётся, кто его вёл.`,
        en: `Ticket No. ${ticket.number} is closed: its assignee no longer changes, and its history keeps who handled it.`,
      });
    }
    const handedOver = seen === undefined ? current === null || sameName(current, caller.name) : seen === null ? current === null : sameName(current, seen);
    if (!handedOver) {
      throw new ApiFailure(
        409,
        'conflict',
        current === null
          ? { ru: `У обращения № ${ticket.number} уже нет исполнителя: прочитайте его заново и повторите.`, en: `Ticket No. ${ticket.number} has no assignee any more: read it again and try again.` }
          : {
              ru: `Обращение № ${ticket.number} ведёт специалист ${current}: передать его или снять исполнителя можно, видя это (from) — прочитайте обращение заново и повторите.`,
              en: `Ticket No. ${ticket.number} is handled by ${current}: it is handed over or released only by one who sees that (from); read the ticket again and try again.`,
            },
      );
    }
    const made = await recordAssignment(deps, tx, ticket, { assignee: target, by: caller.name, cause: 'assign', at: deps.clock().toISOString() });
    return { row: (await tx.tickets.get(ticket.id)) ?? ticket, assignment: made };
  });
  // Its notice to the desks is queued: the dispatcher wakes on the ticket's news.
  if (assignment !== null) deps.broker.publish(row.id);
  const view: Assignment | null = assignment === null ? null : assignmentView(assignment);
  return { ...(await agentSummaryView(deps.store, row)), assignment: view };
}
