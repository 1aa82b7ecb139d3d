/**
 * The e-mail fallback (docs/architecture.md): when the API cannot be reached, the same ticket goes to the official
 * e-mail channel as a `mailto:` link with every field filled in, so nothing typed is lost.
 */

/** One labelled part of the letter; `shrink` parts may be shortened to keep the link short. */
export interface MailSection {
  label: string;
  value: string;
  shrink?: boolean;
}

/** What the letter carries. */
export interface MailtoInput {
  to: string;
  subject: string;
  sections: readonly MailSection[];
  /** Appended to a shortened part ("описание сокращено…"). */
  truncatedNote: string;
  /** Longest body in characters: some mail clients cut long mailto URLs. */
  maxBodyLength?: number;
}

/** Body limit: mailto URLs past ~2000 characters are cut by some mail clients. */
export const MAX_MAIL_BODY = 1800;
const MAX_MAIL_SUBJECT = 150;
const CRLF = '\r\n'; // RFC 6068: line breaks in a mailto body are CRLF

function renderSection({ label, value }: MailSection): string {
  const text = value.trim();
  return text.includes('\n') || text.length > 60 ? `${label}:${CRLF}${text.replace(/\r?\n/g, CRLF)}` : `${label}: ${text}`;
}

function render(sections: readonly MailSection[]): string {
  return sections
    .filter((s) => s.value.trim() !== '')
    .map(renderSection)
    .join(CRLF + CRLF);
}

/** Cuts a text to at most `length` characters, ending with an ellipsis. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  return `${text.slice(0, Math.max(0, length - 1)).trimEnd()}…`;
}

/**
 * The letter's body, at most `max` characters: shrinkable parts are cut in their order (each marked with
 * the note) until it fits; as a last resort the whole body is cut.
 */
export function composeMailBody(sections: readonly MailSection[], truncatedNote: string, max = MAX_MAIL_BODY): string {
  const current = sections.map((s) => ({ ...s, value: s.value.trim() }));
  for (const section of current) {
    const excess = render(current).length - max;
    if (excess <= 0) break;
    if (section.shrink !== true || section.value === '') continue;
    const note = `${CRLF}[${truncatedNote}]`;
    const keep = Math.max(0, section.value.length - excess - note.length);
    section.value = `${cut(section.value, keep)}${note}`;
  }
  return cut(render(current), max);
}

/** The `mailto:` URL with subject and body encoded. */
export function buildMailto(input: MailtoInput): string {
  const body = composeMailBody(input.sections, input.truncatedNote, input.maxBodyLength ?? MAX_MAIL_BODY);
  const subject = cut(input.subject.replace(/\s+/g, ' ').trim(), MAX_MAIL_SUBJECT);
  return `mailto:${input.to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
