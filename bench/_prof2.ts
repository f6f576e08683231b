import { computePlan } from '../src/domain/engine.js';
import { applyChanges } from '../src/domain/advisor/changes.js';
import { candidateChanges } from '../src/domain/advisor/recommendations.js';
import { successCriteria, deadlineFacts } from '../src/domain/advisor/criteria.js';
process.env.LARGE_PHASES ??= '1000';
process.env.LARGE_TEAMS ??= '10';
const { largeInput } = await import('./large.js');
const input = process.env.EX ? JSON.parse((await import('node:fs')).readFileSync('examples/web-product.json','utf8')) : largeInput();
const clock = () => performance.now();
let t = clock();
const r = computePlan(input, {});
console.log('base', (clock() - t).toFixed(0), r.schedule.makespan, r.bounds.best, r.cpm.length, r.search);
const c = successCriteria(r, undefined, deadlineFacts(r, r.calendar));
console.log(c.filter(x=>!x.met).map(x=>x.criterion));
for (const cand of candidateChanges(input, r, c.filter(x=>!x.met).map(x=>x.criterion))) {
  t = clock();
  const n = computePlan(applyChanges(input, cand.change), {});
  console.log(JSON.stringify(cand.change), (clock() - t).toFixed(0), n.schedule.makespan.toFixed(2), n.bounds.best.toFixed(2), n.search.evaluated, n.search.generations, n.search.origin, n.search.initialMakespan.toFixed(2));
}
