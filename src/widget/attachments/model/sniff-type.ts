/** Content-type sniffing from a file's first bytes: the extension and the browser's claim are not trusted. */

/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 512;

/** Types we can recognise; SVG is recognised only to refuse it with a clear reason. */
export type SniffedType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'application/pdf' | 'image/svg+xml';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Looks for an `<svg` tag near the start of a text file (after an XML prolog, comments or a BOM). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (!head.startsWith('<')) return false;
  return head.includes('<svg');
}

/** The content type the bytes prove, or null when they match nothing we know. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** Reads the first bytes of a blob and sniffs them. */
export async function sniffBlob(blob: Blob): Promise<SniffedType | null> {
  const head = await blob.slice(0, SNIFF_BYTES).arrayBuffer();
  return sniffType(new Uint8Array(head));
}
