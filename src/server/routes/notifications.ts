/** The reporter's notification preferences and the specialist's delivery log. */
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { notificationPrefsSchema } from '../../core';
import type { NotificationPrefs } from '../../core';
import { requireAgent, requireReporter } from '../auth/identity';
import type { Reporter } from '../auth/identity';
import { addressOwner } from '../outbox/unsubscribe';
import type { AppDeps, AppEnv } from '../context';
import type { OutboxRow } from '../db/rows';
import { ApiFailure, failures } from '../errors';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import { DELIVERY_STATUSES } from '../schemas';
import type { deliveryListSchema, deliverySchema } from '../schemas';
import { singleQuery } from './query';

/** How many deliveries one listing shows at most. */
const MAX_LISTED = 200;

/** `/me/notifications` and `/agent/deliveries`. */
export function notificationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // A signed-in user's e-mails also stop when their address was unsubscribed from a guest ticket's e-mail
  // (outbox/unsubscribe.ts): the switch shows that, and turning it on turns the address back on too. The address
  // comes from the LMS's signed token, so it is the user's own.
  const addressOf = (reporter: Reporter): string | null =>
    reporter.kind === 'user' && reporter.claims.email !== undefined ? addressOwner(reporter.claims.email) : null;

  app.get('/me/notifications', async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const address = addressOf(reporter);
    const email = (await deps.store.prefs.emailEnabled(reporter.owner)) && (address === null || (await deps.store.prefs.emailEnabled(address)));
    const body: NotificationPrefs = { email };
    return c.json(body);
  });

  app.put('/me/notifications', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const body = parseWith(notificationPrefsSchema, await readJsonObject(c));
    const at = deps.clock().toISOString();
    await deps.store.prefs.setEmail(reporter.owner, body.email, at);
    const address = addressOf(reporter);
    if (body.email && address !== null) await deps.store.prefs.setEmail(address, true, at);
    return c.json(body);
  });

  app.get('/agent/deliveries', async (c) => {
    requireAgent(c.get('identity'));
    const raw = singleQuery(c)('status');
    const status = raw === undefined ? null : DELIVERY_STATUSES.find((s) => s === raw);
    if (status === undefined) throw failures.badRequest({ ru: `status: одно из ${DELIVERY_STATUSES.join(', ')}.`, en: `status: one of ${DELIVERY_STATUSES.join(', ')}.` });
    const rows = await deps.store.outbox.list(status, MAX_LISTED);
    const body: z.infer<typeof deliveryListSchema> = { deliveries: rows.map(deliveryView) };
    return c.json(body);
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
    const body: z.infer<typeof deliverySchema> = deliveryView(requeued);
    return c.json(body);
  });

  return app;
}

function deliveryView(row: OutboxRow): z.infer<typeof deliverySchema> {
  return {
    id: row.id,
    kind: row.kind,
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
