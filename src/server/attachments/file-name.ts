/** Original file names are kept only as metadata, cleaned so they cannot spoof paths, headers or text direction. */
import { ATTACHMENT_EXTENSIONS } from '../../core';
import type { AttachmentType } from '../../core';

const MAX_NAME = 255;
// C0/C1 control characters (incl. NUL), bidi embeddings/overrides/isolates and the invisible direction marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;


/** A safe display name: last path segment, no control or bidi characters, the real type's extension, ≤ 255. */
export function sanitizeFileName(raw: string, type: AttachmentType): string {
  const segment = raw.split(/[/\\]/).pop() ?? '';
  const name = segment.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const match = /^(.*)\.([A-Za-z0-9]{1,10})$/.exec(name);
  // The type's own extensions are kept; any other gets the type's usual one appended.
  const allowed = ATTACHMENT_EXTENSIONS[type];
  const keep = match?.[2] !== undefined && allowed.includes(match[2].toLowerCase());
  const base = (keep ? match?.[1] : name) || 'file';
  const extension = keep ? (match?.[2] ?? '') : (allowed[0] ?? 'bin');
  // Cut the base by code points so a surrogate pair is never split; the extension always survives.
  const room = MAX_NAME - extension.length - 1;
  const chars = [...base];
  return `${chars.length > room ? chars.slice(0, room).join('').trimEnd() : base}.${extension}`;
}

/** `Content-Disposition` for a download: an ASCII fallback plus the exact name per RFC 6266 / 5987. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
