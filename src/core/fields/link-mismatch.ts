/**
 * Whether a link typed into a link field looks like the kind the field asks for. The LMS's page shapes are known
 * (`parseLmsLink`), its domains are not (every organisation has its own), so a link is judged by its path: of
 * another known kind (an order page as the course link), or, on the LMS the user is known to use, a page of no
 * link kind at all (a search page). A link elsewhere whose path is unknown may be a page the parser does not know,
 * so it gets no warning: a warning there would be noise for a valid link. The check never blocks sending.
 */
import { isHttpUrl, parseLmsLink } from '../links';
import type { LmsLink } from '../links';
import type { FieldKind } from './ticket-fields';

/** The LMS page kinds a link field asks for; none for a document (it has no stable path, but is no course page). */
const EXPECTED: Partial<Record<FieldKind, readonly LmsLink['kind'][]>> = {
  courseUrl: ['course', 'lesson'],
  orderUrl: ['order'],
  documentUrl: [],
};

/** Why a link may be the wrong one: it is another known kind, or another page of the user's LMS. */
export type LinkMismatch = { found: LmsLink['kind'] } | { found: 'page' };

/**
 * The mismatch of `value` in a field of `kind`, or null. `lmsOrigins` are the origins of the LMS the user is
 * known to use (the signed-in user's, the guest's typed one, the page the widget is open on).
 */
export function linkMismatch(kind: FieldKind, value: string, lmsOrigins: readonly string[]): LinkMismatch | null {
  const expected = EXPECTED[kind];
  if (expected === undefined || !isHttpUrl(value)) return null;
  const link = parseLmsLink(value);
  if (link !== null) return expected.includes(link.kind) ? null : { found: link.kind };
  // A document opens from anywhere; an unknown page is only judged on the LMS whose shapes we know.
  if (expected.length === 0) return null;
  return lmsOrigins.includes(new URL(value.trim()).origin) ? { found: 'page' } : null;
}

/** The origin of a URL, or null when it is not an http(s) one. */
export function httpOrigin(value: string | undefined): string | null {
  return value !== undefined && isHttpUrl(value) ? new URL(value.trim()).origin : null;
}
