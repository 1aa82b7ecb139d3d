/** Prints the parts and markers the check finds for the tuning set's wrong decisions (never the held-out set's). */
import { checkOneProblem } from '../src/core/one-problem';
import { loadCorpus } from '../tests/core/one-problem/labelled';

for (const c of loadCorpus('tuning')) {
  const r = checkOneProblem(c.text);
  if (r.parts.length > 1 === c.problems > 1) continue;
  console.log(`${c.id} (${c.problems}, ${c.shape}) markers=${JSON.stringify(r.markers)}`);
  if (r.parts.length > 1) for (const p of r.parts) console.log(`   | ${JSON.stringify(p)}`);
}
