import { checkOneProblem } from './src/core/one-problem';
import { loadCorpus } from './tests/core/one-problem/labelled';
for (const c of loadCorpus('tuning')) {
  const r = checkOneProblem(c.text);
  if (r.parts.length > 1 && c.problems === 1) console.log(c.id, c.shape, JSON.stringify(r.markers), JSON.stringify(c.text).slice(0, 260));
}
