/**
 * Webhooks to the support desk: the body, its signature and one delivery. A receiver checks
 * `X-Uchi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (README). The body's shape
 * is `webhookPayloadSchema`'s, which the OpenAPI document's `webhooks` describe too.
 */
import { createHmac } from 'node:crypto';
import { INITIAL_STATUS } from '../../core';
import type { AgentTicketEvent, WebhookPayload, WebhookTicket } from '../schemas';

/**
 * The body announcing `event` of `ticket`. Its type follows from the event alone: no previous status is the
 * creation, a message that moved nothing a message, anything else a move.
 */
export function webhookPayload(ticket: WebhookTicket, event: AgentTicketEvent): WebhookPayload {
  const { id, type, status, actor, previousStatus } = event;
  if (previousStatus === null) {
    // Only the server's registration has no previous status (create.ts): anything else is a bug, not a body to send.
    if (type !== 'status' || status !== INITIAL_STATUS || actor !== 'system') throw new Error(`event ${id} has no previous status but is not a registration`);
    return { id, type: 'ticket.created', ticket, event: { ...event, type, status, actor, previousStatus } };
  }
  if (type === 'message') return { id, type: 'ticket.message', ticket, event: { ...event, type, previousStatus } };
  return { id, type: 'ticket.status', ticket, event: { ...event, type, previousStatus } };
}

/**
 * The `X-Uchi-Signature` value for `body` sent at `t` (unix seconds): one `v1` per key, the current one first. While
 * a key is being replaced a delivery carries both, and a receiver accepts it when any `v1` matches its key.
 */
export function signWebhook(secrets: readonly string[], t: number, body: string): string {
  return [`t=${t}`, ...secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`)].join(',');
}

/** One POST; resolves on a 2xx answer, throws with a short reason otherwise. */
export async function postWebhook(url: string, body: string, eventId: string, secrets: readonly string[], now: Date, timeoutMs: number): Promise<void> {
  const t = Math.floor(now.getTime() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'uchi-support-webhook/1',
      'x-uchi-event-id': eventId,
      'x-uchi-timestamp': String(t),
      'x-uchi-signature': signWebhook(secrets, t, body),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  // The answer is not needed: drop it without reading more than the receiver sends.
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
}
