/** Ticket statuses of the policy (docs/architecture.md) and the one table of who may move a ticket where. */
export const STATUSES = [
  'registered',
  'processing',
  'clarification_requested',
  'clarification_sent',
  'in_progress',
  'answered',
  'cancelled',
  'resolved',
  'suggestion',
] as const;
/** One status code. */
export type Status = (typeof STATUSES)[number];

/** Who moves a ticket: the reporter (user), a support specialist, or the system itself. */
export const ACTORS = ['reporter', 'support', 'system'] as const;
/** One actor. */
export type Actor = (typeof ACTORS)[number];

/** The status every ticket starts in; only the system sets it, on create. */
export const INITIAL_STATUS = 'registered' satisfies Status;

/** Statuses after which nothing moves. */
export const FINAL_STATUSES: readonly Status[] = ['cancelled', 'resolved'];

/**
 * The statuses in which support has said its word (an answer, a suggestion taken note of): the ticket waits for
 * support again once the user writes after it («не помогло»), until a specialist acts.
 */
export const SPOKEN_STATUSES = ['answered', 'suggestion'] as const satisfies readonly Status[];

/** Whether the user wrote after support's word: a spoken status, and the ticket's newest change is the user's. */
export function userWroteAfterWord(status: string, lastActor: string | null | undefined): boolean {
  return (SPOKEN_STATUSES as readonly string[]).includes(status) && lastActor === 'reporter';
}

type Moves = Partial<Record<Status, readonly Actor[]>>;

const S = ['support'] as const;
const R = ['reporter'] as const;

// Support may skip steps (a trivial question can be answered straight from "registered"), so most
// specialist moves are allowed from every open status; the reporter only cancels or answers a question.
const TRANSITIONS: Record<Status, Moves> = {
  registered: { processing: S, clarification_requested: S, in_progress: S, answered: S, resolved: S, suggestion: S, cancelled: R },
  processing: { clarification_requested: S, in_progress: S, answered: S, resolved: S, suggestion: S, cancelled: R },
  clarification_requested: { clarification_sent: R, in_progress: S, answered: S, resolved: S, cancelled: R },
  clarification_sent: { processing: S, clarification_requested: S, in_progress: S, answered: S, resolved: S, suggestion: S, cancelled: R },
  in_progress: { clarification_requested: S, answered: S, resolved: S, suggestion: S, cancelled: R },
  answered: { in_progress: S, clarification_requested: S, resolved: S, cancelled: R },
  suggestion: { in_progress: S, resolved: S, cancelled: R },
  cancelled: {},
  resolved: {},
};

/** Whether `actor` may move a ticket from `from` to `to`. */
export function canTransition(from: Status, to: Status, actor: Actor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** The statuses `actor` may move a ticket to from `from`, in the order of {@link STATUSES}. */
export function allowedNextStatuses(from: Status, actor: Actor): Status[] {
  return STATUSES.filter((to) => canTransition(from, to, actor));
}

/** Whether nothing can happen to a ticket in this status any more. */
export function isFinalStatus(status: Status): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Statuses a specialist must explain with a text (the question, the answer). */
export function statusRequiresText(status: Status): boolean {
  return status === 'clarification_requested' || status === 'answered';
}
