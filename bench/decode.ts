/**
 * Decode speed at 10,000 phases: the serial schedule generation scheme as it was before issue 15's
 * large-plan work (kept in test/support/reference-sgs) against the current one, in one process,
 * interleaved so that machine load hits both alike. Checks that both give the same schedules.
 * Also the resource flow derived from the schedule (flow.ts), before and after, the same way, and
 * the justification passes' ordering by start time (a comparator sort before, the radix sort of
 * the eighth to thirteenth passes, kept in test/support/reference-radix-sort.ts, and today's bucket
 * sort in sortedBy), and drawing one sampled list (the scan of every
 * draw, kept in test/support/reference-sampling.ts, against RegretSampler's tree).
 *
 *   npm run bench:decode
 *
 * Environment: LARGE_PHASES, LARGE_TEAMS, LARGE_SEED, LARGE_DURATIONS as for bench:large;
 * DECODE_LISTS lists per round (default 10), DECODE_ROUNDS rounds (default 5).
 */
import { criticalPath } from '../src/domain/cpm.js';
import { normalise } from '../src/domain/input.js';
import { seededRandom } from '../src/domain/random.js';
import { buildProblem } from '../src/domain/schedule/problem.js';
import { resourceFlow } from '../src/domain/schedule/flow.js';
import { sampledList } from '../src/domain/schedule/rules.js';
import { sortedBy } from '../src/domain/schedule/justify.js';
import { emptyDecoded, SerialSgs, type Decoded } from '../src/domain/schedule/sgs.js';
import { referenceSortedBy } from '../test/support/reference-radix-sort.js';
import { resourceFlow as referenceFlow } from '../test/support/reference-sgs/flow.js';
import { SerialSgs as ReferenceSgs } from '../test/support/reference-sgs/sgs.js';
import { referenceSampledList } from '../test/support/reference-sampling.js';
import { largeInput } from './large.js';

const LISTS = Number(process.env.DECODE_LISTS ?? 10);
const ROUNDS = Number(process.env.DECODE_ROUNDS ?? 5);

function cpuMs(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

function same(a: Decoded, b: Decoded): boolean {
  if (a.makespan !== b.makespan || a.imbalance !== b.imbalance || a.skillMatch !== b.skillMatch) return false;
  for (let j = 0; j < a.start.length; j++) if (a.start[j] !== b.start[j] || a.team[j] !== b.team[j]) return false;
  return true;
}

function main(): void {
  const p = buildProblem(normalise(largeInput()));
  const cpm = criticalPath(p, p.duration);
  const rng = seededRandom(1);
  const lists = Array.from({ length: LISTS }, () => sampledList(p, cpm.lf, rng));
  type Decoder = { decode(list: ArrayLike<number>, out: Decoded, teams?: Int32Array, mirror?: boolean): Decoded };
  const decoders: [string, Decoder][] = [
    ['before', new ReferenceSgs(p)],
    ['after', new SerialSgs(p)],
  ];
  const outs = decoders.map(() => lists.map(() => emptyDecoded(p.n)));
  const mirrored = decoders.map(() => lists.map(() => emptyDecoded(p.n)));
  const ms = decoders.map(() => 0);
  // A forward decode, then the backward (mirrored, teams kept) decode justification runs on it.
  const pass = (d: Decoder, i: number) =>
    lists.forEach((l, k) => {
      const out = d.decode(l, outs[i]![k]!);
      mirrored[i]![k]!.makespan = out.makespan;
      const back = Int32Array.from(l).reverse();
      d.decode(back, mirrored[i]![k]!, out.team, true);
    });
  decoders.forEach(([, d], i) => pass(d, i)); // warm-up
  for (let r = 0; r < ROUNDS; r++) decoders.forEach(([, d], i) => (ms[i]! += cpuMs(() => pass(d, i))));
  const decodes = ROUNDS * LISTS * 2;
  const identical = lists.every((_, k) => same(outs[0]![k]!, outs[1]![k]!) && same(mirrored[0]![k]!, mirrored[1]![k]!));
  console.log(`Decode at ${p.n} phases, ${p.teamCount} teams: ${decodes} decodes each (forward + mirrored), CPU time`);
  decoders.forEach(([name], i) => console.log(`  ${name.padEnd(7)} ${(ms[i]! / decodes).toFixed(2)} ms per decode`));
  console.log(`  speed-up ${(ms[0]! / ms[1]!).toFixed(2)}×; schedules identical: ${identical ? 'yes' : 'NO'}`);
  if (!identical) process.exitCode = 1;

  const s = outs[1]![0]!;
  const flows: [string, typeof resourceFlow][] = [
    ['before', referenceFlow],
    ['after', resourceFlow],
  ];
  const flowMs = flows.map(() => 0);
  const edges = flows.map(([, f]) => f(p, s.start, s.finish, s.team)); // also the warm-up
  for (let r = 0; r < ROUNDS; r++) flows.forEach(([, f], i) => (flowMs[i]! += cpuMs(() => f(p, s.start, s.finish, s.team))));
  const sameFlow = JSON.stringify(edges[0]) === JSON.stringify(edges[1]);
  console.log(`Resource flow of one schedule (${edges[1]!.length} edges), ${ROUNDS} runs each, CPU time`);
  flows.forEach(([name], i) => console.log(`  ${name.padEnd(7)} ${(flowMs[i]! / ROUNDS).toFixed(1)} ms`));
  console.log(`  speed-up ${(flowMs[0]! / flowMs[1]!).toFixed(2)}×; edges identical: ${sameFlow ? 'yes' : 'NO'}`);
  if (!sameFlow) process.exitCode = 1;

  // The justification passes' lists: by finish, then start, then topological position, all descending
  // (the backward pass), and by start, then finish, then topological position (the forward pass).
  const topo = new Int32Array(p.n);
  p.order.forEach((j, k) => (topo[j] = k));
  const backward = (a: number, b: number) => s.finish[b]! - s.finish[a]! || s.start[b]! - s.start[a]! || topo[b]! - topo[a]!;
  const forward = (a: number, b: number) => s.start[a]! - s.start[b]! || s.finish[a]! - s.finish[b]! || topo[a]! - topo[b]!;
  const both = (sort: (first: Float64Array, second: Float64Array, descending: boolean) => Int32Array) => {
    const out = new Int32Array(2 * p.n);
    out.set(sort(s.finish, s.start, true));
    out.set(sort(s.start, s.finish, false), p.n);
    return out;
  };
  const orders: [string, () => Int32Array][] = [
    ['before', () => both((_f, _s, descending) => Int32Array.from(Array.from({ length: p.n }, (_, j) => j).sort(descending ? backward : forward)))],
    ['radix', () => both((first, second, descending) => referenceSortedBy(first, second, topo, descending))],
    ['after', () => both((first, second, descending) => sortedBy(first, second, topo, descending))],
  ];
  const made = orders.map(([, f]) => f()); // also the warm-up
  const orderMs = orders.map(() => 0);
  for (let r = 0; r < ROUNDS * 10; r++) orders.forEach(([, f], i) => (orderMs[i]! += cpuMs(f)));
  const sameOrder = made.every((m) => m.every((j, k) => j === made[0]![k]));
  console.log(`Ordering one schedule's phases for both justification passes, ${ROUNDS * 10} runs each, CPU time`);
  orders.forEach(([name], i) => console.log(`  ${name.padEnd(8)} ${(orderMs[i]! / (ROUNDS * 10)).toFixed(2)} ms`));
  const last = orders.length - 1;
  console.log(`  speed-up ${(orderMs[0]! / orderMs[last]!).toFixed(2)}× (over radix: ${(orderMs[1]! / orderMs[last]!).toFixed(2)}×); order identical: ${sameOrder ? 'yes' : 'NO'}`);
  if (!sameOrder) process.exitCode = 1;

  // Sampling: the lists differ (the tree maps a random number to another phase of the same law), so only time is compared.
  const samplers: [string, typeof sampledList][] = [
    ['before', referenceSampledList],
    ['after', sampledList],
  ];
  const sampleMs = samplers.map(() => 0);
  samplers.forEach(([, f]) => f(p, cpm.lf, seededRandom(1))); // warm-up
  for (let r = 0; r < ROUNDS; r++) samplers.forEach(([, f], i) => (sampleMs[i]! += cpuMs(() => f(p, cpm.lf, seededRandom(r + 2)))));
  console.log(`Drawing one sampled list (regret-based biased random sampling), ${ROUNDS} lists each, CPU time`);
  samplers.forEach(([name], i) => console.log(`  ${name.padEnd(7)} ${(sampleMs[i]! / ROUNDS).toFixed(2)} ms`));
  console.log(`  speed-up ${(sampleMs[0]! / sampleMs[1]!).toFixed(2)}×`);
}

main();
