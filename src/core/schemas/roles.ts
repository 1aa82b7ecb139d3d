/** The LMS's roles: the reporter's role in the host context and the guest's choice in the form. */
import * as z from 'zod/mini';

/** The LMS's own role codes (from its public API client), in the policy's order of mention. */
export const LMS_ROLES = ['administrator', 'manager', 'teacher', 'editor', 'listener', 'contractor', 'agent'] as const;
/** One LMS role code. */
export type LmsRole = (typeof LMS_ROLES)[number];

/** An LMS role code. */
export const lmsRoleSchema = z.enum(LMS_ROLES, { error: 'required' });
