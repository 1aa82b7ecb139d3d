/** The reporter's notification preferences and the specialist's delivery log. */
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { notificationPrefsSchema } from '../../core';
import type { NotificationPrefs } from '../../core';
import { requireAgent, requireReporter } from '../auth/identity';
import type { Reporter } from '../auth/identity';
import { addressKeys } from '../outbox/reporter-emails';
import type { AppDeps, AppEnv } from '../context';
import type { OutboxRow } from '../db/rows';
import { ApiFailure, failures } from '../errors';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import { DELIVERY_KINDS, DELIVERY_STATUSES, deliveriesRetryBodySchema, MAX_DELIVERIES_LISTED } from '../schemas';
import type { deliveriesRetryAnswerSchema, deliveryListSchema, deliverySchema, WebhookType } from '../schemas';
import type { DeliveryFilter, DeliveryRow } from '../storage/types';
import { anyTicket } from '../tickets/access';
import { readLimit } from '../tickets/paging';
import { readQuery } from './query';

/** `/me/notifications` and `/agent/deliveries`. */
export function notificationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // A signed-in user's e-mails also stop when their address was unsubscribed from a guest ticket's e-mail
  // (outbox/unsubscribe.ts): the switch shows that, and turning it on turns the address back on too. The address
  // comes from the LMS's signed token, so it is the user's own.
  // Its mailbox too: a «no» given for «name@» holds for «name+lms@» (addressKeys).
  const addressesOf = (reporter: Reporter): string[] =>
    reporter.kind === 'user' && reporter.claims.email !== undefined ? addressKeys(reporter.claims.email) : [];

  app.get('/me/notifications', async (c) => {
    const reporter = requireReporter(c.get('identity'));
    let email = await deps.store.prefs.emailEnabled(reporter.owner);
    for (const address of addressesOf(reporter)) email &&= await deps.store.prefs.emailEnabled(address);
    const body: NotificationPrefs = { email };
    return c.json(body);
  });

  app.put('/me/notifications', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const body = parseWith(notificationPrefsSchema, await readJsonObject(c));
    const at = deps.clock().toISOString();
    await deps.store.prefs.setEmail(reporter.owner, body.email, at);
    if (body.email) for (const address of addressesOf(reporter)) await deps.store.prefs.setEmail(address, true, at);
    return c.json(body);
  });

  // Newest first, a page at a time: after a long outage the given-up deliveries number more than one page.
  app.get('/agent/deliveries', async (c) => {
    requireAgent(c.get('identity'));
    const asked = readQuery(c, (query) => ({
      limit: readLimit(query('limit'), MAX_DELIVERIES_LISTED),
      status: oneOf(DELIVERY_STATUSES, query('status'), 'status'),
      kind: oneOf(DELIVERY_KINDS, query('kind'), 'kind'),
      ticket: query('ticket'),
      before: readCursor(query('cursor')),
    }));
    const { limit } = asked;
    const filter: DeliveryFilter = { status: asked.status, kind: asked.kind, ticketId: await ticketOf(asked.ticket), before: asked.before };
    const rows = await deps.store.outbox.list(filter, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: z.infer<typeof deliveryListSchema> = { deliveries: page.map(deliveryView), nextCursor: rows.length > limit && last !== undefined ? String(last.id) : null };
    return c.json(body);
  });

  // Every given-up delivery sent again at once (the desk is back after an outage), or those of one kind or ticket.
  app.post('/agent/deliveries/retry', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    requireAgent(c.get('identity'));
    const body = parseWith(deliveriesRetryBodySchema, await readJsonObject(c));
    const requeued = await deps.store.outbox.requeueFailed({ kind: body.kind ?? null, ticketId: await ticketOf(body.ticket) }, deps.clock().toISOString());
    // Woken, this process's dispatcher sends them now (another process's finds them at its next look).
    if (requeued > 0) deps.broker.wakeAll();
    const answer: z.infer<typeof deliveriesRetryAnswerSchema> = { requeued };
    return c.json(answer);
  });

  // A given-up delivery sent again once its cause is fixed (the desk is back, the mail server's setting
  // corrected): due now, with a new day of retries, and this process's dispatcher is woken to send it at once
  // (another process's finds it at its next look). An e-mail whose recipient has since unsubscribed still does not go.
  app.post('/agent/deliveries/:id/retry', async (c) => {
    requireAgent(c.get('identity'));
    const raw = c.req.param('id');
    const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
    const row = id === null ? undefined : await deps.store.outbox.get(id);
    if (id === null || row === undefined) throw failures.notFound();
    const requeued = await deps.store.outbox.requeue(id, deps.clock().toISOString());
    if (requeued === undefined) {
      throw new ApiFailure(409, 'conflict', {
        ru: `Доставка ${id} не остановлена (${row.status}): отправить снова можно только ту, от которой отказались.`,
        en: `Delivery ${id} has not been given up (${row.status}): only a given-up delivery can be sent again.`,
      });
    }
    // The ticket's news wakes the dispatcher (its streams find no new event and stay as they are).
    deps.broker.publish(requeued.ticket_id);
    const body: z.infer<typeof deliverySchema> = deliveryView({ ...row, ...requeued });
    return c.json(body);
  });

  return app;

  /** A ticket named by id or number (404 for none); null when not given. */
  async function ticketOf(raw: string | undefined): Promise<string | null> {
    if (raw === undefined || raw.trim() === '') return null;
    return (await anyTicket(deps.store, raw.trim())).id;
  }
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined, name: string): T | null {
  if (raw === undefined || raw === '') return null;
  const value = values.find((candidate) => candidate === raw);
  if (value === undefined) throw failures.badRequest({ ru: `${name}: одно из ${values.join(', ')}.`, en: `${name}: one of ${values.join(', ')}.` });
  return value;
}

/** `cursor`: the `nextCursor` of the page before, the id the next page starts below. */
function readCursor(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw failures.badRequest({ ru: 'Параметр cursor повреждён: передайте nextCursor из предыдущего ответа.', en: 'The parameter cursor is damaged: pass nextCursor from the previous answer.' });
  return Number(raw);
}

/** What a delivery announced: a webhook's type, or an e-mail's event as a webhook would name it. */
function deliveryType(row: DeliveryRow): WebhookType {
  if (row.kind === 'webhook') return (JSON.parse(row.payload) as { type: WebhookType }).type;
  if (row.event_previous_status === null) return 'ticket.created';
  return row.event_type === 'message' ? 'ticket.message' : 'ticket.status';
}

function deliveryView(row: DeliveryRow): z.infer<typeof deliverySchema> {
  return {
    id: row.id,
    kind: row.kind,
    type: deliveryType(row),
    target: shownTarget(row),
    eventId: row.event_id,
    ticketId: row.ticket_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/**
 * Where a delivery goes, as support's listing shows it: an e-mail's address, a webhook's address without its query
 * (`?…`), which some desks use for a secret of their own; the server still sends to the whole address.
 */
function shownTarget(row: OutboxRow): string {
  if (row.kind !== 'webhook' || !URL.canParse(row.target)) return row.target;
  const url = new URL(row.target);
  return `${url.origin}${url.pathname}${url.search === '' ? '' : '?…'}`;
}
