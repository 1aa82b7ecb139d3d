/**
 * Cursor paging of ticket lists, newest first. The cursor is the opaque position after the last ticket of a
 * page, so tickets created while a client pages land before its first page and never shift later pages.
 */
import * as z from 'zod/mini';
import { CATEGORIES, PRIORITIES, statusSchema } from '../../core';
import { failures } from '../errors';

/** Largest page a client may ask for; also the page size when it asks for none. */
export const MAX_PAGE = 100;

/** A page request: how many, after which position, and the filters. */
export interface PageQuery {
  limit: number;
  /** Only tickets with a position below this (null: from the newest). */
  before: number | null;
  status: string | null;
  category: string | null;
  priority: string | null;
  /** Text searched in the number and the subject (agents only). */
  text: string | null;
}

const categorySchema = z.enum(CATEGORIES);
const prioritySchema = z.enum(PRIORITIES);
const MAX_TEXT = 200;

/** The cursor naming the position after `seq`. */
export function cursorAfter(seq: number): string {
  return Buffer.from(`t${seq}`, 'utf8').toString('base64url');
}

function readCursor(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const match = /^t(\d{1,15})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (match === null) throw failures.badRequest('Параметр cursor повреждён: передайте nextCursor из предыдущего ответа.');
  return Number(match[1]);
}

function readLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return MAX_PAGE;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw failures.badRequest(`Параметр limit должен быть целым числом от 1 до ${MAX_PAGE}.`);
  }
  return Number(raw);
}

function readEnum(schema: z.ZodMiniType<string>, raw: string | undefined, name: string): string | null {
  if (raw === undefined || raw === '') return null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw failures.badRequest(`Неизвестное значение в параметре ${name}.`);
  return parsed.data;
}

function readText(raw: string | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (text.length > MAX_TEXT) throw failures.badRequest(`Параметр q не длиннее ${MAX_TEXT} символов.`);
  return text;
}

/** Reads the page query from query parameters; agents may also filter by category, priority and text. */
export function readPageQuery(query: (name: string) => string | undefined, agent: boolean): PageQuery {
  return {
    limit: readLimit(query('limit')),
    before: readCursor(query('cursor')),
    status: readEnum(statusSchema, query('status'), 'status'),
    category: agent ? readEnum(categorySchema, query('category'), 'category') : null,
    priority: agent ? readEnum(prioritySchema, query('priority'), 'priority') : null,
    text: agent ? readText(query('q')) : null,
  };
}

/** Cuts one extra row fetched to learn whether another page exists; returns the page and its next cursor. */
export function pageOf<T extends { seq: number }>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? cursorAfter(last.seq) : null };
}
