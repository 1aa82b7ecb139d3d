/**
 * Static files for the dev demo: a request path resolved inside one folder only (no `..`, no dotfiles, no
 * symlink out of the folder), a content type by extension for the few kinds we serve, and a weak ETag.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/** Content types of the files the demo serves; any other extension is not served at all. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file found under the root. */
export interface StaticFile {
  path: string;
  contentType: string;
  size: number;
  etag: string;
}

/** The content type for a file name, or null when we do not serve that kind of file. */
export function contentTypeOf(name: string): string | null {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? null;
}

/**
 * Resolves `requestPath` (URL-encoded, relative to the root, without a leading slash) to a regular file inside
 * `root`, or null. Refused: bad encoding, NUL, backslashes, empty, `.`/`..` and dot-named segments (so
 * `.vite/manifest.json` stays private), unknown extensions, anything that is not a file, and symlinks whose
 * target lies outside the root.
 */
export function resolveStaticFile(root: string, requestPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return null;
  const contentType = contentTypeOf(decoded);
  if (contentType === null) return null;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(root);
    realFile = realpathSync(join(realRoot, ...segments));
  } catch {
    return null;
  }
  if (!realFile.startsWith(realRoot + sep)) return null;
  const stat = statSync(realFile, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isFile()) return null;
  return { path: realFile, contentType, size: stat.size, etag: `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"` };
}

/** Whether the request's `If-None-Match` already names this ETag (the answer is then 304). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}
