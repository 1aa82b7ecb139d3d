/** Server configuration, read from the environment (see the README and docs/http-contract.md). */
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_ATTACHMENT_LIMITS, DRAFT_LIMITS } from '../core';
import type { AttachmentLimits } from '../core';
import { API_PREFIX } from './api-prefix';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/tokens';
import { loadGuardLimits } from './guard/limits';
import type { Locale } from './locale';
import { addressOfFrom } from './mailbox';
import type { GuardLimits } from './guard/limits';

/** Everything the server needs to know at start; tests build it directly with overrides. */
export interface ServerConfig {
  port: number;
  host: string;
  dbPath: string;
  /** `postgres://…` selects PostgreSQL (SUPPORT_DATABASE_URL); null keeps the SQLite file at `dbPath`. */
  databaseUrl: string | null;
  /** Connections of this process's PostgreSQL pool. */
  databasePoolSize: number;
  /**
   * The longest one PostgreSQL statement may go unanswered, in ms (SUPPORT_DATABASE_TIMEOUT_MS): past it the request
   * is a 503 and its connection is closed, since a server that stopped answering never says so itself.
   */
  databaseTimeoutMs: number;
  /** How often a SQLite server polls for events other processes on the same file committed, in ms. */
  eventsPollMs: number;
  attachmentsDir: string;
  tokenSecret: string;
  /**
   * The secret being replaced (SUPPORT_TOKEN_SECRET_PREVIOUS): reporter tokens and unsubscribe links signed with it
   * are still accepted while the LMS switches to the new one; nothing new is signed with it. Null: none.
   */
  previousTokenSecret: string | null;
  /** Null disables the agent endpoints (every agent request is 401) unless `agents` names some. */
  agentToken: string | null;
  /**
   * Specialists with tokens of their own (SUPPORT_AGENTS): what each does is recorded under their name, which the
   * operator page, the agent API and the webhooks show (never the reporter).
   */
  agents: AgentCredential[];
  dev: boolean;
  rateLimitPerMinute: number;
  /**
   * Requests a minute of an agent token (SUPPORT_AGENT_RATE_LIMIT): one bucket per token, the shared one serving the
   * operator page and a desk integration reading a ticket per webhook, so it is ten reporters' worth by default.
   */
  agentRateLimitPerMinute: number;
  /** The longest a reporter token may live, from now to its `exp`, in seconds; longer ones are refused. */
  maxTokenLifetimeSeconds: number;
  allowedOrigins: string[];
  /**
   * The reverse proxies in front of the server (SUPPORT_TRUSTED_PROXIES: addresses and CIDR ranges): a request from one
   * of them is counted for the per-IP limits by the client address its X-Forwarded-For names.
   */
  trustedProxies: string[];
  /**
   * Where the API is reached from outside, without `/api/v1` (SUPPORT_PUBLIC_URL): the e-mails' unsubscribe
   * links point there. Dev mode falls back to the address it listens on; null: e-mails go without the link.
   */
  publicUrl: string | null;
  limits: AttachmentLimits;
  /**
   * Uploads of one reporter that no ticket has claimed yet (open drafts, on every device), counted over a day:
   * bounds what one reporter keeps on disk, with room for several drafts' files.
   */
  maxPendingUploads: number;
  /**
   * The most events a ticket takes from its reporter's messages (a specialist's changes are never refused):
   * every read of a ticket carries its whole history.
   */
  maxEventsPerTicket: number;
  maxJsonBytes: number;
  heartbeatMs: number;
  busyTimeoutMs: number;
  /**
   * On SIGTERM, how long the server keeps serving while `/readyz` says it is draining and every answer closes its
   * connection, so a load balancer takes it out before it stops accepting (SUPPORT_SHUTDOWN_DRAIN_MS; 0: none).
   */
  shutdownDrainMs: number;
  /** Connection, stream, quota, cleanup and shutdown limits. */
  guard: GuardLimits;
  /** `/readyz` fails when the disk of the database or the attachments has less free space than this (bytes). */
  minFreeDiskBytes: number;
  /** One JSON line per request on stdout (SUPPORT_LOG=off turns it off). */
  requestLog: boolean;
  /** Production mode serves the built widget at `/widget/` too (SUPPORT_SERVE_WIDGET=1); dev mode always does. */
  serveWidget: boolean;
  /**
   * Where `GET /metrics` (Prometheus's text format) is served: a port of its own (SUPPORT_METRICS_PORT; null: no
   * metrics; 0: any free one, for tests) on SUPPORT_METRICS_HOST, never the API's.
   */
  metrics: { port: number; host: string } | null;
  /**
   * Replies by e-mail (SUPPORT_INBOUND_SMTP_PORT, SUPPORT_INBOUND_SMTP_HOST, SUPPORT_REPLY_ADDRESS,
   * SUPPORT_INBOUND_MAX_BYTES): an SMTP listener of its own takes the reporters' replies to support's e-mails, which
   * carry a signed reply address. Null: e-mails say a reply does not reach support.
   */
  inbound: InboundConfig | null;
  /** E-mails to reporters and webhooks to the support desk, sent from the outbox table. */
  notifications: NotificationsConfig;
}

/** Where replies by e-mail are taken. */
export interface InboundConfig {
  /** The SMTP listener's port (0: any free one, for tests) and address. */
  port: number;
  host: string;
  /** The address replies go to, `support@uchi.example`: each e-mail's Reply-To is it with a signed tag. */
  replyAddress: string;
  /** The largest e-mail taken, in bytes, quoted history and pictures included. */
  maxBytes: number;
}

/** One named specialist's token. */
export interface AgentCredential {
  name: string;
  token: string;
}

/** Where notifications go and how the outbox dispatcher paces itself. */
export interface NotificationsConfig {
  /** `smtp://…` or `smtps://…` (SUPPORT_SMTP_URL); null: no e-mails are queued. */
  smtpUrl: string | null;
  /** The From of the e-mails in Russian (SUPPORT_MAIL_FROM). */
  mailFrom: string;
  /**
   * The From of the e-mails in English (SUPPORT_MAIL_FROM_EN): by default SUPPORT_MAIL_FROM, or, while that is the
   * placeholder, its English counterpart.
   */
  mailFromEn: string;
  /** Receivers of every ticket event (SUPPORT_WEBHOOK_URLS, comma-separated). */
  webhookUrls: string[];
  /** The HMAC key of `X-Uchi-Signature` (SUPPORT_WEBHOOK_SECRET); required with webhook URLs. */
  webhookSecret: string;
  /**
   * The key being replaced (SUPPORT_WEBHOOK_SECRET_PREVIOUS): while set, every delivery is signed with both, so a
   * receiver may switch keys at any time. Null: one signature.
   */
  previousWebhookSecret: string | null;
  /** How often the dispatcher looks for due rows without being woken (ms). */
  pollMs: number;
  /** The first retry's delay; it doubles per attempt up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A row still failing this long after it was queued is given up (status failed). */
  giveUpMs: number;
  /** How long a claimed row is held by one process before another may try it (a crash mid-send). */
  leaseMs: number;
  /** The longest one send may take (SMTP or HTTP). */
  sendTimeoutMs: number;
  /**
   * Days a sent or given-up delivery is kept after it finished (SUPPORT_OUTBOX_RETENTION_DAYS): its payload is the
   * reporter's e-mail or the ticket's webhook, personal data the log needs only while someone may look into it.
   */
  retentionDays: number;
}

/** The From of an e-mail or page in `locale`: SUPPORT_MAIL_FROM_EN's for English, SUPPORT_MAIL_FROM's otherwise. */
export function mailFromFor(notifications: Pick<NotificationsConfig, 'mailFrom' | 'mailFromEn'>, locale: Locale | undefined): string {
  return locale === 'en' ? notifications.mailFromEn : notifications.mailFrom;
}

/** What a caller (tests, an embedding program) may set over the environment; notification settings one by one. */
export type ConfigOverrides = Omit<Partial<ServerConfig>, 'notifications'> & { notifications?: Partial<NotificationsConfig> };

/** A configuration problem that must stop the server from starting. */
export class ConfigError extends Error {}

/** Used only with SUPPORT_DEV=1, so the demo runs without any setup; never valid in production. */
export const DEV_TOKEN_SECRET = 'uchi-support-dev-secret-do-not-use-in-production-0123456789';
/** The agent token of dev mode, printed at start so the operator page can use it. */
export const DEV_AGENT_TOKEN = 'dev-agent-token';

/** 256 MiB: room for a burst of uploads and the database's growth before the disk is full. */
export const DEFAULT_MIN_FREE_DISK_BYTES = 256 * 1024 * 1024;

/** How long finished deliveries are kept when SUPPORT_OUTBOX_RETENTION_DAYS is not set. */
export const DEFAULT_OUTBOX_RETENTION_DAYS = 30;
// Ten years: longer is no retention at all, and a day count that large would overflow a date.
const MAX_OUTBOX_RETENTION_DAYS = 3650;

// HS256 with a short secret is brute-forceable offline from any token the browser sees.
const MIN_SECRET_LENGTH = 32;

/** The From of the e-mails when SUPPORT_MAIL_FROM is not set: fine for a demo's sink, not for a real mail server. */
const DEFAULT_MAIL_FROM = 'Техподдержка Учи.Про <support@localhost>';
/** The same for the e-mails in English. */
const DEFAULT_MAIL_FROM_EN = 'Uchi.Pro Support <support@localhost>';

type Env = Readonly<Record<string, string | undefined>>;

/** What dev mode hands out to anyone who asks, so it runs with the published dev credentials only. */
const DEV_GIVES_AWAY = 'POST /api/v1/dev/token signs in anyone as anyone, and GET /api/v1/dev/agent-token hands out the agent token';

/**
 * Dev mode next to a deployment's credentials would sign anyone in with the real secret and give out the real agent
 * token: the start refuses it, and dev mode in a production environment.
 */
function refuseRealCredentialsInDev(env: Env): void {
  const real = ['SUPPORT_TOKEN_SECRET', 'SUPPORT_TOKEN_SECRET_PREVIOUS', 'SUPPORT_AGENT_TOKEN', 'SUPPORT_AGENTS'].filter((name) => (env[name] ?? '').trim() !== '');
  if (real.length > 0) {
    throw new ConfigError(`SUPPORT_DEV=1 cannot run with ${real.join(', ')}: in dev mode ${DEV_GIVES_AWAY}. Unset SUPPORT_DEV for a deployment, or those variables for a local demo.`);
  }
  // `prod` and the like too: a deployment's spelling of it must not let dev mode through.
  if (/^\s*prod/i.test(env.NODE_ENV ?? '')) {
    throw new ConfigError(`SUPPORT_DEV=1 cannot run with NODE_ENV=${(env.NODE_ENV ?? '').trim()}: in dev mode ${DEV_GIVES_AWAY}.`);
  }
  // What the demo's tickets would reach outside this machine: a desk's webhooks, a mail server with its login.
  const away = [
    ...(env.SUPPORT_WEBHOOK_URLS ?? '').split(',').map((url) => ['SUPPORT_WEBHOOK_URLS', url.trim()] as const),
    ['SUPPORT_SMTP_URL', (env.SUPPORT_SMTP_URL ?? '').trim()] as const,
  ].filter(([, url]) => url !== '' && !isLoopbackUrl(url));
  if (away.length > 0) {
    const names = [...new Set(away.map(([name]) => name))].join(', ');
    throw new ConfigError(`SUPPORT_DEV=1 sends only to this machine: ${names} must name localhost, 127.0.0.1 or ::1. The demo's tickets are anyone's: they go to no real desk or mail server.`);
  }
}

/** Whether `url` names this machine (localhost, 127.0.0.0/8, ::1); false for anything unreadable. */
function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(host);
}

/** Read outside the configuration: set by the primary for its workers, and `npm start`'s own switch. */
const READ_ELSEWHERE = new Set(['SUPPORT_WORKER_COUNT', 'SUPPORT_SKIP_BUILD']);

/**
 * A SUPPORT_* variable the configuration did not read: a misspelt one (SUPPORT_RATE_LIMT) would otherwise be ignored
 * in silence, the setting left at its default. Named with the setting it most likely meant.
 */
function unknownSettings(given: Env, read: ReadonlySet<string>): string[] {
  return Object.keys(given)
    .filter((name) => name.startsWith('SUPPORT_') && !read.has(name) && !READ_ELSEWHERE.has(name))
    .map((name) => {
      // A slip of a letter or two in a long name; a short name that close to another is more likely something else.
      const near = Math.min(2, Math.max(1, Math.floor((name.length - 'SUPPORT_'.length) / 5)));
      const meant = [...read]
        .filter((known) => known.startsWith('SUPPORT_'))
        .map((known) => ({ known, distance: editDistance(known, name) }))
        .filter(({ distance }) => distance <= near)
        .sort((a, b) => a.distance - b.distance)[0]?.known;
      return `${name} is not a setting of this server and is ignored${meant === undefined ? '' : ` (did you mean ${meant}?)`}.`;
    });
}

/**
 * Settings given that the chosen database or the other settings leave unused, and where files go when unsaid on
 * PostgreSQL: said at start rather than dropped without a word.
 */
function unusedSettings(given: Env, config: ServerConfig, dev: boolean): string[] {
  const set = (name: string) => (given[name]?.trim() ?? '') !== '';
  const postgres = config.databaseUrl !== null;
  const engine = postgres ? 'SUPPORT_DATABASE_URL runs the server on PostgreSQL' : 'it is for PostgreSQL, and without SUPPORT_DATABASE_URL the server runs on SQLite';
  // Not SUPPORT_DB: the image and the systemd unit set it by default, and the start's line names the database served.
  const unused = (postgres ? ['SUPPORT_EVENTS_POLL_MS'] : ['SUPPORT_DATABASE_POOL_SIZE', 'SUPPORT_DATABASE_TIMEOUT_MS']).filter(set);
  const said = unused.map((name) => `${name} is ignored: ${engine}.`);
  if (set('SUPPORT_WEBHOOK_SECRET') && !set('SUPPORT_WEBHOOK_URLS')) said.push('SUPPORT_WEBHOOK_SECRET is set without SUPPORT_WEBHOOK_URLS: no webhook is sent.');
  if (config.inbound !== null && config.notifications.smtpUrl === null) said.push('SUPPORT_INBOUND_SMTP_PORT is set without SUPPORT_SMTP_URL: no e-mail goes out, so none carries a reply address.');
  // Mail to the untagged address goes to the listener too, which refuses it: people who write to the From bounce.
  if (config.inbound !== null && addressOfFrom(config.notifications.mailFrom).toLowerCase() === config.inbound.replyAddress) {
    said.push(`SUPPORT_REPLY_ADDRESS is the address of SUPPORT_MAIL_FROM (${config.inbound.replyAddress}): mail written to it, not as a reply, reaches the listener and is refused. Give replies an address of their own, such as replies@${config.inbound.replyAddress.split('@')[1] ?? ''}.`);
  }
  // Next to an SQLite file its folder is where the data is; on PostgreSQL the default is the working directory's.
  if (postgres && !set('SUPPORT_ATTACHMENTS_DIR') && !dev) {
    said.push(
      `SUPPORT_ATTACHMENTS_DIR is not set: files are kept in ${config.attachmentsDir}, under the working directory. Set it to where they belong; ` +
        'servers on several hosts need one folder they all reach, or a file uploaded through one answers 404 through the others.',
    );
  }
  return said;
}

/** Levenshtein distance: how many letters to add, remove or change to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The SQLite file when SUPPORT_DB names none. */
const DEFAULT_DB = './data/support.sqlite';

/** Reads the configuration from `env`, with `overrides` winning; returns the config and start-up warnings. */
export function loadConfig(given: Env, overrides: ConfigOverrides = {}): { config: ServerConfig; warnings: string[] } {
  const warnings: string[] = [];
  // Every variable read is noted, so one the configuration never asked for can be named at the end.
  const read = new Set<string>();
  const env: Env = new Proxy(given, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name) as unknown;
    },
  });
  const dev = overrides.dev ?? switchFrom(env, 'SUPPORT_DEV', false);
  if (dev) refuseRealCredentialsInDev(env);
  const devNetwork = switchFrom(env, 'SUPPORT_DEV_NETWORK', false);
  const mailFrom = mailFromValue('SUPPORT_MAIL_FROM', env.SUPPORT_MAIL_FROM, DEFAULT_MAIL_FROM);
  // The English sender follows the Russian one in effect (a caller's too) unless SUPPORT_MAIL_FROM_EN names its own.
  const russianFrom = overrides.notifications?.mailFrom ?? mailFrom;
  const dbPath = resolve(overrides.dbPath ?? env.SUPPORT_DB ?? DEFAULT_DB);
  const limits = overrides.limits ?? {
    ...DEFAULT_ATTACHMENT_LIMITS,
    maxFileBytes: intFrom(env, 'SUPPORT_MAX_FILE_BYTES', DEFAULT_ATTACHMENT_LIMITS.maxFileBytes, 1),
    // The wire schema takes at most DRAFT_LIMITS.attachments ids: a higher limit would be offered and then refused.
    maxFilesPerTicket: intFrom(env, 'SUPPORT_MAX_FILES', DEFAULT_ATTACHMENT_LIMITS.maxFilesPerTicket, 1, DRAFT_LIMITS.attachments),
  };
  const config: ServerConfig = {
    port: overrides.port ?? intFrom(env, 'PORT', 8787, 0, 65535),
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    dbPath,
    databaseUrl: overrides.databaseUrl !== undefined ? overrides.databaseUrl : databaseUrlFrom(env.SUPPORT_DATABASE_URL),
    databasePoolSize: overrides.databasePoolSize ?? intFrom(env, 'SUPPORT_DATABASE_POOL_SIZE', 10, 1),
    databaseTimeoutMs: overrides.databaseTimeoutMs ?? intFrom(env, 'SUPPORT_DATABASE_TIMEOUT_MS', 5_000, 500),
    eventsPollMs: overrides.eventsPollMs ?? intFrom(env, 'SUPPORT_EVENTS_POLL_MS', 250, 10),
    attachmentsDir: resolve(overrides.attachmentsDir ?? env.SUPPORT_ATTACHMENTS_DIR ?? join(dirname(dbPath), 'attachments')),
    tokenSecret: overrides.tokenSecret ?? env.SUPPORT_TOKEN_SECRET ?? '',
    previousTokenSecret: overrides.previousTokenSecret !== undefined ? overrides.previousTokenSecret : previousSecretFrom(env.SUPPORT_TOKEN_SECRET_PREVIOUS),
    agentToken: overrides.agentToken !== undefined ? overrides.agentToken : (env.SUPPORT_AGENT_TOKEN ?? null),
    agents: overrides.agents ?? agentsFrom(env.SUPPORT_AGENTS),
    dev,
    rateLimitPerMinute: overrides.rateLimitPerMinute ?? intFrom(env, 'SUPPORT_RATE_LIMIT', 120, 1),
    agentRateLimitPerMinute: overrides.agentRateLimitPerMinute ?? intFrom(env, 'SUPPORT_AGENT_RATE_LIMIT', 1200, 1),
    maxTokenLifetimeSeconds: overrides.maxTokenLifetimeSeconds ?? intFrom(env, 'SUPPORT_MAX_TOKEN_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, 60),
    allowedOrigins: overrides.allowedOrigins ?? originsFrom(env.SUPPORT_ALLOWED_ORIGINS),
    trustedProxies: overrides.trustedProxies ?? trustedProxiesFrom(env.SUPPORT_TRUSTED_PROXIES),
    publicUrl: overrides.publicUrl !== undefined ? overrides.publicUrl : publicUrlFrom(env.SUPPORT_PUBLIC_URL),
    limits,
    maxPendingUploads: overrides.maxPendingUploads ?? intFrom(env, 'SUPPORT_MAX_PENDING_UPLOADS', 3 * limits.maxFilesPerTicket, 1),
    maxEventsPerTicket: overrides.maxEventsPerTicket ?? intFrom(env, 'SUPPORT_MAX_EVENTS_PER_TICKET', 300, 2),
    maxJsonBytes: overrides.maxJsonBytes ?? 256 * 1024,
    heartbeatMs: overrides.heartbeatMs ?? 15_000,
    busyTimeoutMs: overrides.busyTimeoutMs ?? 2_000,
    shutdownDrainMs: overrides.shutdownDrainMs ?? intFrom(env, 'SUPPORT_SHUTDOWN_DRAIN_MS', 0, 0, 300_000),
    guard: loadGuardLimits((name, fallback, min) => intFrom(env, name, fallback, min), overrides.guard),
    minFreeDiskBytes: overrides.minFreeDiskBytes ?? intFrom(env, 'SUPPORT_MIN_FREE_DISK_BYTES', DEFAULT_MIN_FREE_DISK_BYTES, 0),
    requestLog: overrides.requestLog ?? switchFrom(env, 'SUPPORT_LOG', true),
    serveWidget: overrides.serveWidget ?? switchFrom(env, 'SUPPORT_SERVE_WIDGET', false),
    metrics: overrides.metrics !== undefined ? overrides.metrics : metricsFrom(env),
    inbound: overrides.inbound !== undefined ? overrides.inbound : inboundFrom(env),
    notifications: {
      smtpUrl: smtpUrlFrom(env.SUPPORT_SMTP_URL),
      mailFrom,
      mailFromEn: mailFromValue('SUPPORT_MAIL_FROM_EN', env.SUPPORT_MAIL_FROM_EN, russianFrom === DEFAULT_MAIL_FROM ? DEFAULT_MAIL_FROM_EN : russianFrom),
      webhookUrls: webhookUrlsFrom(env.SUPPORT_WEBHOOK_URLS),
      webhookSecret: env.SUPPORT_WEBHOOK_SECRET ?? '',
      previousWebhookSecret: previousSecretFrom(env.SUPPORT_WEBHOOK_SECRET_PREVIOUS),
      pollMs: intFrom(env, 'SUPPORT_OUTBOX_POLL_MS', 5_000, 10),
      retryBaseMs: intFrom(env, 'SUPPORT_OUTBOX_RETRY_MS', 30_000, 1),
      retryMaxMs: intFrom(env, 'SUPPORT_OUTBOX_RETRY_MAX_MS', 3_600_000, 1),
      giveUpMs: intFrom(env, 'SUPPORT_OUTBOX_GIVE_UP_MS', 86_400_000, 1),
      leaseMs: intFrom(env, 'SUPPORT_OUTBOX_LEASE_MS', 120_000, 100),
      sendTimeoutMs: intFrom(env, 'SUPPORT_OUTBOX_SEND_TIMEOUT_MS', 15_000, 100),
      retentionDays: intFrom(env, 'SUPPORT_OUTBOX_RETENTION_DAYS', DEFAULT_OUTBOX_RETENTION_DAYS, 1, MAX_OUTBOX_RETENTION_DAYS),
      ...overrides.notifications,
    },
  };
  const { notifications, guard } = config;
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (guard.headersTimeoutMs > guard.requestTimeoutMs) {
    throw new ConfigError(`SUPPORT_REQUEST_TIMEOUT_MS (${guard.requestTimeoutMs}) must be at least SUPPORT_HEADERS_TIMEOUT_MS (${guard.headersTimeoutMs}): a request's headers are part of it.`);
  }
  if (notifications.webhookUrls.length > 0 && notifications.webhookSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SUPPORT_WEBHOOK_SECRET of at least ${MIN_SECRET_LENGTH} characters is required with SUPPORT_WEBHOOK_URLS.`);
  }
  checkPreviousSecret('SUPPORT_WEBHOOK_SECRET', notifications.webhookSecret, notifications.previousWebhookSecret);
  if (dev && !isLoopbackUrl(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}/`)) {
    // A demo shown to a colleague or run in a container is a deliberate choice, not a mistyped HOST: said out loud.
    if (!devNetwork) {
      throw new ConfigError(
        `SUPPORT_DEV=1 listens on this machine only, and HOST=${config.host} is not: in dev mode ${DEV_GIVES_AWAY} to anyone who reaches it. ` +
          'Use HOST=127.0.0.1, or add SUPPORT_DEV_NETWORK=1 to show the demo on a network you trust (a container\'s, your own).',
      );
    }
    warnings.push(`SUPPORT_DEV=1 listens on HOST=${config.host}: anyone who reaches this machine can sign in as anyone and read the demo's tickets.`);
  }
  if (config.allowedOrigins.length === 0 && !dev) {
    warnings.push('SUPPORT_ALLOWED_ORIGINS is empty: browsers will refuse every call from an LMS page (CORS).');
  }
  if (notifications.smtpUrl !== null && config.publicUrl === null && !dev) {
    warnings.push('SUPPORT_SMTP_URL is set without SUPPORT_PUBLIC_URL: e-mails go without an unsubscribe link.');
  }
  if (notifications.smtpUrl !== null && notifications.mailFrom === DEFAULT_MAIL_FROM && !dev) {
    warnings.push(`SUPPORT_SMTP_URL is set without SUPPORT_MAIL_FROM: e-mails go from ${DEFAULT_MAIL_FROM}, which mail servers refuse or take for spam.`);
  }
  if (notifications.leaseMs <= notifications.sendTimeoutMs) {
    throw new ConfigError('SUPPORT_OUTBOX_LEASE_MS must be longer than SUPPORT_OUTBOX_SEND_TIMEOUT_MS.');
  }
  if (config.tokenSecret === '') {
    if (!dev) throw new ConfigError('SUPPORT_TOKEN_SECRET is required (or set SUPPORT_DEV=1 for a local demo).');
    config.tokenSecret = DEV_TOKEN_SECRET;
    warnings.push('SUPPORT_DEV=1: using the fixed dev token secret. Never run like this in production.');
  } else if (config.tokenSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SUPPORT_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
  checkPreviousSecret('SUPPORT_TOKEN_SECRET', config.tokenSecret, config.previousTokenSecret);
  if (config.agentToken === null || config.agentToken === '') {
    config.agentToken = dev ? DEV_AGENT_TOKEN : null;
    if (dev) warnings.push(`SUPPORT_DEV=1: agent token is "${DEV_AGENT_TOKEN}".`);
    else if (config.agents.length === 0) warnings.push('Neither SUPPORT_AGENT_TOKEN nor SUPPORT_AGENTS is set: agent endpoints are disabled.');
  }
  checkAgents(config.agents, config.agentToken);
  checkCredentialsApart(config, dev);
  if (config.previousTokenSecret !== null) {
    warnings.push('SUPPORT_TOKEN_SECRET_PREVIOUS is set: tokens signed with the old secret still sign users in. Remove it once the LMS signs with the new one (at once if the old one leaked).');
  }
  if (guard.uploadBytesPerUserDay < config.limits.maxFileBytes) {
    warnings.push(
      `SUPPORT_UPLOAD_BYTES_PER_USER_DAY (${guard.uploadBytesPerUserDay}) is under SUPPORT_MAX_FILE_BYTES (${config.limits.maxFileBytes}): a signed-in user's file larger than the day's bytes, or one sent without its size, is always refused.`,
    );
  }
  if (notifications.previousWebhookSecret !== null) {
    warnings.push('SUPPORT_WEBHOOK_SECRET_PREVIOUS is set: webhooks are signed with the old key too. Remove it once every receiver checks the new one.');
  }
  // Settings given as overrides are not read from the variables: only a start from the variables alone can tell.
  if (Object.keys(overrides).length === 0) warnings.push(...unknownSettings(given, read), ...unusedSettings(given, config, dev));
  return { config, warnings };
}

/** The shortest agent token outside dev mode: one guessed at the API's rate would open every ticket. */
const MIN_AGENT_TOKEN_LENGTH = 16;
/** What a token may hold: printable ASCII without spaces, as an `Authorization` header carries it. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

/**
 * Each credential does one job and is nobody else's: an agent token that is also the reporter tokens' secret, or
 * a webhook key that is, would let whoever holds one forge the other; the published dev secret and dev agent
 * token open everything outside dev mode. The shared agent token is held to a length and to characters a header
 * can carry (one with a space could never match).
 */
function checkCredentialsApart(config: ServerConfig, dev: boolean): void {
  const { agentToken, tokenSecret, previousTokenSecret, notifications } = config;
  if (agentToken !== null && !dev && (agentToken.length < MIN_AGENT_TOKEN_LENGTH || !TOKEN_CHARACTERS.test(agentToken))) {
    throw new ConfigError(`SUPPORT_AGENT_TOKEN must be at least ${MIN_AGENT_TOKEN_LENGTH} printable ASCII characters without spaces (openssl rand -base64 33).`);
  }
  if (!dev) {
    for (const [name, value] of [['SUPPORT_TOKEN_SECRET', tokenSecret], ['SUPPORT_TOKEN_SECRET_PREVIOUS', previousTokenSecret]] as const) {
      if (value === DEV_TOKEN_SECRET) throw new ConfigError(`${name} is the published dev secret: anyone could sign users in. Set a secret of your own.`);
    }
    if (agentToken === DEV_AGENT_TOKEN) throw new ConfigError('SUPPORT_AGENT_TOKEN is the published dev agent token. Set a token of your own.');
  }
  const secrets = new Map<string, string>();
  const add = (name: string, value: string | null) => {
    if (value === null || value === '') return;
    const other = secrets.get(value);
    if (other !== undefined) throw new ConfigError(`${name} is the same as ${other}: give each its own value (whoever holds one could use it as the other).`);
    secrets.set(value, name);
  };
  add('SUPPORT_TOKEN_SECRET', tokenSecret);
  add('SUPPORT_TOKEN_SECRET_PREVIOUS', previousTokenSecret);
  add('SUPPORT_WEBHOOK_SECRET', notifications.webhookSecret);
  add('SUPPORT_WEBHOOK_SECRET_PREVIOUS', notifications.previousWebhookSecret);
  add('SUPPORT_AGENT_TOKEN', agentToken);
  config.agents.forEach(({ name, token }, index) => add(`SUPPORT_AGENTS, entry ${index + 1} (${name})`, token));
}

/** A specialist's name in its one spelling: composed letters, single spaces. */
export function agentNameSpelling(name: string): string {
  return name.normalize('NFKC').replace(/[ \t\u00a0]+/gu, ' ').trim();
}

/** The words the API gives a meaning of its own where a specialist's name may stand (`assignee=me`, `assignee=none`). */
export const RESERVED_AGENT_NAMES: readonly string[] = ['me', 'none'];

/** The configured name `raw` names, in its configured spelling (names are told apart regardless of case); undefined: nobody's. */
export function configuredAgentName(agents: readonly AgentCredential[], raw: string): string | undefined {
  const key = agentNameSpelling(raw).toLowerCase();
  return agents.find((agent) => agent.name.toLowerCase() === key)?.name;
}

const AGENTS_SHAPE = 'SUPPORT_AGENTS must be a JSON array of {"name": "Анна Смирнова", "token": "…"}';

/** The named specialists of SUPPORT_AGENTS; none when unset or blank. */
function agentsFrom(raw: string | undefined): AgentCredential[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${AGENTS_SHAPE}: it is not JSON.`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`${AGENTS_SHAPE}.`);
  return parsed.map((entry: unknown, index) => {
    const { name, token } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof token !== 'string') throw new ConfigError(`${AGENTS_SHAPE}: entry ${index + 1} is not.`);
    return { name: agentNameSpelling(name), token };
  });
}

/**
 * Each specialist is told apart by their token and shown by their name: both must be there and be their own. A
 * token is a password typed into the operator page, held to the length of a secret.
 */
function checkAgents(agents: readonly AgentCredential[], sharedToken: string | null): void {
  const names = new Set<string>();
  const tokens = new Set<string>(sharedToken === null ? [] : [sharedToken]);
  for (const [index, { name, token }] of agents.entries()) {
    const which = `SUPPORT_AGENTS, entry ${index + 1}`;
    // A name the operator page and the webhooks print: one line of visible text (no control, format, private-use
    // or unassigned character, no lone surrogate, no line separator, no blank letter such as U+3164).
    if (name === '' || name.length > 100 || /[\p{C}\p{Zl}\p{Zp}\u115f\u1160\u2800\u3164\uffa0]/u.test(name)) {
      throw new ConfigError(`${which}: the name must be 1–100 characters of visible text on one line.`);
    }
    if (token.length < MIN_SECRET_LENGTH || !TOKEN_CHARACTERS.test(token)) {
      throw new ConfigError(`${which} (${name}): the token must be at least ${MIN_SECRET_LENGTH} printable ASCII characters without spaces.`);
    }
    const key = name.toLowerCase();
    if (RESERVED_AGENT_NAMES.includes(key)) {
      throw new ConfigError(`${which}: «${name}» cannot be a name: the API reads it as a word of its own (assignee=me, assignee=none).`);
    }
    if (names.has(key)) throw new ConfigError(`${which}: the name «${name}» is given twice; each specialist needs a name of their own.`);
    if (tokens.has(token)) throw new ConfigError(`${which} (${name}): the token is already used by another specialist or by SUPPORT_AGENT_TOKEN.`);
    names.add(key);
    tokens.add(token);
  }
}

/** The secrets a check accepts, the current one first: it, and the previous one while it is being replaced. */
export function acceptedSecrets(current: string, previous: string | null): string[] {
  return previous === null ? [current] : [current, previous];
}

/** A `…_PREVIOUS` secret: null when unset or blank. */
function previousSecretFrom(raw: string | undefined): string | null {
  return raw === undefined || raw.trim() === '' ? null : raw;
}

/**
 * The secret being replaced is held to the same length as the current one, and must differ from it: the same
 * value twice is a rotation that has not happened, likely a copy-and-paste slip.
 */
function checkPreviousSecret(name: string, current: string, previous: string | null): void {
  if (previous === null) return;
  if (previous.length < MIN_SECRET_LENGTH) throw new ConfigError(`${name}_PREVIOUS must be at least ${MIN_SECRET_LENGTH} characters.`);
  if (previous === current) throw new ConfigError(`${name}_PREVIOUS is the same as ${name}: set it to the secret being replaced, or leave it unset.`);
}

/** An integer variable with a default, refusing anything that is not a whole number from min to max. */
function intFrom(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new ConfigError(`${name} must be an integer ${range}, got "${raw}".`);
  }
  return value;
}

/** SUPPORT_METRICS_PORT and SUPPORT_METRICS_HOST (the loopback unless told: the figures are not for everyone). */
function metricsFrom(env: Env): ServerConfig['metrics'] {
  const host = env.SUPPORT_METRICS_HOST?.trim() || '127.0.0.1';
  if ((env.SUPPORT_METRICS_PORT ?? '').trim() === '') {
    if (env.SUPPORT_METRICS_HOST !== undefined) throw new ConfigError('SUPPORT_METRICS_HOST is set without SUPPORT_METRICS_PORT: set the port the metrics are served on too.');
    return null;
  }
  const port = intFrom(env, 'SUPPORT_METRICS_PORT', 0, 0, 65535);
  if (port !== 0 && port === intFrom(env, 'PORT', 8787, 0, 65535)) {
    throw new ConfigError(`SUPPORT_METRICS_PORT must differ from PORT (${port}): the metrics are served on a port of their own.`);
  }
  return { port, host };
}

/** A plain address: one @, no display name, no spaces, no +tag (the reply addresses add theirs). */
const PLAIN_ADDRESS = /^[A-Za-z0-9._%-]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]{2,}$/;

/** The inbound listener's settings, or null when SUPPORT_INBOUND_SMTP_PORT is not set. */
function inboundFrom(env: Env): InboundConfig | null {
  if ((env.SUPPORT_INBOUND_SMTP_PORT ?? '').trim() === '') {
    for (const name of ['SUPPORT_REPLY_ADDRESS', 'SUPPORT_INBOUND_SMTP_HOST', 'SUPPORT_INBOUND_MAX_BYTES']) {
      if ((env[name] ?? '').trim() !== '') throw new ConfigError(`${name} is set without SUPPORT_INBOUND_SMTP_PORT: set the port replies by e-mail are taken on too.`);
    }
    return null;
  }
  const port = intFrom(env, 'SUPPORT_INBOUND_SMTP_PORT', 0, 0, 65535);
  if (port !== 0 && port === intFrom(env, 'PORT', 8787, 0, 65535)) throw new ConfigError(`SUPPORT_INBOUND_SMTP_PORT must differ from PORT (${port}).`);
  const replyAddress = (env.SUPPORT_REPLY_ADDRESS ?? '').trim();
  if (replyAddress === '') throw new ConfigError('SUPPORT_INBOUND_SMTP_PORT is set without SUPPORT_REPLY_ADDRESS: set the address replies go to, such as support@uchi.example.');
  if (!PLAIN_ADDRESS.test(replyAddress)) {
    throw new ConfigError(`SUPPORT_REPLY_ADDRESS must be a plain address such as support@uchi.example (no name, no +tag: the server adds a tag per ticket), got "${replyAddress.slice(0, 100)}".`);
  }
  return {
    port,
    host: env.SUPPORT_INBOUND_SMTP_HOST?.trim() || '127.0.0.1',
    replyAddress: replyAddress.toLowerCase(),
    maxBytes: intFrom(env, 'SUPPORT_INBOUND_MAX_BYTES', 4 * 1024 * 1024, 64 * 1024),
  };
}

/** An on/off variable: 1/on/true/yes or 0/off/false/no (any case); anything else stops the start. */
function switchFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase() ?? '';
  if (raw === '') return fallback;
  if (['1', 'on', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'off', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 1 or 0 (on or off), got "${env[name] ?? ''}".`);
}

/** Where the data is: the SQLite file SUPPORT_DB, and SUPPORT_DATABASE_URL (null: SQLite serves), checked as at start. */
export function databaseSettings(env: Env): { dbPath: string; databaseUrl: string | null } {
  return { dbPath: resolve(env.SUPPORT_DB ?? DEFAULT_DB), databaseUrl: databaseUrlFrom(env.SUPPORT_DATABASE_URL) };
}

/** SUPPORT_DATABASE_URL: empty means SQLite; anything else must be a postgres:// or postgresql:// URL. */
function databaseUrlFrom(raw: string | undefined): string | null {
  const url = raw?.trim() ?? '';
  if (url === '') return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('SUPPORT_DATABASE_URL must start with postgres:// (or be empty for the SQLite file).');
  // A password with a bare @, /, ? or # still parses, as a host named after the rest of the password: the start's
  // error would name that host. What the user meant as user and password runs to the last @ before the query (a
  // query's value may hold an @: «?user=alice@corp»); a password cut by a ? leaves no @ and no path before it.
  const rest = url.slice(url.indexOf('://') + 3);
  const query = rest.indexOf('?');
  const address = query < 0 ? rest : rest.slice(0, query);
  const credentials = address.slice(0, Math.max(0, address.lastIndexOf('@')));
  const cutByQuery = query >= 0 && !address.includes('@') && !address.includes('/') && rest.slice(query).includes('@');
  // A socket's URL names no host («postgres://user@/support?host=/run/postgresql»); the driver reads it as such.
  if (/[@/?#]/u.test(credentials) || cutByQuery || !URL.canParse(url.replace(/^(postgres(ql)?:\/\/[^/?#]*@)(?=\/)/, '$1localhost'))) {
    throw new ConfigError(`SUPPORT_DATABASE_URL is not a valid address (postgres://user:password@host:port/database); ${NOT_SHOWN}`);
  }
  return url;
}

/** SUPPORT_SMTP_URL: empty means no e-mails; otherwise smtp:// or smtps://. */
function smtpUrlFrom(raw: string | undefined): string | null {
  const url = raw?.trim() ?? '';
  if (url === '') return null;
  if (!/^smtps?:\/\//.test(url)) throw new ConfigError('SUPPORT_SMTP_URL must start with smtp:// or smtps://.');
  if (!isServerUrl(url)) throw new ConfigError(`SUPPORT_SMTP_URL is not a valid address (smtp://user:password@host:port); ${NOT_SHOWN}`);
  return url;
}

// Such a value may hold a password: a refusal never repeats it, nor lets a library print it in a stack trace.
const NOT_SHOWN = 'its value is not shown, as it may hold a password (a port must be a number; a password\'s @, :, /, ? and # are written %40, %3A, %2F, %3F and %23).';

/** Whether `value` parses as a URL with a host (and, when given, a numeric port). */
function isServerUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).hostname !== '';
}

/** SUPPORT_PUBLIC_URL: empty means none; otherwise an http(s) address with no query or fragment. */
function publicUrlFrom(raw: string | undefined): string | null {
  const value = raw?.trim().replace(/\/+$/, '') ?? '';
  if (value === '') return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null || !/^https?:$/.test(url.protocol) || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`SUPPORT_PUBLIC_URL must be the API's http(s) address without a query, got "${raw ?? ''}".`);
  }
  // The links add the API's prefix themselves: the widget's apiUrl ends with it, this does not.
  if (url.pathname.replace(/\/+$/, '').endsWith(API_PREFIX)) {
    throw new ConfigError(`SUPPORT_PUBLIC_URL is the server's address without ${API_PREFIX} (the links add it), got "${raw ?? ''}".`);
  }
  return value;
}

/** SUPPORT_TRUSTED_PROXIES: IP addresses and CIDR ranges (`10.0.0.0/8`, `::1`), comma-separated. */
function trustedProxiesFrom(raw: string | undefined): string[] {
  const items = (raw ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const item of items) {
    const [address = '', bits, extra] = item.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) {
      throw new ConfigError(`SUPPORT_TRUSTED_PROXIES: "${item}" is not an IP address or a CIDR range (10.0.0.0/8, fd00::/8).`);
    }
  }
  return items;
}

/** SUPPORT_MAIL_FROM, SUPPORT_MAIL_FROM_EN: one address, alone or with a name («Техподдержка <support@example.ru>»). */
function mailFromValue(name: string, raw: string | undefined, fallback: string): string {
  const value = raw?.trim() || fallback;
  if (!/^(?:[^<>@]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/u.test(value)) {
    throw new ConfigError(`${name} must be one e-mail address, alone or as «Name <address>», got "${raw ?? ''}".`);
  }
  return value;
}

/** SUPPORT_WEBHOOK_URLS: http(s) URLs, comma-separated. */
function webhookUrlsFrom(raw: string | undefined): string[] {
  const urls = (raw ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new ConfigError(`SUPPORT_WEBHOOK_URLS: "${url}" is not an http(s) URL.`);
    // fetch cannot send a URL's user and password, and the URL is shown in the delivery log: the receiver checks
    // X-Uchi-Signature instead. The message names the host only, never the password.
    const { username, password, host } = new URL(url);
    if (username !== '' || password !== '') {
      throw new ConfigError(`SUPPORT_WEBHOOK_URLS: the URL for ${host} has a user name or password, which is never sent (and would show in the delivery log): remove it; the receiver checks X-Uchi-Signature.`);
    }
  }
  return urls;
}

/**
 * SUPPORT_ALLOWED_ORIGINS: origins as browsers send them (`https://lms.example.ru`, a port if not the default):
 * one with a path or without a scheme would never match, and the widget would fail as if offline.
 */
function originsFrom(raw: string | undefined): string[] {
  return listFrom(raw).map((origin) => {
    const url = URL.canParse(origin) ? new URL(origin) : null;
    const bare = url !== null && url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '' && !origin.endsWith('?') && !origin.endsWith('#');
    if (url === null || !/^https?:$/.test(url.protocol) || !bare) {
      throw new ConfigError(`SUPPORT_ALLOWED_ORIGINS: "${origin}" is not an origin like https://lms.example.ru (scheme, host and port only).`);
    }
    // As browsers send it: the host in lower case, no default port.
    return url.origin;
  });
}

/** A comma-separated list with blanks and trailing slashes removed (origins never end in "/"). */
function listFrom(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((item) => item.trim().replace(/\/+$/, ''))
    .filter((item) => item !== '');
}
