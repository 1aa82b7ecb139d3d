/**
 * Follow-up instead of reopening: a final ticket («Вопрос решён», «Обращение отменено») never moves again, and
 * one ticket is one problem, so "the problem came back" is a new ticket that names the one it continues. It is
 * offered for {@link FOLLOW_UP_DAYS} days after the old ticket reached its final status.
 */
import * as z from 'zod/mini';
import { isFinalStatus } from '../statuses';
import type { Status } from '../statuses';
import { ticketDraftSchema } from './draft';

/** How long after its final status a ticket can be continued. */
export const FOLLOW_UP_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

// A ticket id (what the server issues) or a number such as UP-2026-000123: letters, digits, '-' and '_'.
const TICKET_REF = /^[A-Za-z0-9_-]{1,64}$/;

/** `followUpOf` of a create: the id or number of the reporter's final ticket this one continues. */
export const followUpOfSchema = z.string().check(z.trim(), z.minLength(1, 'required'), z.regex(TICKET_REF, 'invalid'));

/** What a create body may carry besides the draft. */
export const followUpFieldSchema = z.lazy(() => z.object({ followUpOf: z.optional(followUpOfSchema) }));
/** The follow-up part of a create body. */
export type FollowUpField = z.input<typeof followUpFieldSchema>;

/** `POST /tickets`: a draft, optionally naming the ticket it continues. */
export const createTicketBodySchema = z.lazy(() => z.intersection(ticketDraftSchema, followUpFieldSchema));
/** A create body as the client sends it. */
export type CreateTicketBody = z.input<typeof createTicketBodySchema>;

/** The event fields the rules read (the wire event and a stored row both map to it). */
export interface StatusMoment {
  status: Status;
  previousStatus: Status | null;
  createdAt: string;
}

/**
 * When a ticket in `status` reached it (ISO): the first event that moved it there; null when the status is not
 * final (or no event moved it there).
 */
export function finalStatusAt(status: Status, events: readonly StatusMoment[]): string | null {
  if (!isFinalStatus(status)) return null;
  const moved = events.find((event) => event.status === status && event.previousStatus !== status);
  return moved?.createdAt ?? null;
}

/** Until when a ticket that became final at `finalAt` can be continued. */
export function followUpOpenUntil(finalAt: Date): Date {
  return new Date(finalAt.getTime() + FOLLOW_UP_DAYS * DAY_MS);
}

/** Whether a ticket can be continued at `now`. */
export function canFollowUp(status: Status, events: readonly StatusMoment[], now: Date): boolean {
  const at = finalStatusAt(status, events);
  return at !== null && now.getTime() <= followUpOpenUntil(new Date(at)).getTime();
}
