/**
 * Links in tickets: validation, and recognising Uchi.Pro LMS pages to pre-fill the form. Known paths (from
 * the LMS's public API client): courses `/courses/{uuid}`, lessons `/courses/{uuid}/lessons/{id}`, orders
 * `/orders/{uuid}`. Documents have no stable path, so a document link is only checked to be http(s).
 */

/** What an LMS page URL points at. */
export type LmsLink =
  | { kind: 'course'; courseId: string; url: string }
  | { kind: 'lesson'; courseId: string; lessonId: string; url: string }
  | { kind: 'order'; orderId: string; url: string };

/** Parses a string as a URL, or null (no exceptions for the caller to catch). */
function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Whether `value` is an absolute http(s) URL with a host and no user:password part. */
export function isHttpUrl(value: string): boolean {
  const url = parseUrl(value.trim());
  if (url === null) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname !== '' && url.username === '' && url.password === '';
}

const ID = '([0-9A-Za-z][0-9A-Za-z_-]{0,63})';
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray, url: string) => LmsLink]> = [
  [new RegExp(`^/courses/${ID}/lessons/${ID}/?$`), (m, url) => ({ kind: 'lesson', courseId: m[1] ?? '', lessonId: m[2] ?? '', url })],
  [new RegExp(`^/courses/${ID}/?$`), (m, url) => ({ kind: 'course', courseId: m[1] ?? '', url })],
  [new RegExp(`^/orders/${ID}/?$`), (m, url) => ({ kind: 'order', orderId: m[1] ?? '', url })],
];

/**
 * Recognises a course, lesson (a test is a lesson of type quiz) or order page of the LMS.
 * The LMS may live under a path prefix (`/lms/courses/…`) or a hash route, so both are looked at.
 * Returns the link with query and fragment dropped (they may carry session data), or null.
 */
export function parseLmsLink(value: string): LmsLink | null {
  if (!isHttpUrl(value)) return null;
  const url = new URL(value.trim());
  const candidates = [url.pathname, url.hash.replace(/^#!?/, '').split('?')[0] ?? ''];
  for (const raw of candidates) {
    const path = stripPrefix(raw);
    for (const [pattern, build] of PATTERNS) {
      const match = pattern.exec(path);
      if (match !== null) return build(match, cleanUrl(url));
    }
  }
  return null;
}

/** Drops everything before the first known section so `/lms/courses/x` reads as `/courses/x`. */
function stripPrefix(path: string): string {
  const index = path.search(/\/(courses|orders)\//);
  return index > 0 ? path.slice(index) : path;
}

/** The URL without query and fragment, unless the route lives in the fragment. */
function cleanUrl(url: URL): string {
  const route = /^#!?\//.test(url.hash) ? url.hash.split('?')[0] ?? '' : '';
  return `${url.origin}${url.pathname}${route}`;
}

/** Query parameters that carry secrets and never leave the browser in a ticket. */
const SECRET_PARAM = /token|auth|pass|secret|session|key|sig|code|jwt|ticket/i;

/**
 * A text (a page error's message, a line of its stack) with the secrets taken out of every web address in it, as
 * {@link stripSecretsFromUrl} does; an address without any is left exactly as written.
 */
export function stripSecretsFromText(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s()"'<>]+/giu, (address) => {
    const url = parseUrl(address);
    const secret =
      url !== null && (url.username !== '' || url.password !== '' || [...url.searchParams.keys()].some((name) => SECRET_PARAM.test(name)) || /access_token|id_token/i.test(url.hash));
    return secret ? (stripSecretsFromUrl(address) ?? address) : address;
  });
}

/** Removes credentials and secret-looking query parameters from a page URL before it is attached. */
export function stripSecretsFromUrl(value: string): string | null {
  const url = parseUrl(value.trim());
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, '…');
  }
  if (/access_token|id_token/i.test(url.hash)) url.hash = '';
  return url.toString();
}
