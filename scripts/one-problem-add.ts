/**
 * Adds a batch of labelled descriptions written apart from the project (by someone who saw neither the rules nor
 * the corpus) to the one-problem corpus. Before anything joins, the check is measured once on the whole batch
 * (aggregates only: the texts are not printed, a third of them are going to the held-out set). Then the batch is
 * split by position, before any of it is looked at: every third text to the held-out set, the rest to tuning.
 *
 *   npx tsx scripts/one-problem-add.ts <prefix> <batch.json> [<batch.json> …]   (--dry: measure, write nothing)
 *
 * A batch is a JSON array of { text, problems, role, category, shape }; ids are `<prefix>-<n>`, numbered on from
 * the prefix's last id in the corpus. Texts already in the corpus (the same words, ignoring case and spacing)
 * are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { CATEGORIES } from '../src/core/categories';
import { LMS_ROLES } from '../src/core/schemas/roles';
import { type LabelledCase, labelledCaseSchema, loadCorpus } from '../tests/core/one-problem/labelled';
import { formatMetrics, measure } from '../tests/core/one-problem/metrics';

const batchSchema = z.array(
  z.object({
    text: z.string().check(z.minLength(3)),
    problems: z.int().check(z.positive(), z.lte(6)),
    role: z.enum(LMS_ROLES),
    category: z.enum(CATEGORIES),
    shape: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  }),
);

const [prefix, ...files] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (prefix === undefined || !/^[a-z]+$/.test(prefix) || files.length === 0) {
  console.error('usage: npx tsx scripts/one-problem-add.ts <prefix> <batch.json> [<batch.json> …] [--dry]');
  process.exit(2);
}

const tuning = loadCorpus('tuning');
const holdout = loadCorpus('holdout');
const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const seen = new Set([...tuning, ...holdout].map((c) => key(c.text)));
const taken = [...tuning, ...holdout].flatMap((c) => (c.id.startsWith(`${prefix}-`) ? [Number(c.id.slice(prefix.length + 1))] : []));
let next = Math.max(0, ...taken) + 1;

const added: LabelledCase[] = [];
for (const file of files) {
  const batch = batchSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  let repeated = 0;
  for (const item of batch) {
    if (seen.has(key(item.text))) {
      repeated += 1;
      continue;
    }
    seen.add(key(item.text));
    added.push(labelledCaseSchema.parse({ id: `${prefix}-${String(next).padStart(3, '0')}`, ...item }));
    next += 1;
  }
  const m = measure(batch);
  console.log(formatMetrics(`${file}, measured once before joining`, batch.length, m) + (repeated > 0 ? `; ${repeated} already in the corpus` : ''));
}
console.log(formatMetrics('the whole batch, measured once before joining', added.length, measure(added)));

const toHoldout = added.filter((_, i) => i % 3 === 2);
const toTuning = added.filter((_, i) => i % 3 !== 2);
console.log(`${toTuning.length} to tuning, ${toHoldout.length} to held-out`);
if (!process.argv.includes('--dry')) {
  const write = (set: 'tuning' | 'holdout', cases: LabelledCase[]) =>
    writeFileSync(fileURLToPath(new URL(`../tests/core/one-problem/corpus/${set}.json`, import.meta.url)), `${JSON.stringify(cases, null, 2)}\n`);
  write('tuning', [...tuning, ...toTuning]);
  write('holdout', [...holdout, ...toHoldout]);
}
