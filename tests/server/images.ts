/** Test files made on the fly: real images from sharp, disguised and polyglot payloads, PDFs. */
import sharp from 'sharp';

/** A small PNG. */
export function pngImage(width = 32, height = 24): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } }).png().toBuffer();
}

/** A JPEG carrying EXIF with GPS coordinates and a camera model. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SpyCam', Model: 'Model X', Copyright: 'secret-owner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' },
    })
    .toBuffer();
}

/** A JPEG whose EXIF orientation says "rotate 90°" (stored 40×20, shown 20×40). */
export function rotatedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A WebP and a GIF. */
export const webpImage = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#00ff00' } }).webp().toBuffer();
export const gifImage = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#0000ff' } }).gif().toBuffer();

/**
 * A lossless WebP's header claiming `width × height` pixels, then bytes that are no image: its dimensions can be
 * read, and decoding it fails.
 */
export async function headerOnlyWebp(width: number, height: number): Promise<Buffer> {
  const real = await sharp({ create: { width, height, channels: 3, background: '#7799bb' } }).webp({ lossless: true }).toBuffer();
  // RIFF, the file size, WEBP, the VP8L chunk's name and size, its signature byte and the 4 bytes of the dimensions.
  return Buffer.concat([real.subarray(0, 25), Buffer.alloc(4000, 0x41)]);
}

/** An SVG with a script. */
export const svgPayload = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>',
);

/** An HTML page. */
export const htmlPayload = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** A marker we look for in stored bytes. */
export const POLYGLOT_MARKER = 'POLYGLOT-PAYLOAD-7f3a';

/** A valid PNG followed by an HTML page and a ZIP local file header. */
export async function polyglotPng(): Promise<Buffer> {
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`evil.html${POLYGLOT_MARKER}`)]);
  return Buffer.concat([await pngImage(), Buffer.from(`<html><script>${POLYGLOT_MARKER}</script></html>`), zip]);
}

/** A minimal PDF of about `size` bytes. */
export function pdfFile(size = 400, withTrailer = true): Buffer {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
  const tail = withTrailer ? 'trailer << /Root 1 0 R >>\n%%EOF\n' : '';
  const padding = Math.max(0, size - head.length - tail.length);
  return Buffer.concat([Buffer.from(head), Buffer.alloc(padding, 0x20), Buffer.from(tail)]);
}

/** A multipart body with one file. */
export function fileForm(bytes: Buffer, name: string, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}
