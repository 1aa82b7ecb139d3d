/** Attachments: accepted types, limits and the metadata the server returns. */
import * as z from 'zod/mini';
import { isoDateTimeSchema } from './fields';
import { ATTACHMENT_TYPES, DEFAULT_ATTACHMENT_LIMITS } from './constants';

export { ATTACHMENT_TYPES, DEFAULT_ATTACHMENT_LIMITS };
export type { AttachmentType } from './constants';

/** Attachment limits as `GET /meta` reports them. */
export const attachmentLimitsSchema = z.lazy(() => z.object({
  maxFileBytes: z.int().check(z.positive()),
  maxFilesPerTicket: z.int().check(z.positive()),
  maxPixels: z.int().check(z.positive()),
  acceptedTypes: z.array(z.enum(ATTACHMENT_TYPES)),
}));
/** Attachment limits. */
export type AttachmentLimits = z.infer<typeof attachmentLimitsSchema>;

/** An attachment id as the server issues it. */
export const attachmentIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid'));

/** What the server knows of a stored attachment. */
export const attachmentSchema = z.lazy(() => z.object({
  id: attachmentIdSchema,
  name: z.string().check(z.maxLength(255)),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.int().check(z.nonnegative()),
  width: z.optional(z.int().check(z.positive())),
  height: z.optional(z.int().check(z.positive())),
  createdAt: isoDateTimeSchema,
}));
/** A stored attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;
