/**
 * Decides what an upload is by its bytes and makes it safe to store: images are decoded and re-encoded
 * (orientation applied, metadata such as EXIF GPS dropped, anything after the image data gone), PDFs are
 * checked for their header and trailer. Names and declared types are never trusted.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { ATTACHMENT_TYPES } from '../../core';
import type { AttachmentType } from '../../core';
import { failures } from '../errors';
import type { ApiFailure } from '../errors';

/** A file ready to be stored. */
export interface CleanFile {
  bytes: Buffer;
  type: AttachmentType;
  width: number | null;
  height: number | null;
}

const ACCEPTED = new Set<string>(ATTACHMENT_TYPES);

/** Inspects and cleans an upload, or throws the contract's 413/415/422. */
export async function inspectUpload(bytes: Buffer, maxPixels: number): Promise<CleanFile> {
  if (bytes.length === 0) throw failures.validation({ file: 'Файл пустой' }, 'Файл пустой.');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected === undefined || !ACCEPTED.has(detected.mime)) {
    throw failures.unsupportedMedia('Можно приложить только изображения PNG, JPEG, WebP, GIF или документ PDF.');
  }
  const type = detected.mime as AttachmentType;
  return type === 'application/pdf' ? checkPdf(bytes) : reencodeImage(bytes, type, maxPixels);
}

/** PDFs are stored as they are, after checking they start and end like a PDF. */
function checkPdf(bytes: Buffer): CleanFile {
  const head = bytes.subarray(0, 5).toString('latin1');
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF')) {
    throw failures.validation({ file: 'Файл PDF повреждён или не дописан' }, 'Файл PDF повреждён.');
  }
  return { bytes, type: 'application/pdf', width: null, height: null };
}

/** Decodes and re-encodes an image to its own format; only the first frame of an animation is kept. */
async function reencodeImage(bytes: Buffer, type: AttachmentType, maxPixels: number): Promise<CleanFile> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged();
  }
  // Checked from the header, before decoding, so a small file claiming a huge canvas costs nothing.
  if ((meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0) > maxPixels) throw tooManyPixels(maxPixels);
  try {
    const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    const encoded = await encoder(image, type).toBuffer({ resolveWithObject: true });
    return { bytes: encoded.data, type, width: encoded.info.width, height: encoded.info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels(maxPixels);
    throw damaged();
  }
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
  return failures.payloadTooLarge(`Изображение слишком большое: не больше ${megapixels} мегапикселей.`);
}

function damaged(): ApiFailure {
  return failures.validation({ file: 'Изображение повреждено и не читается' }, 'Изображение повреждено.');
}
