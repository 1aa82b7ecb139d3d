/**
 * Makes a received upload safe to store, working from its temporary file: images are decoded and re-encoded
 * (orientation applied, metadata such as EXIF GPS dropped, anything after the image data gone) into a new
 * temporary file, PDFs are checked for their header and trailer. Names and declared types are never trusted.
 */
import { open, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Metadata, OutputInfo, Sharp } from 'sharp';
import type { AttachmentType } from '../../core';
import { failures } from '../errors';
import type { ApiFailure } from '../errors';
import type { FileStorage } from './storage';

// libvips' operation cache would keep decoded uploads (and open handles of deleted temporary files) alive.
sharp.cache(false);

/** A file ready to be stored: its temporary path, size, type and image dimensions. */
export interface CleanFile {
  path: string;
  size: number;
  type: AttachmentType;
  width: number | null;
  height: number | null;
}

/** Inspects and cleans the file at `path` (of the detected `type`), or throws the contract's 413/422. */
export async function inspectUpload(files: FileStorage, path: string, size: number, type: AttachmentType, maxPixels: number): Promise<CleanFile> {
  if (type === 'application/pdf') {
    await checkPdf(path, size);
    return { path, size, type, width: null, height: null };
  }
  return reencodeImage(files, path, type, maxPixels);
}

/** PDFs are stored as they are, after checking they start and end like a PDF. */
async function checkPdf(path: string, size: number): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const tail = Buffer.alloc(Math.min(1024, size));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, Math.max(0, size - tail.length));
    if (head.toString('latin1') === '%PDF-' && tail.toString('latin1').includes('%%EOF')) return;
  } finally {
    await handle.close();
  }
  throw failures.validation({ file: { ru: 'Файл PDF повреждён или не дописан', en: 'The PDF file is damaged or incomplete' } }, { ru: 'Файл PDF повреждён.', en: 'The PDF file is damaged.' });
}

/** An image's size in pixels as its header states it (one frame of an animation: only the first is kept). */
export interface ImageHeader {
  width: number;
  height: number;
}

/**
 * Reads an image's dimensions from its header alone, nothing decoded, or throws the contract's 422 (unreadable) or
 * 413 (over `maxPixels`): what decoding will take is known, and can be charged or refused, before it is spent. A
 * header that claims less than the image holds is stopped by the decoder's own pixel limit.
 */
export async function readImageHeader(path: string, maxPixels: number): Promise<ImageHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged();
  }
  const header = { width: meta.width ?? 0, height: meta.pageHeight ?? meta.height ?? 0 };
  if (header.width * header.height > maxPixels) throw tooManyPixels(maxPixels);
  return header;
}

/**
 * Decodes and re-encodes an image to its own format into a new temporary file; only the first frame is kept. The
 * upload route has read its header already (readImageHeader, to charge its pixels); the decoder's own pixel limit
 * refuses a canvas past `maxPixels` from the header too, before decoding, whoever calls this.
 */
async function reencodeImage(files: FileStorage, path: string, type: AttachmentType, maxPixels: number): Promise<CleanFile> {
  // Encoded in memory (the output is no bigger than an upload may be), then written by Node: a failure to decode is
  // the file's fault (422), a failure to write is the server's (a full disk: 503, logged), and the file is the
  // owner's alone to read, as a received upload is.
  let encoded: { data: Buffer; info: OutputInfo };
  try {
    const image = sharp(path, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    encoded = await encoder(image, type).toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels(maxPixels);
    throw damaged();
  }
  const output = files.temporary();
  try {
    await writeFile(output, encoded.data, { mode: 0o600 });
  } catch (error) {
    await files.dropTemporary(output);
    throw error;
  }
  return { path: output, size: encoded.info.size, type, width: encoded.info.width, height: encoded.info.height };
}

function encoder(image: Sharp, type: AttachmentType): Sharp {
  switch (type) {
    case 'image/png':
      return image.png();
    case 'image/jpeg':
      return image.jpeg({ quality: 90, mozjpeg: true });
    case 'image/webp':
      return image.webp({ quality: 90 });
    case 'image/gif':
      return image.gif();
    case 'application/pdf':
      throw new Error('a PDF is not an image');
    default:
      return type satisfies never;
  }
}

function tooManyPixels(maxPixels: number): ApiFailure {
  const megapixels = Math.round(maxPixels / 1_000_000);
  return failures.payloadTooLarge({ ru: `Изображение слишком большое: не больше ${megapixels} мегапикселей.`, en: `The image is too large: ${megapixels} megapixels at most.` });
}

function damaged(): ApiFailure {
  return failures.validation({ file: { ru: 'Изображение повреждено и не читается', en: 'The image is damaged and cannot be read' } }, { ru: 'Изображение повреждено.', en: 'The image is damaged.' });
}
