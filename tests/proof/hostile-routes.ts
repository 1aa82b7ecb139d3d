/**
 * Hostile requests that are not about a JSON body: bad ids on every `:id` route, wrong methods, missing or
 * oversized credentials and headers (within Node's 16 kB header limit), bad `Last-Event-ID`s, bad query values
 * and broken or hostile multipart uploads.
 */
import fc from 'fast-check';
import type { HostileCase } from './hostile-json';

/** What the generator needs from the running server. */
export interface Fixtures {
  ticketId: string;
  attachmentId: string;
  user: string;
  agent: string;
  png: Buffer;
  newKey: () => string;
}

const API = '/api/v1';
const KB = 1024;

/** Ids that are malformed, unknown, traversal attempts or of the wrong kind, already URL-encoded. */
function badIds(f: Fixtures): string[] {
  return [
    '..',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%00',
    'a'.repeat(65),
    'short',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    "'%20OR%20'1'%3D'1",
    '%D1%82%D0%B8%D0%BA%D0%B5%D1%82-%D1%82%D0%B8%D0%BA%D0%B5%D1%82',
    '%ZZ%ZZ%ZZ%ZZ',
    'AAAAAAAAAAAAAAAA',
    '__proto__',
    'constructor',
    f.attachmentId,
  ];
}

export function hostileRouteCases(f: Fixtures, seed: number): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string) =>
    cases.push({ name, method, path: `${API}${path}`, headers, ...(body === undefined ? {} : { body }) });
  const user = { authorization: f.user };
  const agent = { authorization: f.agent };
  const json = { 'content-type': 'application/json' };
  const T = f.ticketId;
  const A = f.attachmentId;

  // Bad ids on every route with an id (valid bodies, so only the id is wrong).
  for (const id of badIds(f)) {
    add(`GET ticket ${id}`, 'GET', `/tickets/${id}`, user);
    add(`message to ${id}`, 'POST', `/tickets/${id}/messages`, { ...user, ...json }, '{"text":"Ответ"}');
    add(`cancel ${id}`, 'POST', `/tickets/${id}/cancel`, user);
    add(`events of ${id}`, 'GET', `/tickets/${id}/events`, user);
    add(`agent GET ${id}`, 'GET', `/agent/tickets/${id}`, agent);
    add(`agent status of ${id}`, 'POST', `/agent/tickets/${id}/status`, { ...agent, ...json }, '{"status":"in_progress"}');
    add(`agent assignee of ${id}`, 'POST', `/agent/tickets/${id}/assignee`, { ...agent, ...json }, '{"agent":null}');
    if (id !== A) {
      add(`GET attachment ${id}`, 'GET', `/attachments/${id}`, user);
      add(`DELETE attachment ${id}`, 'DELETE', `/attachments/${id}`, user);
    }
  }
  add('GET attachment by the ticket id', 'GET', `/attachments/${T}`, user);

  // Methods a route does not have.
  const wrongMethods: Array<[string, string]> = [
    ['PUT', '/meta'], ['POST', '/meta'], ['DELETE', '/meta'], ['POST', '/openapi.json'],
    ['PUT', '/tickets'], ['PATCH', '/tickets'], ['DELETE', '/tickets'], ['PUT', `/tickets/${T}`], ['PATCH', `/tickets/${T}`],
    ['DELETE', `/tickets/${T}`], ['POST', `/tickets/${T}`], ['GET', `/tickets/${T}/messages`], ['GET', `/tickets/${T}/cancel`],
    ['POST', `/tickets/${T}/events`], ['DELETE', `/tickets/${T}/events`], ['GET', '/attachments'], ['PUT', `/attachments/${A}`],
    ['PATCH', `/attachments/${A}`], ['POST', `/attachments/${A}`], ['POST', '/agent/tickets'], ['DELETE', `/agent/tickets/${T}`],
    ['GET', `/agent/tickets/${T}/status`], ['PUT', `/agent/tickets/${T}/status`], ['GET', `/agent/tickets/${T}/assignee`], ['DELETE', `/agent/tickets/${T}/assignee`], ['GET', '/dev/token'], ['POST', '/dev/agent-token'],
    ['PROPFIND', '/tickets'], ['GET', '/does-not-exist'], ['GET', '/tickets/../../../etc/passwd'],
  ];
  for (const [method, path] of wrongMethods) add(`${method} ${path}`, method, path, path.startsWith('/agent') ? agent : user);

  // No credentials, and the wrong party's credentials.
  const reporterRoutes: Array<[string, string]> = [
    ['GET', '/tickets'], ['GET', `/tickets/${T}`], ['POST', `/tickets/${T}/cancel`], ['GET', `/tickets/${T}/events`],
    ['GET', `/attachments/${A}`], ['DELETE', `/attachments/${A}`], ['POST', '/attachments'],
  ];
  for (const [method, path] of reporterRoutes) add(`${method} ${path} without credentials`, method, path);
  // The agent may read any attachment and stream any ticket, so those two are not wrong for it.
  for (const [method, path] of reporterRoutes.filter(([, p]) => !p.startsWith('/attachments/') && !p.endsWith('/events'))) add(`${method} ${path} as the agent`, method, path, agent);
  add('create without credentials', 'POST', '/tickets', { ...json, 'idempotency-key': f.newKey() }, '{}');
  add('message without credentials', 'POST', `/tickets/${T}/messages`, json, '{"text":"x"}');
  for (const [method, path] of [['GET', '/agent/tickets'], ['GET', `/agent/tickets/${T}`], ['POST', `/agent/tickets/${T}/status`], ['POST', `/agent/tickets/${T}/messages`], ['POST', `/agent/tickets/${T}/assignee`]] as const) {
    add(`${method} ${path} without credentials`, method, path);
    add(`${method} ${path} as a reporter`, method, path, { ...user, ...json }, '{"status":"in_progress"}');
  }

  // Oversized header values, all within Node's 16 kB limit.
  const big = 'A'.repeat(8 * KB);
  add('8 kB bearer token', 'GET', '/tickets', { authorization: `Bearer ${big}` });
  add('8 kB guest key', 'GET', '/tickets', { authorization: `Guest ${big}` });
  add('8 kB agent token', 'GET', '/agent/tickets', { authorization: `Bearer ${big}` });
  add('8 kB Idempotency-Key', 'POST', '/tickets', { ...user, ...json, 'idempotency-key': big }, '{}');
  add('8 kB Last-Event-ID', 'GET', `/tickets/${T}/events`, { ...user, 'last-event-id': '9'.repeat(8 * KB) });
  add('8 kB content type', 'POST', '/tickets', { ...user, 'content-type': `application/x-${big}`, 'idempotency-key': f.newKey() }, '{}');
  add('8 kB multipart boundary', 'POST', '/attachments', { ...user, 'content-type': `multipart/form-data; boundary=${big}` }, '--x--');
  const junk = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-junk-${i}`, 'j'.repeat(60)]));
  add('100 junk headers and a 4 kB cookie, no credentials', 'GET', '/tickets', { ...junk, cookie: `session=${'c'.repeat(4 * KB)}` });
  add('two credentials in one header', 'GET', '/tickets', { authorization: `${f.user}, Guest ${'g'.repeat(43)}` });
  add('Idempotency-Key with spaces', 'POST', '/tickets', { ...user, ...json, 'idempotency-key': 'has spaces in it' }, '{}');
  add('Idempotency-Key too short', 'POST', '/tickets', { ...user, ...json, 'idempotency-key': 'short' }, '{}');

  // Last-Event-ID and query values that are not a non-negative integer of at most 15 digits.
  for (const value of ['-1', 'abc', '1.5', '1e3', '0x10', '9'.repeat(16), '1 2', '+1', '0,1', '__proto__']) {
    add(`Last-Event-ID ${value}`, 'GET', `/tickets/${T}/events`, { ...user, 'last-event-id': value });
    add(`agent Last-Event-ID ${value}`, 'GET', `/tickets/${T}/events`, { ...agent, 'last-event-id': value });
  }
  for (const value of ['-1', 'abc', '%EF%BC%91%EF%BC%92', '%00', '1%0A2']) add(`?lastEventId=${value}`, 'GET', `/tickets/${T}/events?lastEventId=${value}`, user);
  for (const value of ['nope', '__proto__', 'constructor', '%00', '%3Cscript%3E', 'REGISTERED', 'registered%20']) {
    add(`agent list ?status=${value}`, 'GET', `/agent/tickets?status=${value}`, agent);
  }
  // `me` names nobody with the shared token; a name is at most 100 characters.
  for (const value of ['me', 'x'.repeat(101)]) add(`agent list ?assignee=${value.slice(0, 12)}`, 'GET', `/agent/tickets?assignee=${value}`, agent);
  add('the shared token taking a ticket', 'POST', `/agent/tickets/${T}/assignee`, { ...agent, ...json }, '{"agent":"me"}');
  add('a ticket assigned to nobody configured', 'POST', `/agent/tickets/${T}/assignee`, { ...agent, ...json }, '{"agent":"Никто Никакой"}');

  cases.push(...uploadCases(f, seed));
  return cases;
}

/** Multipart bodies that are cut, mislabelled, empty, doubled or carry a file that is not an accepted type. */
function uploadCases(f: Fixtures, seed: number): HostileCase[] {
  const cases: HostileCase[] = [];
  const boundary = 'ProofBoundary9f8e7d';
  const type = `multipart/form-data; boundary=${boundary}`;
  const add = (name: string, body: Buffer | string, contentType: string | null = type, auth: string | null = f.user) =>
    cases.push({
      name: `upload: ${name}`,
      method: 'POST',
      path: `${API}/attachments`,
      headers: { ...(auth === null ? {} : { authorization: auth }), ...(contentType === null ? {} : { 'content-type': contentType }) },
      body,
    });
  const part = (name: string, filename: Buffer | string | null, bytes: Buffer, partType = 'application/octet-stream') =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"`),
      filename === null ? Buffer.alloc(0) : Buffer.concat([Buffer.from('; filename="'), Buffer.from(filename), Buffer.from('"')]),
      Buffer.from(`\r\nContent-Type: ${partType}\r\n\r\n`),
      bytes,
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const form = (...parts: Buffer[]) => Buffer.concat([...parts, end]);
  const valid = form(part('file', 'screen.png', f.png, 'image/png'));

  // Cut anywhere before the closing boundary: the parser must see the body end early.
  const cuts = fc.sample(fc.integer({ min: 1, max: valid.length - end.length - 3 }), { seed, numRuns: 12 });
  for (const at of cuts) add(`truncated at byte ${at} of ${valid.length}`, valid.subarray(0, at));
  add('cut PNG inside a well-formed body', form(part('file', 'cut.png', f.png.subarray(0, Math.floor(f.png.length / 2)), 'image/png')));
  add('no boundary parameter', valid, 'multipart/form-data');
  add('another boundary than the body', valid, 'multipart/form-data; boundary=SomethingElse');
  add('empty body', '');
  add('only the closing boundary', end);
  add('file as a plain field', form(part('file', null, Buffer.from('not a file'))));
  add('file under another field name', form(part('upload', 'a.png', f.png, 'image/png')));
  add('two files', form(part('file', 'a.png', f.png, 'image/png'), part('file', 'b.png', f.png, 'image/png')));
  add('empty file', form(part('file', 'empty.png', Buffer.alloc(0), 'image/png')));
  add('SVG with a script', form(part('file', 'x.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml')));
  add('HTML named .png', form(part('file', 'x.png', Buffer.from('<!doctype html><script>alert(1)</script>'), 'image/png')));
  add('Windows executable named .pdf', form(part('file', 'x.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'application/pdf')));
  add('ZIP named .png', form(part('file', 'x.png', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]))));
  add('PNG signature then garbage', form(part('file', 'x.png', Buffer.concat([f.png.subarray(0, 16), Buffer.alloc(300, 0x41)]), 'image/png')));
  add('PDF without its trailer', form(part('file', 'x.pdf', Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n'), 'application/pdf')));
  add('text with an invalid UTF-8 file name', form(part('file', Buffer.from([0x61, 0xff, 0xfe, 0x2e, 0x70, 0x6e, 0x67]), Buffer.from('plain text'))));
  add('text with a 1 MB file name', form(part('file', 'n'.repeat(1024 * 1024), Buffer.from('plain text'))));
  add('2000 small fields and no file', form(...Array.from({ length: 2000 }, (_, i) => part(`f${i}`, null, Buffer.from('v')))));
  add('JSON body', '{"file":"x"}', 'application/json');
  add('raw PNG as octet-stream', f.png, 'application/octet-stream');
  add('raw PNG as image/png', f.png, 'image/png');
  add('no content type', valid, null);
  add('form-urlencoded', 'file=abc', 'application/x-www-form-urlencoded');
  add('valid body without credentials', valid, type, null);
  // A specialist uploads files of their own for a message or an answer: valid as the agent too.
  add('valid body with a forged bearer', valid, type, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
  return cases;
}
