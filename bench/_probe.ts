import { readFileSync } from 'node:fs';
import { computePlan } from '../src/domain/engine.js';
import { parsePsplib, psplibToPlanInput } from '../src/importers/psplib.js';
const names = process.argv.slice(2);
for (const name of names) {
  const set = name.match(/^j(30|60|90|120)/)![0];
  const inst = parsePsplib(readFileSync(`/work/shared/psplib/${set}/${name}.sm`, 'utf8'));
  const input = { ...psplibToPlanInput(inst, name), planning: { timeBudgetMs: 60000, iterations: Number(process.env.IT ?? 5000), seed: 1 } };
  const r = computePlan(input as never, {});
  console.log(name, r.schedule.makespan, r.bounds.criticalPath, r.search.evaluated, r.search.generations, r.search.origin);
}
