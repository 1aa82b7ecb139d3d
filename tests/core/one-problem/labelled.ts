/** The labelled one-problem corpus in JSON: a tuning set the rules may be changed against, and a held-out set. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';

/** One labelled description: its true number of problems, the voice and category it was written in, its shape. */
export const labelledCaseSchema = z.object({
  id: z.string(),
  text: z.string(),
  problems: z.int().check(z.positive()),
  role: z.string(),
  category: z.string(),
  shape: z.string(),
});
/** One labelled description. */
export type LabelledCase = z.infer<typeof labelledCaseSchema>;

/** The two sets: `tuning` may guide changes to the rules; `holdout` is only ever measured. */
export type CorpusSet = 'tuning' | 'holdout';

/** Reads one set from tests/core/one-problem/corpus/<set>.json. */
export function loadCorpus(set: CorpusSet): LabelledCase[] {
  const url = new URL(`./corpus/${set}.json`, import.meta.url);
  return z.array(labelledCaseSchema).parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')));
}
