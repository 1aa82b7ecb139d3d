/**
 * An error as one line for a log or the delivery log: its code and message, and its cause's (fetch says only
 * «fetch failed»; a connection refused by every address is an AggregateError with no message). Never a
 * driver's object: the PostgreSQL client's errors carry the connection, with its process id and cancel key.
 */
export function errorLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message === '' && error instanceof AggregateError ? error.errors.map(errorLine).join('; ') : error.message;
  const own = typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message;
  return error.cause instanceof Error ? `${own}: ${errorLine(error.cause)}` : own;
}
