/**
 * The outbox dispatcher of one server process: claims due rows (leased, so processes never send the same row
 * at once), sends them, marks them sent; a failure is retried with a doubling delay and given up after
 * `giveUpMs` (status failed, listed by `GET /agent/deliveries`). Woken by new events and by a timer.
 */
import nodemailer from 'nodemailer';
import { acceptedSecrets, mailFromFor } from '../config';
import type { AppDeps } from '../context';
import { errorLine } from '../error-line';
import { REPEAT_LOG_MS, repeatedFailure } from '../repeated-failure';
import type { OutboxRow } from '../db/rows';
import type { EmailPayload } from './email';
import { postWebhook } from './webhook';

/** Rows claimed per round. */
const BATCH = 20;
/** Longest error text kept on a row. */
const MAX_ERROR = 500;
/** Why an e-mail queued before its recipient unsubscribed was not sent (the delivery log's last error). */
export const UNSUBSCRIBED = 'not sent: the recipient unsubscribed after it was queued';
/** Why a webhook queued for an address the server no longer sends to was not sent. */
export const UNLISTED = 'not sent: the address is no longer in SUPPORT_WEBHOOK_URLS';
/** Why a process left a webhook for another: the address is not in its SUPPORT_WEBHOOK_URLS (yet, or any more). */
export const NOT_HERE = 'waiting: this process does not send to this address (not in its SUPPORT_WEBHOOK_URLS)';

/** A running dispatcher. */
export interface Dispatcher {
  /** Looks for due rows now (new ones were probably queued). */
  wake(): void;
  /** Stops claiming, waits for the round in flight and closes the SMTP transport. */
  stop(): Promise<void>;
}

/**
 * The headers of an e-mail: the event it announces, that a machine sent it (RFC 3834: out-of-office replies and
 * other auto-responders stay quiet) and, when it has an unsubscribe link, the one-click unsubscribe of RFC 8058
 * (mail clients show their own «Отписаться» button and POST to the link).
 */
export function mailHeaders(mail: EmailPayload, eventId: number): Record<string, string> {
  const headers: Record<string, string> = { 'X-Uchi-Event-Id': String(eventId), 'Auto-Submitted': 'auto-generated' };
  if (mail.unsubscribeUrl !== undefined) {
    headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return headers;
}

/**
 * A refusal no retry changes: the recipient's mail server refused the address itself (a 5xx reply to RCPT TO,
 * such as 550 "no such mailbox"). A 4xx is a "try later", and a 5xx elsewhere (a refused login, a message too
 * large) is this server's setting to fix: those are retried.
 */
export function refusedForGood(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { command, responseCode } = error as { command?: unknown; responseCode?: unknown };
  return command === 'RCPT TO' && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/**
 * E-mail addresses in a log line cut to their first letter and domain, quoted local parts too (`"ivan petrov"@…`): a
 * log is no list of the reporters' addresses.
 */
export function maskAddresses(text: string): string {
  return text.replace(/("[^"\r\n]*"|[^\s<>"'(),;@]+)@([^\s<>"'(),;:@]+)/gu, (_match, local: string, domain: string) => `${local.replace(/^["'(<]+/u, '').slice(0, 1)}…@${domain}`);
}

/** A webhook address as the log shows it: its origin, without a path or query that may hold a key. */
export function logTarget(row: Pick<OutboxRow, 'kind' | 'target'>): string {
  if (row.kind !== 'webhook' || !URL.canParse(row.target)) return row.target;
  return `${new URL(row.target).origin}/…`;
}

/** Delay before the attempt after `attempts` failed ones: base, 2×base, 4×base … capped. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
}

/**
 * The mail server's address as the transport takes it: an smtp:// address with a user and password requires
 * STARTTLS (`requireTLS=true`), so a server that does not offer it (or a network that strips it) never gets the
 * password in clear; the address's own `requireTLS=false` keeps a relay that has no TLS at all. smtps:// is TLS from
 * the start, and an address without credentials sends nothing secret.
 */
export function smtpTransportUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'smtp:' || (url.username === '' && url.password === '') || url.searchParams.has('requireTLS')) return raw;
  url.searchParams.set('requireTLS', 'true');
  return url.toString();
}

/**
 * What to do about a failure whose cause the transport's words leave to guess: a mail server that offers no
 * STARTTLS, where the address's credentials require it (smtpTransportUrl).
 */
function hintOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ETLS') return '';
  return ' (the mail server offers no STARTTLS, and the password is not sent without it: enable STARTTLS there, use smtps://, or add ?requireTLS=false to SUPPORT_SMTP_URL to send it in clear)';
}

/** Starts the dispatcher (does nothing until woken or the timer fires). */
export function startDispatcher(deps: Pick<AppDeps, 'config' | 'store' | 'clock' | 'logger' | 'metrics'>): Dispatcher {
  const settings = deps.config.notifications;
  const mailer = settings.smtpUrl === null
    ? null
    : nodemailer.createTransport(smtpTransportUrl(settings.smtpUrl));
  const webhookSecrets = acceptedSecrets(settings.webhookSecret, settings.previousWebhookSecret);
  // A database that is down fails every round, in every process: said when it starts, now and then, and when it ends.
  const rounds = repeatedFailure(deps.logger, 'outbox round', deps.clock);
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  // A receiver that fails is said on the log while it fails (the mail server for every e-mail, each webhook address),
  // not only when a delivery is given up a day later, and not once per attempt.
  const failing = new Map<string, { loggedAt: number; since: number }>();
  const receiverOf = (row: OutboxRow) => (row.kind === 'email' ? 'the mail server (SUPPORT_SMTP_URL)' : row.target);
  /** When a row not sent now is tried next, and whether that falls after its give-up time (a day from the event, or from a retry asked for). */
  const nextAttempt = (row: OutboxRow) => {
    const next = new Date(deps.clock().getTime() + retryDelay(row.attempts, settings.retryBaseMs, settings.retryMaxMs));
    return { next, expired: next.getTime() - Date.parse(row.requeued_at ?? row.created_at) > settings.giveUpMs };
  };
  /**
   * Whether a receiver's trouble of one kind is said now: at once, then at most every REPEAT_LOG_MS. Returns the
   * line's ending (how many were not said since the line before), or null to count this one and stay silent.
   */
  const sayNow = (said: Map<string, { loggedAt: number; since: number }>, receiver: string, what: string): string | null => {
    const now = deps.clock().getTime();
    const seen = said.get(receiver);
    if (seen !== undefined && now - seen.loggedAt < REPEAT_LOG_MS) {
      seen.since++;
      return null;
    }
    said.set(receiver, { loggedAt: now, since: 0 });
    return seen === undefined || seen.since === 0 ? '' : ` (${seen.since} more ${what} since the last line)`;
  };
  const logFailure = (row: OutboxRow, reason: string, next: Date) => {
    const more = sayNow(failing, receiverOf(row), 'failure(s)');
    if (more !== null) deps.logger.warn(maskAddresses(`[support] ${row.kind} delivery ${row.id} to ${logTarget(row)} failed: ${reason}; next try ${next.toISOString()}${more}`));
  };
  // Giving up is said the same way (after an outage of a day every delivery to the receiver reaches its end, each
  // its own line otherwise).
  const givenUp = new Map<string, { loggedAt: number; since: number }>();
  const logGiveUp = (row: OutboxRow, reason: string) => {
    const more = sayNow(givenUp, receiverOf(row), 'given up');
    if (more !== null) {
      deps.logger.warn(maskAddresses(`[support] giving up ${row.kind} delivery ${row.id} to ${logTarget(row)} after ${row.attempts} attempts: ${reason}; GET /agent/deliveries?status=failed lists what was given up${more}`));
    }
  };

  const send = async (row: OutboxRow, mail: EmailPayload | null): Promise<void> => {
    if (mail === null) {
      await postWebhook(row.target, row.payload, String(row.event_id), webhookSecrets, deps.clock(), settings.sendTimeoutMs);
      return;
    }
    if (mailer === null) throw new Error('SUPPORT_SMTP_URL is not set');
    await withTimeout(
      mailer.sendMail({
        from: mailFromFor(settings, mail.locale),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mailHeaders(mail, row.event_id),
        ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
      }),
      settings.sendTimeoutMs,
    );
  };

  /** An e-mail whose recipient unsubscribed after it was queued: true when it must not go. */
  const unsubscribed = async ({ subscribers = [] }: EmailPayload): Promise<boolean> => {
    for (const owner of subscribers) if (!(await deps.store.prefs.emailEnabled(owner))) return true;
    return false;
  };

  const deliver = async (row: OutboxRow): Promise<void> => {
    try {
      const mail = row.kind === 'email' ? (JSON.parse(row.payload) as EmailPayload) : null;
      if (mail !== null && (await unsubscribed(mail))) {
        await deps.store.outbox.markFailed(row.id, UNSUBSCRIBED, null);
        return;
      }
      // The addresses are read when a row is sent, not when it was queued: one taken out of the setting (a typo
      // corrected, a desk retired) gets nothing more, however much was waiting for it. While processes with other
      // settings share the database (one restarted before the other), the row is left for one that sends there;
      // when none has by the give-up time, it ends as failed.
      if (mail === null && !settings.webhookUrls.includes(row.target)) {
        const { next, expired } = nextAttempt(row);
        await deps.store.outbox.markFailed(row.id, expired ? UNLISTED : NOT_HERE, expired ? null : next.toISOString());
        return;
      }
      await send(row, mail);
      await deps.store.outbox.markSent(row.id, deps.clock().toISOString());
      deps.metrics?.delivery(row.kind, 'sent');
      // Working again: the log says so (the failures it did not say one by one counted), and its next failure is
      // said at once.
      const receiver = receiverOf(row);
      const was = failing.get(receiver);
      const gaveUp = givenUp.get(receiver)?.since ?? 0;
      failing.delete(receiver);
      givenUp.delete(receiver);
      if (was !== undefined || gaveUp > 0) {
        const more = [
          was === undefined || was.since === 0 ? '' : `${was.since} more failure(s) since the last line`,
          gaveUp === 0 ? '' : `${gaveUp} more given up`,
        ].filter((part) => part !== '').join('; ');
        deps.logger.info(maskAddresses(`[support] ${row.kind} delivery ${row.id} to ${logTarget(row)} sent: it works again${more === '' ? '' : ` (${more})`}`));
      }
    } catch (error) {
      const reason = `${errorLine(error)}${hintOf(error)}`.slice(0, MAX_ERROR);
      const attempt = nextAttempt(row);
      const { next } = attempt;
      const expired = refusedForGood(error) || attempt.expired;
      if (expired) logGiveUp(row, reason);
      else logFailure(row, reason, next);
      await deps.store.outbox.markFailed(row.id, reason, expired ? null : next.toISOString());
      deps.metrics?.delivery(row.kind, expired ? 'failed' : 'retry');
    }
  };

  const round = async (): Promise<void> => {
    do {
      again = false;
      const now = deps.clock();
      const rows = await deps.store.outbox.claim(now.toISOString(), new Date(now.getTime() + settings.leaseMs).toISOString(), BATCH);
      // Different receivers in parallel; one slow desk does not hold back the e-mails.
      await Promise.all(rows.map(deliver));
      if (rows.length === BATCH) again = true;
    } while (again && !stopped);
  };

  const wake = () => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = round()
      .then(() => rounds.succeeded())
      .catch((error: unknown) => rounds.failed(error))
      .finally(() => {
        running = null;
        if (again && !stopped) wake();
      });
  };

  const timer = setInterval(wake, settings.pollMs);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      mailer?.close();
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
