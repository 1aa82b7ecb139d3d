/** Request URLs: always under the configured base URL, never anywhere else. */

/** A base URL that cannot be used (not http(s), credentials, query or fragment). */
export class InvalidBaseUrlError extends Error {
  override name = 'InvalidBaseUrlError';
}

/** A path that would leave the base URL (`..`, an empty segment). */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/** Builds request URLs under `baseUrl` (e.g. `https://support.example.ru/api/v1`). */
export interface UrlBuilder {
  /** The normalised base, ending in `/`. */
  readonly base: URL;
  /** The URL of `segments` under the base; each segment is percent-encoded, so an id cannot add a path. */
  build(...segments: string[]): URL;
}

/** Checks and normalises the base URL; throws InvalidBaseUrlError for anything but a plain http(s) URL. */
export function createUrlBuilder(baseUrl: string): UrlBuilder {
  // One sentence for every way to get it wrong, with the value: it ships in the first files, where bytes count.
  // (Not URL.canParse: browsers the widget supports lack it.)
  let base: URL | null = null;
  try {
    base = new URL(baseUrl);
  } catch {
    // Not a URL at all: refused below.
  }
  if (base === null || !/^https?:$/.test(base.protocol) || base.username + base.password + base.search + base.hash !== '') {
    throw new InvalidBaseUrlError(`apiUrl must be an absolute http(s) URL without credentials, query or fragment, got "${baseUrl}"`);
  }
  // Without the trailing slash `new URL('tickets', …/api/v1)` would resolve to …/api/tickets.
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const frozen = new URL(base.href);
  return {
    base: frozen,
    build(...segments) {
      const path = segments.map(encodeSegment).join('/');
      const url = new URL(path, frozen);
      if (url.origin !== frozen.origin || !url.pathname.startsWith(frozen.pathname)) {
        throw new UnsafePathError(`refusing a request outside ${frozen.href}`);
      }
      return url;
    },
  };
}

/** One path segment, encoded; dot segments and empty ones are refused. */
function encodeSegment(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..') throw new UnsafePathError(`unsafe path segment "${segment}"`);
  return encodeURIComponent(segment);
}
