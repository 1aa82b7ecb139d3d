/**
 * Cursor paging of ticket lists, newest first, or for specialists the queue: the tickets waiting for support,
 * the soonest deadline first. The cursor is the opaque position after the last ticket of a page, so tickets
 * created while a client pages land before its first page and never shift later pages.
 */
import * as z from 'zod/mini';
import { CATEGORIES, PRIORITIES, SPOKEN_STATUSES, statusSchema, userWroteAfterWord } from '../../core';
import { configuredAgentName } from '../config';
import type { AgentCredential } from '../config';
import { failures } from '../errors';

/** Largest page a client may ask for; also the page size when it asks for none. */
export const MAX_PAGE = 100;

/** The statuses in which a ticket waits for support (not for the user, not closed): the queue. */
export const QUEUE_STATUSES = ['registered', 'processing', 'clarification_sent', 'in_progress'] as const;

/** Whether a ticket waits for support: its status asks for a specialist, or the user wrote after support's word. */
export function awaitsSupport(status: string, lastActor: string | null): boolean {
  return (QUEUE_STATUSES as readonly string[]).includes(status) || userWroteAfterWord(status, lastActor);
}

/**
 * {@link awaitsSupport} as an SQL condition over `tickets` (the same text on SQLite and PostgreSQL): the row's own
 * columns, so the queue reads no event.
 */
export const AWAITS_SUPPORT_SQL = `(status IN (${QUEUE_STATUSES.map((status) => `'${status}'`).join(', ')})
  OR (status IN (${SPOKEN_STATUSES.map((status) => `'${status}'`).join(', ')}) AND last_actor = 'reporter'))`;

/** A list's order: newest first, or (agents) the queue by resolve deadline. */
export type PageOrder = 'newest' | 'due';

/** A page request: how many, after which position, and the filters. */
export interface PageQuery {
  limit: number;
  order: PageOrder;
  /** Newest first: only tickets with a position below this (null: from the newest). */
  before: number | null;
  /** The queue: only tickets after this deadline and position (null: from the soonest). */
  after: { due: string; seq: number } | null;
  status: string | null;
  category: string | null;
  priority: string | null;
  /** Text searched in the number and the subject (agents only). */
  text: string | null;
  /** Agents only: the tickets of one assignee (`is` a name), or of none (`is` null); null: any. */
  assignee: { is: string | null } | null;
  /** Agents only: the tickets whose last event came at or after this instant (ISO, as stored); null: any. */
  updatedSince: string | null;
}

/** Who lists (agents): the caller's name (null: the shared token) and the configured specialists. */
export interface ListingAgent {
  name: string | null;
  agents: readonly AgentCredential[];
}

const categorySchema = z.enum(CATEGORIES);
const prioritySchema = z.enum(PRIORITIES);
const MAX_TEXT = 200;

/** The cursor naming the position after `seq` (newest first). */
export function cursorAfter(seq: number): string {
  return Buffer.from(`t${seq}`, 'utf8').toString('base64url');
}

/** The cursor naming the queue's position after the ticket due at `due` with `seq`. */
export function queueCursorAfter(due: string, seq: number): string {
  return Buffer.from(`d${seq}:${due}`, 'utf8').toString('base64url');
}

const BROKEN_CURSOR = {
  ru: 'Параметр cursor повреждён: передайте nextCursor из предыдущего ответа с тем же order.',
  en: 'The parameter cursor is damaged: pass nextCursor from the previous answer, with the same order.',
};

function readCursor(raw: string | undefined, order: PageOrder): Pick<PageQuery, 'before' | 'after'> {
  if (raw === undefined || raw === '') return { before: null, after: null };
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const newest = /^t(\d{1,15})$/.exec(text);
  if (order === 'newest' && newest !== null) return { before: Number(newest[1]), after: null };
  // A deadline as the server writes it (toISOString), so it compares as text the way it compares as time.
  const queue = /^d(\d{1,15}):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(text);
  if (order === 'due' && queue !== null) return { before: null, after: { seq: Number(queue[1]), due: queue[2] ?? '' } };
  throw failures.badRequest(BROKEN_CURSOR);
}

/** `limit`: 1 to `max` (`max` when not given) — a page of tickets, or of the delivery log. */
export function readLimit(raw: string | undefined, max = MAX_PAGE): number {
  if (raw === undefined || raw === '') return max;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw failures.badRequest({ ru: `Параметр limit должен быть целым числом от 1 до ${max}.`, en: `The parameter limit must be a whole number from 1 to ${max}.` });
  }
  return Number(raw);
}

function readEnum(schema: z.ZodMiniType<string>, raw: string | undefined, name: string): string | null {
  if (raw === undefined || raw === '') return null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw failures.badRequest({ ru: `Неизвестное значение в параметре ${name}.`, en: `Unknown value of the parameter ${name}.` });
  return parsed.data;
}

function readText(raw: string | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (text.length > MAX_TEXT) throw failures.badRequest({ ru: `Параметр q не длиннее ${MAX_TEXT} символов.`, en: `The parameter q is ${MAX_TEXT} characters at most.` });
  return text;
}

const MAX_NAME = 100;

/**
 * `assignee=me` (the caller's tickets), `none` (nobody's) or a name: a configured one in its configured spelling,
 * any other as given (the tickets of a specialist no longer configured keep their name).
 */
function readAssignee(raw: string | undefined, caller: ListingAgent): PageQuery['assignee'] {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (text === 'none') return { is: null };
  if (text === 'me') {
    if (caller.name === null) {
      throw failures.badRequest({
        ru: 'Параметр assignee=me — для специалиста со своим токеном (SUPPORT_AGENTS): общий токен никого не называет. Укажите имя или none.',
        en: 'The parameter assignee=me is for a specialist with a token of their own (SUPPORT_AGENTS): the shared token names nobody. Give a name or none.',
      });
    }
    return { is: caller.name };
  }
  if (text.length > MAX_NAME) {
    throw failures.badRequest({ ru: `Параметр assignee: me, none или имя специалиста не длиннее ${MAX_NAME} символов.`, en: `The parameter assignee: me, none or a specialist's name of ${MAX_NAME} characters at most.` });
  }
  return { is: configuredAgentName(caller.agents, text) ?? text };
}

function readOrder(raw: string | undefined, agent: boolean): PageOrder {
  if (raw === undefined || raw === '' || raw === 'newest') return 'newest';
  if (raw === 'due' && agent) return 'due';
  throw failures.badRequest(
    agent
      ? {
          ru: 'Параметр order: newest (новые сверху) или due (очередь: ждут специалиста, ближайший срок решения сверху).',
          en: 'The parameter order: newest (newest first) or due (the queue: waiting for a specialist, the nearest resolve deadline first).',
        }
      : { ru: 'Параметр order: только newest.', en: 'The parameter order: newest only.' },
  );
}

/**
 * Reads the page query from query parameters; agents (`agent` given) may also filter by category, priority, text and
 * assignee, and ask for the queue.
 */
export function readPageQuery(query: (name: string) => string | undefined, agent: ListingAgent | null): PageQuery {
  const order = readOrder(query('order'), agent !== null);
  return {
    limit: readLimit(query('limit')),
    order,
    ...readCursor(query('cursor'), order),
    status: readEnum(statusSchema, query('status'), 'status'),
    category: agent !== null ? readEnum(categorySchema, query('category'), 'category') : null,
    priority: agent !== null ? readEnum(prioritySchema, query('priority'), 'priority') : null,
    text: agent !== null ? readText(query('q')) : null,
    assignee: agent !== null ? readAssignee(query('assignee'), agent) : null,
    updatedSince: agent !== null ? readInstant(query('updatedSince')) : null,
  };
}

/**
 * `updatedSince`: a date and time with its zone (`2026-12-07T09:00:00Z`, `…+03:00`), as the instant the tickets'
 * `updatedAt` is compared with (stored as UTC ISO strings, which compare as text the way they compare as time).
 */
function readInstant(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
  const time = zoned ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time)) {
    throw failures.badRequest({
      ru: 'Параметр updatedSince: дата и время с часовым поясом, например 2026-12-07T09:00:00Z.',
      en: 'The parameter updatedSince: a date and time with its zone, such as 2026-12-07T09:00:00Z.',
    });
  }
  return new Date(time).toISOString();
}

/** Cuts one extra row fetched to learn whether another page exists; returns the page and its next cursor. */
export function pageOf<T extends { seq: number; resolve_due_at: string }>(rows: T[], query: Pick<PageQuery, 'limit' | 'order'>): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  if (rows.length <= query.limit || last === undefined) return { rows: page, nextCursor: null };
  return { rows: page, nextCursor: query.order === 'due' ? queueCursorAfter(last.resolve_due_at, last.seq) : cursorAfter(last.seq) };
}
