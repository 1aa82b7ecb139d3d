/** Files for attachment stories, made in the browser: real PNGs from a canvas, a PDF header, wrong types. */

/** A file a story attaches. */
export interface FileSpec {
  name: string;
  kind: 'png' | 'pdf' | 'svg' | 'text';
  /** Bytes for pdf/text/svg (padding); PNGs are as large as the picture makes them. */
  size?: number;
  /** PNG size in pixels. */
  width?: number;
  height?: number;
}

const COLOURS = ['#2f6fed', '#146c2e', '#b42318', '#8a5300', '#6b4fbb'];

/** A PNG of a simple "page" (a header bar and lines), tinted by `seed`. */
export async function pngFile(name: string, width = 320, height = 200, seed = 0): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2d canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = COLOURS[seed % COLOURS.length] ?? '#2f6fed';
  context.fillRect(0, 0, width, Math.round(height / 6));
  context.fillStyle = '#c9d1d9';
  for (let line = 0; line < 5; line += 1) context.fillRect(16, height / 4 + line * 22, width * (0.4 + ((line + seed) % 3) * 0.15), 10);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('canvas.toBlob gave nothing');
  return new File([blob], name, { type: 'image/png' });
}

function padded(head: string, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(Math.max(size, head.length)));
  bytes.set(new TextEncoder().encode(head));
  bytes.fill(0x20, head.length);
  return bytes;
}

/** Builds the file of a spec. */
export async function makeFile(spec: FileSpec, index: number): Promise<File> {
  switch (spec.kind) {
    case 'png':
      return pngFile(spec.name, spec.width, spec.height, index);
    case 'pdf':
      return new File([padded('%PDF-1.7\n%story\n', spec.size ?? 48_000)], spec.name, { type: 'application/pdf' });
    case 'svg':
      return new File([padded('<svg xmlns="http://www.w3.org/2000/svg"></svg>', spec.size ?? 300)], spec.name, { type: 'image/svg+xml' });
    case 'text':
      return new File([padded('Журнал ошибок\n', spec.size ?? 2_000)], spec.name, { type: 'text/plain' });
    default:
      return spec.kind satisfies never;
  }
}
