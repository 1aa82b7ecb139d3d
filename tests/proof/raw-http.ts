/**
 * Raw HTTP over node:http for hostile requests: any bytes as the body, any method, headers fetch would refuse
 * to send. Never hangs: a stream that opens by mistake is cut after its headers, every request has a deadline.
 */
import { request } from 'node:http';

/** One request as it goes on the wire. */
export interface RawRequest {
  method: string;
  /** Path below the server's origin, already encoded (e.g. `/api/v1/tickets/%00`). */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** What came back. */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends `req` to `origin` (e.g. `http://127.0.0.1:1234`); rejects after `timeoutMs`. */
export function sendRaw(origin: string, req: RawRequest, timeoutMs = 10_000): Promise<RawReply> {
  const url = new URL(origin);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(body === undefined ? {} : { 'content-length': String(body.length) }) },
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        const done = () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
        if ((response.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          // A stream that opened: what we need is its status; reading on would wait forever.
          response.destroy();
          done();
          return;
        }
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', done);
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${req.method} ${req.path}: no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
