/**
 * What a file's name claims to be: the extensions of each accepted type. The bytes decide what a file is (the
 * widget sniffs them, the server too); the name only tells what the user thinks they attached, so a refusal can
 * say «not really a PNG» rather than «this type is not accepted».
 */
import type { AttachmentType } from './schemas/constants';

/** Extensions of each accepted type, the usual one first. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
};

/** The accepted type a file name's extension claims (`fake.png` → image/png), or null. */
export function attachmentTypeNamed(name: string): AttachmentType | null {
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === undefined) return null;
  const found = Object.entries(ATTACHMENT_EXTENSIONS).find(([, extensions]) => extensions.includes(extension));
  return found === undefined ? null : (found[0] as AttachmentType);
}
