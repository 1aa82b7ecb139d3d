/** The limits that keep one hostile client from exhausting the server, each read from a `SUPPORT_*` variable. */

/** Connection, stream, quota and cleanup limits (README lists the variables and their defaults). */
export interface GuardLimits {
  /** A request's headers must arrive within this time (slow-loris). */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this time. */
  requestTimeoutMs: number;
  /** A socket on which nothing moves for this long is closed, so a body must keep flowing. Streams are exempt. */
  idleTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open. */
  keepAliveTimeoutMs: number;
  /** Open connections from one IP address; more are answered 503 and closed. */
  maxConnectionsPerIp: number;
  /** Open connections in total. */
  maxConnections: number;
  /** Open event streams of one reporter; a new one beyond this closes the oldest. */
  maxStreamsPerReporter: number;
  /** Guest tickets created from one IP address per hour. */
  guestTicketsPerIpHour: number;
  /**
   * Sends (creates that reach the one-problem check, sent or refused as several problems) of guests from one IP
   * address per hour, and of one signed-in user per hour: the check costs the server up to a fifth of a second on
   * a long text, and a refused send gives the guest's ticket back.
   */
  guestSendsPerIpHour: number;
  sendsPerUserHour: number;
  /**
   * Receipts of new tickets e-mailed to one guest address a day, whoever files them: a guest types any address, and
   * must not be able to have support e-mail a stranger without end. Past it a ticket is registered without one.
   */
  receiptsPerAddressDay: number;
  /** Guest uploads (files) from one IP address per hour. */
  guestUploadsPerIpHour: number;
  /** Guest upload bytes from one IP address per hour. */
  guestUploadBytesPerIpHour: number;
  /** Files one signed-in user uploads a day (a fixed window of 24 hours), whatever tickets they go to. */
  uploadsPerUserDay: number;
  /** Bytes one signed-in user uploads a day, as stored: what keeps a single account from filling the disk. */
  uploadBytesPerUserDay: number;
  /** Images decoded at once by one process (each may take hundreds of megabytes and a core for seconds). */
  imageJobs: number;
  /** Images that may wait for their turn; more are answered 503 with `Retry-After`. */
  imageQueue: number;
  /**
   * Images of one owner (a signed-in user, a specialist's token, the guests of one address) decoding and waiting at
   * once in one process; more are answered 429 with `Retry-After`, so one client cannot take the whole queue.
   */
  imagesPerOwner: number;
  /** Anonymous `GET /meta` requests per IP and minute (their own bucket). */
  anonymousPerIpMinute: number;
  /** Uploads no ticket claimed for this long are deleted. */
  unclaimedMaxAgeMs: number;
  /** How often unclaimed uploads are swept. */
  cleanupIntervalMs: number;
  /** How long a shutdown waits for requests in flight. */
  shutdownGraceMs: number;
}

/** The defaults: a classroom behind one NAT fits, one attacker does not. */
export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerIp: 256,
  maxConnections: 4_096,
  maxStreamsPerReporter: 10,
  guestTicketsPerIpHour: 20,
  guestSendsPerIpHour: 60,
  sendsPerUserHour: 60,
  receiptsPerAddressDay: 5,
  guestUploadsPerIpHour: 100,
  guestUploadBytesPerIpHour: 50 * 1024 * 1024,
  uploadsPerUserDay: 500,
  uploadBytesPerUserDay: 500 * 1024 * 1024,
  imageJobs: 1,
  imageQueue: 16,
  imagesPerOwner: 2,
  anonymousPerIpMinute: 600,
  unclaimedMaxAgeMs: 24 * 60 * 60 * 1000,
  cleanupIntervalMs: 60 * 60 * 1000,
  shutdownGraceMs: 10_000,
};

/** Each limit's environment variable. */
export const GUARD_VARIABLES: Record<keyof GuardLimits, string> = {
  headersTimeoutMs: 'SUPPORT_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'SUPPORT_REQUEST_TIMEOUT_MS',
  idleTimeoutMs: 'SUPPORT_IDLE_TIMEOUT_MS',
  keepAliveTimeoutMs: 'SUPPORT_KEEP_ALIVE_MS',
  maxConnectionsPerIp: 'SUPPORT_MAX_CONNECTIONS_PER_IP',
  maxConnections: 'SUPPORT_MAX_CONNECTIONS',
  maxStreamsPerReporter: 'SUPPORT_MAX_STREAMS_PER_REPORTER',
  guestTicketsPerIpHour: 'SUPPORT_GUEST_TICKETS_PER_IP_HOUR',
  guestSendsPerIpHour: 'SUPPORT_GUEST_SENDS_PER_IP_HOUR',
  sendsPerUserHour: 'SUPPORT_SENDS_PER_USER_HOUR',
  receiptsPerAddressDay: 'SUPPORT_RECEIPTS_PER_ADDRESS_DAY',
  guestUploadsPerIpHour: 'SUPPORT_GUEST_UPLOADS_PER_IP_HOUR',
  guestUploadBytesPerIpHour: 'SUPPORT_GUEST_UPLOAD_BYTES_PER_IP_HOUR',
  uploadsPerUserDay: 'SUPPORT_UPLOADS_PER_USER_DAY',
  uploadBytesPerUserDay: 'SUPPORT_UPLOAD_BYTES_PER_USER_DAY',
  imageJobs: 'SUPPORT_IMAGE_JOBS',
  imageQueue: 'SUPPORT_IMAGE_QUEUE',
  imagesPerOwner: 'SUPPORT_IMAGES_PER_OWNER',
  anonymousPerIpMinute: 'SUPPORT_ANONYMOUS_RATE_LIMIT',
  unclaimedMaxAgeMs: 'SUPPORT_UNCLAIMED_MAX_AGE_MS',
  cleanupIntervalMs: 'SUPPORT_CLEANUP_INTERVAL_MS',
  shutdownGraceMs: 'SUPPORT_SHUTDOWN_GRACE_MS',
};

/** Reads every limit from `env` (whole numbers ≥ 1), with `overrides` winning; `intFrom` reports bad values. */
export function loadGuardLimits(
  intFrom: (name: string, fallback: number, min: number) => number,
  overrides: Partial<GuardLimits> = {},
): GuardLimits {
  const limits = { ...DEFAULT_GUARD_LIMITS };
  for (const key of Object.keys(GUARD_VARIABLES) as Array<keyof GuardLimits>) {
    limits[key] = overrides[key] ?? intFrom(GUARD_VARIABLES[key], DEFAULT_GUARD_LIMITS[key], 1);
  }
  return limits;
}
