/** Ticket numbers kept on one line inside a sentence: `UP-2026-000123` does not break at its hyphens on a narrow screen. */
import type { ReactNode } from 'react';

/**
 * `text` with each of `parts` (where it occurs) in a span that does not wrap. The text is not changed, so a
 * number copied from it is the number (no non-breaking hyphens to search for).
 */
export function unbroken(text: string, parts: readonly string[]): ReactNode {
  const found = parts.filter((part) => part !== '' && text.includes(part));
  if (found.length === 0) return text;
  const pattern = new RegExp(`(${found.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text.split(pattern).map((piece, index) =>
    // split() with one capturing group puts what matched at the odd places.
    index % 2 === 1 ? (
      <span key={index} className="us-nowrap">
        {piece}
      </span>
    ) : (
      piece
    ),
  );
}
