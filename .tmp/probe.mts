import { buildApp } from '/work/wt-h20/src/http/app.js';
import { connectPglite } from '/work/wt-h20/src/store/database.js';
import { migrateToLatest } from '/work/wt-h20/src/store/migrate.js';
import { createDomainPlanner } from '/work/wt-h20/src/service/domain-planner.js';
import http from 'node:http';
const h = await connectPglite('memory://'); await migrateToLatest(h.db);
const app = await buildApp({ db: h.db, planner: createDomainPlanner() });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const u = new URL(base);
function raw(path: string, headers: Record<string,string> = {}, method='GET', body?: string): Promise<string> {
  return new Promise((res) => { const r = http.request({ host: u.hostname, port: u.port, path, method, headers }, (x) => { let b=''; x.on('data',(c)=>b+=c); x.on('end',()=>res(`${x.statusCode} ${JSON.stringify(x.headers['content-type'])} ${x.headers.allow ?? ''} ${b.slice(0,160)}`)); }); r.on('error', (e)=>res('ERR '+e.message)); if (body) r.write(body); r.end(); });
}
console.log('badurl', await raw('/plans/%zz'));
console.log('longparam', await raw('/plans/' + 'a'.repeat(500)));
console.log('longurl', await raw('/plans?x=' + 'a'.repeat(20000)));
console.log('bighdr', await raw('/plans', { 'x-big': 'a'.repeat(20000) }));
console.log('static403', await raw('/ui/../package.json'));
console.log('static403b', await raw('/ui/%2e%2e/package.json'));
console.log('dotfile', await raw('/ui/.hidden'));
console.log('gzip', await raw('/plans', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'POST', '{}'));
console.log('ver1.5', await raw('/plans/00000000-0000-4000-8000-000000000000/versions/1.5'));
console.log('ver0x1', await raw('/plans/00000000-0000-4000-8000-000000000000/versions/0x1'));
console.log('limit1.5', await raw('/plans?limit=1.5'));
console.log('limit0x1', await raw('/plans?limit=0x1'));
console.log('limit 1e1', await raw('/plans?limit=1e1'));
console.log('405', await raw('/plans', {}, 'PUT'));
console.log('adminkeys', await raw('/admin/keys'));
await app.close(); await h.close();
