/** Completing a link typed without its scheme. Its own module: only the form's category part uses it. */

// A host name with a dot (letters of any script, digits, hyphens), an optional port, then a path, query or nothing.
const BARE_ADDRESS = /^[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?(?:\.[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?)+(?::\d{1,5})?(?:[/?#]\S*)?$/u;

/**
 * An address typed without its scheme («romashka.uchi.pro/orders/1») with `https://` before it, so it is a link;
 * anything else as it was.
 */
export function completeUrl(value: string): string {
  const trimmed = value.trim();
  // A scheme is letters before «:» (not a host before its port).
  return !/^[a-z][a-z\d+.-]*:(?!\d)/i.test(trimmed) && BARE_ADDRESS.test(trimmed) ? `https://${trimmed}` : value;
}
