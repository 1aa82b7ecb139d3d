/** Who is asking: the host LMS context of a signed-in user, or the contact fields a guest fills in. */
import * as z from 'zod/mini';
import { contactWireSchema } from '../fields/wire-fields';
import { emailSchema, httpUrlSchema, requiredText, phoneSchema } from './fields';
import { LMS_ROLES } from './roles';

export * from './roles';

/** Every reporter role: the LMS roles plus `guest` when no signed-in user is known. */
export const REPORTER_ROLES = [...LMS_ROLES, 'guest'] as const;
/** One reporter role code. */
export type ReporterRole = (typeof REPORTER_ROLES)[number];

/** The organisation (vendor) the user belongs to. */
export const organizationSchema = z.object({
  id: z.optional(z.string().check(z.maxLength(100))),
  title: requiredText(300),
});

/** What the host LMS tells about the signed-in user: shown read-only and sent automatically. A signed-in user has an LMS role, never `guest`. */
export const hostContextSchema = z.object({
  userId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  fullName: requiredText(300),
  role: z.enum(LMS_ROLES),
  organization: organizationSchema,
  lmsUrl: httpUrlSchema,
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
});
/** The host context of a signed-in user. */
export type HostContext = z.infer<typeof hostContextSchema>;

/** What a guest types instead: the same data the policy asks of an e-mail (built from the contact rows of the field table). */
export const contactSchema = contactWireSchema;
/** A guest's contact details. */
export type Contact = z.infer<typeof contactSchema>;

/** The claims of a reporter token (docs/http-contract.md), as the LMS backend signs them. */
export const reporterClaimsSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  role: z.enum(LMS_ROLES),
  org: z.object({ id: z.optional(z.string().check(z.maxLength(100))), title: z.string().check(z.maxLength(300)) }),
  lms: z.string().check(z.maxLength(2000)),
  phone: z.optional(z.string().check(z.maxLength(32))),
  email: z.optional(z.string().check(z.maxLength(254))),
  exp: z.int(),
});
/** Reporter token claims. */
export type ReporterClaims = z.infer<typeof reporterClaimsSchema>;
