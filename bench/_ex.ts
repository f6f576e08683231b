import { readFileSync } from 'node:fs';
import { planProject } from '../src/domain/plan.js';
const ex = JSON.parse(readFileSync('examples/web-product.json','utf8'));
const p = planProject(ex).artifacts['execution-plan.json'];
console.log(JSON.stringify(p.success_criteria.map(c=>[c.criterion,c.value,c.met])));
for (const i of p.recommendations.items) console.log(JSON.stringify({d:i.description,t:i.targets,m:i.makespan_days,s:i.saved_days,u:i.utilisation_percent}));
console.log(JSON.stringify({...p.recommendations, items: undefined, method: undefined}));
