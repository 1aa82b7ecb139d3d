/** Browser info attached to every ticket (the policy asks for the browser version). */
import * as z from 'zod/mini';

const size = z.object({ width: z.int().check(z.nonnegative()), height: z.int().check(z.nonnegative()) });
const shortText = (max: number) => z.string().check(z.maxLength(max));

/** The normalised browser and device description. */
export const browserInfoSchema = z.lazy(() => z.object({
  userAgent: shortText(1000),
  browser: z.object({ name: shortText(60), version: shortText(40) }),
  os: z.object({ name: shortText(60), version: shortText(40) }),
  mobile: z.boolean(),
  language: shortText(40),
  languages: z.array(shortText(40)).check(z.maxLength(20)),
  timeZone: shortText(80),
  viewport: size,
  screen: size,
  pixelRatio: z.number().check(z.positive(), z.lte(10)),
  cookiesEnabled: z.optional(z.boolean()),
  online: z.optional(z.boolean()),
  pageUrl: z.optional(shortText(2000)),
}));
/** Browser info as sent with a ticket. */
export type BrowserInfo = z.infer<typeof browserInfoSchema>;
