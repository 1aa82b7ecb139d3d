/** The embed's options and command arguments, validated with the core schemas before anything runs. */
import * as z from 'zod/mini';
import { CATEGORIES, hostContextSchema, isHttpUrl, isTicketNumber } from '../core';

const httpUrl = z.string().check(z.refine(isHttpUrl, 'must be an absolute http(s) URL'));

/** The Uchi.Pro account shape as the LMS API returns it. */
export const uchiProAccountSchema = z.object({
  uuid: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  email: z.optional(z.nullable(z.string())),
  phone: z.optional(z.nullable(z.string())),
  role: z.union([z.object({ code: z.string(), title: z.optional(z.string()) }), z.string()]),
  vendor: z.optional(z.nullable(z.object({ uuid: z.optional(z.string()), title: z.string() }))),
  vendor_uuid: z.optional(z.nullable(z.string())),
  vendor_title: z.optional(z.nullable(z.string())),
  lms_url: z.optional(z.string()),
});
/** A Uchi.Pro account. */
export type UchiProAccount = z.infer<typeof uchiProAccountSchema>;

/**
 * Arguments of `open()`: a ticket to show by its number (`UP-2026-000123`, as the e-mails and the
 * `#uchi-support=` links name it), or fields to pre-fill a new one with.
 */
export const openArgsSchema = z.lazy(() => z.optional(
  // Strict: a misspelt field («categroy») is a mistake to tell, not a field to drop.
  z.strictObject({
    ticket: z.optional(z.string().check(z.refine(isTicketNumber, 'must be a ticket number like UP-2026-000123'))),
    category: z.optional(z.enum(CATEGORIES)),
    subject: z.optional(z.string().check(z.maxLength(200))),
    description: z.optional(z.string().check(z.maxLength(5000))),
    courseTitle: z.optional(z.string().check(z.maxLength(300))),
    courseUrl: z.optional(httpUrl),
    orderUrl: z.optional(httpUrl),
    documentUrl: z.optional(httpUrl),
  }),
));
/** Arguments of `open()`. */
export type OpenArgs = z.infer<typeof openArgsSchema>;

/** Locales and themes. */
export const localeSchema = z.enum(['ru', 'en']);
const themeSchema = z.enum(['light', 'dark', 'auto']);

/** A function option (schemas can't describe functions' types, only that they are functions). */
const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');
const element = z.custom<HTMLElement>(
  (value) => typeof value === 'object' && value !== null && (value as Node).nodeType === 1,
  'must be an element',
);

/** Options of `init` / `mount`. */
export const initOptionsSchema = z.strictObject({
  apiUrl: httpUrl,
  token: z.optional(z.nullable(z.string().check(z.maxLength(8192)))),
  getToken: z.optional(fn),
  context: z.optional(hostContextSchema),
  account: z.optional(uchiProAccountSchema),
  lmsUrl: z.optional(httpUrl),
  /** The operator's personal data policy, linked from a guest's consent (152-ФЗ). */
  privacyPolicyUrl: z.optional(httpUrl),
  locale: z.optional(localeSchema),
  theme: z.optional(themeSchema),
  /** The level of the widget's title (default 1): 2 inside a page that has its own h1; the headings below follow. */
  headingLevel: z.optional(z.literal([1, 2, 3, 4])),
  mode: z.optional(z.enum(['launcher', 'inline'])),
  container: z.optional(z.union([z.string().check(z.minLength(1)), element])),
  placement: z.optional(z.enum(['bottom-right', 'bottom-left'])),
  offset: z.optional(z.object({ x: z.number().check(z.gte(0), z.lte(500)), y: z.number().check(z.gte(0), z.lte(500)) })),
  nonce: z.optional(z.string().check(z.maxLength(200))),
  zIndex: z.optional(z.int()),
  pageErrors: z.optional(z.boolean()),
});
/** Options of `init` / `mount`. */
export type InitOptions = z.infer<typeof initOptionsSchema>;

/** Thrown for a wrong call: the message names the command and the option. */
export class UchiSupportOptionError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'UchiSupportOptionError';
  }
}

/** Parses a command's argument or throws a message like `UchiSupport init: "apiUrl" must be an absolute http(s) URL`. */
export function parseOrThrow<T>(command: string, schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const what = path.length === 0 ? 'the argument' : `"${path.join('.')}"`;
  throw new UchiSupportOptionError(`UchiSupport ${command}: ${what} ${describeIssue(issue, valueAt(value, path))}`);
}

/** What `value` holds at `path` (undefined where nothing is). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, given: unknown): string {
  if (issue === undefined) return 'is invalid';
  if (issue.code === 'invalid_type') {
    return given === undefined ? `is missing (it must be ${issue.expected})` : `must be ${issue.expected}, not ${given === null ? 'null' : typeof given}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `has unknown option(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'too_big') return issue.origin === 'string' ? `is too long (at most ${String(issue.maximum)} characters)` : `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return issue.origin !== 'string' ? `must be at least ${String(issue.minimum)}` : Number(issue.minimum) <= 1 ? 'must not be empty' : `is too short (at least ${String(issue.minimum)} characters)`;
  return issue.message === 'Invalid input' ? 'is invalid' : issue.message;
}
