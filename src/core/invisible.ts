/**
 * Control and invisible format characters (NUL, escapes, zero-width spaces, soft hyphens, bidi overrides): they
 * carry nothing a reader sees, make a blank field look filled and hide the boundary between two sentences.
 * Tab and line breaks stay, and so do the joiners inside emoji («👨‍👩‍👧») and the tags of subdivision flags.
 */
const INVISIBLE = /(?![\t\n\r]|\u200c|\u200d|[\u{e0020}-\u{e007f}])[\p{Cc}\p{Cf}]/gu;

/** `text` without its invisible characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
