import { WorkCalendar } from './calendar.js';
import type { Estimate, PlanResult } from './model.js';
import { pertShape, type MonteCarloResult } from './montecarlo.js';
import { areasOverlap, normaliseArea } from './tracking/areas.js';

export type RiskCategory =
  | 'critical_path'
  | 'bottleneck'
  | 'skill_single_point_of_failure'
  | 'shared_infrastructure'
  | 'coordination_capacity'
  | 'merge_conflict'
  | 'schedule_uncertainty'
  | 'deadline'
  | 'team_overload';

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface Risk {
  /** risk_001, risk_002, … in register order (highest score first). */
  id: string;
  category: RiskCategory;
  title: string;
  /** The facts behind the risk, with their numbers. */
  description: string;
  /** Phase ids concerned. */
  phases: string[];
  /** Team ids concerned. */
  teams: string[];
  /** Skills concerned (single-point-of-failure risks: the skills only the team holds, or the combination only it covers). */
  skills?: string[];
  /** 0..1, computed from the plan and the simulation (see `basis`). */
  probability: number;
  /** 1..5, from impactDays relative to the makespan (see impactClass), or as `basis` says. */
  impact: number;
  /** Working days the risk can cost when it happens. */
  impactDays: number;
  /** probability × impact, 0..5. */
  score: number;
  level: RiskLevel;
  /** How probability and impact were computed. */
  basis: string;
  detection: { method: string; earlyWarningSigns: string[] };
  prevention: string[];
  response: string[];
  contingency: string;
}

const EPS = 1e-6;
/** Detected risks per category are capped so that a large plan yields a register people read. */
const MAX_PER_CATEGORY = { critical_path: 5, bottleneck: 5, coordination_capacity: 5, merge_conflict: 10 } as const;
/** Thresholds of the detectors. */
export const RISK_THRESHOLDS = {
  /** Criticality index from which a low-slack phase counts as critical. */
  criticality: 0.3,
  /** Low slack: at most this many working days, or this share of the phase's duration if larger. */
  lowSlackDays: 1,
  lowSlackShare: 0.1,
  /** Share of all phases a phase must block (transitively) to count as a bottleneck. */
  blockingShare: 0.25,
  infrastructurePeak: 0.8,
  teamUtilisation: 0.85,
  /** A deadline met in fewer samples than this is a risk. */
  deadlineConfidence: 0.95,
  /** Share of samples missing the planned makespan from which the spread is a risk. */
  planMissShare: 0.2,
} as const;

/** Impact class 1..5 of a delay relative to the makespan: < 1 %, ≥ 1 %, ≥ 2 %, ≥ 5 %, ≥ 10 %. */
export function impactClass(days: number, makespan: number): number {
  const share = makespan > 0 ? days / makespan : days > 0 ? 1 : 0;
  return share >= 0.1 ? 5 : share >= 0.05 ? 4 : share >= 0.02 ? 3 : share >= 0.01 ? 2 : 1;
}

/** Level from score = probability × impact (0..5). */
export function riskLevel(score: number): RiskLevel {
  return score >= 3 ? 'critical' : score >= 1.8 ? 'high' : score >= 0.8 ? 'medium' : 'low';
}

/** Distribution helpers for a phase's PERT-beta estimate (numerical CDF of Beta(α, β)). */
class PertDistribution {
  private readonly cdf: Float64Array;
  private static readonly GRID = 512;

  constructor(private readonly e: Estimate) {
    const grid = PertDistribution.GRID;
    this.cdf = new Float64Array(grid + 1);
    if (e.pessimistic - e.optimistic <= 1e-12) return;
    const { alpha, beta } = pertShape(e);
    const density = (x: number) => (x <= 0 || x >= 1 ? (x <= 0 ? (alpha === 1 ? 1 : 0) : beta === 1 ? 1 : 0) : Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1));
    let prev = density(0);
    for (let i = 1; i <= grid; i++) {
      const cur = density(i / grid);
      this.cdf[i] = this.cdf[i - 1]! + (prev + cur) / 2;
      prev = cur;
    }
    const total = this.cdf[grid]!;
    for (let i = 0; i <= grid; i++) this.cdf[i] = this.cdf[i]! / total;
  }

  /** P(duration > x). */
  exceeds(x: number): number {
    const { optimistic: o, pessimistic: p, likely } = this.e;
    if (p - o <= 1e-12) return x < likely - EPS ? 1 : 0;
    if (x <= o) return 1;
    if (x >= p) return 0;
    const t = ((x - o) / (p - o)) * PertDistribution.GRID;
    const i = Math.floor(t);
    const c = this.cdf[i]! + (this.cdf[Math.min(PertDistribution.GRID, i + 1)]! - this.cdf[i]!) * (t - i);
    return 1 - c;
  }

  /** The q-quantile of the duration. */
  quantile(q: number): number {
    const { optimistic: o, pessimistic: p, likely } = this.e;
    if (p - o <= 1e-12) return likely;
    let i = 0;
    while (i < PertDistribution.GRID && this.cdf[i + 1]! < q) i++;
    const span = this.cdf[i + 1]! - this.cdf[i]!;
    const frac = span > 0 ? (q - this.cdf[i]!) / span : 0;
    return o + ((p - o) * (i + Math.min(1, Math.max(0, frac)))) / PertDistribution.GRID;
  }
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number) => String(Math.round(x * 10) / 10);
const days = (x: number, working = false) => `${fmt(x)} ${working ? 'working ' : ''}day${fmt(x) === '1' ? '' : 's'}`;
const pct = (x: number) => `${Math.round(x * 100)} %`;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const list = (xs: string[], max = 6) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);
const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

type Draft = Omit<Risk, 'id' | 'impact' | 'score' | 'level'> & { impact?: number };

/**
 * The risk register, detected from the plan's facts and the Monte Carlo simulation — nothing is
 * listed that the plan does not show:
 *  (a) critical_path — phases with little slack that are on a longest path in many samples;
 *  (b) bottleneck — phases that a quarter or more of the plan transitively waits for;
 *  (c) skill_single_point_of_failure — skills some phase needs that only one team holds;
 *  (d) shared_infrastructure — pools used at ≥ 80 % of capacity, or that made phases queue;
 *  (e) coordination_capacity — waves running more phases at once than the coordination
 *      capacity (maxConcurrentSessions, else the number of teams);
 *  (f) merge_conflict — phases of one wave, or overlapping in time, touching the same area;
 *  (g) schedule_uncertainty and deadline — the spread of the simulated completion;
 *  (h) team_overload — teams loaded at ≥ 85 % of their capacity over the makespan.
 * Each risk's `basis` states how its probability and impact were computed. Sorted by score
 * (then impact days, category, title); ids follow that order.
 */
export function riskRegister(result: PlanResult & { calendar?: WorkCalendar }, mc: MonteCarloResult): Risk[] {
  const { project, schedule, metrics, cpm } = result;
  const { phases, teams } = project;
  const n = phases.length;
  const makespan = schedule.makespan;
  const calendar = result.calendar ?? new WorkCalendar(project.startDate, project.calendar);
  const completed = new Set(result.replan?.completed ?? []);
  const start = schedule.start;
  const finish = schedule.finish;
  const dur = (j: number) => finish[j]! - start[j]!;
  const label = (j: number) => `"${phases[j]!.name}" (${phases[j]!.id})`;
  const teamOf = (j: number) => schedule.team[j]!;
  const teamName = (t: number) => teams[t]!.name;
  const teamLabel = (t: number) => (teams[t]!.name === teams[t]!.id ? teams[t]!.id : `${teams[t]!.name} (${teams[t]!.id})`);
  const ranOn = (j: number) => (teamOf(j) >= 0 ? `, ${teamName(teamOf(j))}` : '');
  const startDate = (j: number) => calendar.dateOf(start[j]!);
  const finishDate = (j: number) => calendar.finishDate(start[j]!, finish[j]!);
  const dateAt = (day: number) => calendar.finishDate(0, day);
  const ci = mc.criticalityIndex;
  const dist = new Map<number, PertDistribution>();
  const pert = (j: number) => {
    let d = dist.get(j);
    if (!d) dist.set(j, (d = new PertDistribution(phases[j]!.estimate)));
    return d;
  };
  /** How far the 90th-percentile duration of the estimate exceeds the planned (PERT expected) duration. */
  const p90Overrun = (j: number) => Math.max(0, pert(j).quantile(0.9) - phases[j]!.duration);
  const drafts: Draft[] = [];

  // (a) Critical phases with little slack.
  {
    const candidates = phases
      .filter((p) => !completed.has(p.index) && dur(p.index) > EPS)
      .map((p) => p.index)
      .filter((j) => ci[j]! >= RISK_THRESHOLDS.criticality && result.scheduleSlack[j]! <= Math.max(RISK_THRESHOLDS.lowSlackDays, RISK_THRESHOLDS.lowSlackShare * dur(j)) + EPS)
      .map((j) => {
        const slack = result.scheduleSlack[j]!;
        const overrunProbability = pert(j).exceeds(phases[j]!.duration + slack);
        // probability = criticality index × P(duration > planned + schedule slack) from the PERT-beta:
        // the phase both overruns what its slack absorbs and sits on the longest path.
        const probability = ci[j]! * overrunProbability;
        // impact days = 90th-percentile duration − planned − slack: what the overrun can add to the makespan.
        const impactDays = Math.max(0, pert(j).quantile(0.9) - phases[j]!.duration - slack);
        return { j, slack, probability, overrunProbability, impactDays };
      })
      .filter((c) => c.probability >= 0.05 && c.impactDays > EPS)
      .sort((a, b) => b.probability * b.impactDays - a.probability * a.impactDays || a.j - b.j);
    const total = candidates.length;
    for (const c of candidates.slice(0, MAX_PER_CATEGORY.critical_path)) {
      const { j, slack } = c;
      const p = phases[j]!;
      const t = teamOf(j);
      const preds = p.dependencies.map((d) => label(d));
      const others = project.eligibleTeams[j]!.filter((e) => e !== t);
      drafts.push({
        category: 'critical_path',
        title: `Critical phase ${label(j)} has ${days(slack)} of slack`,
        description:
          `${label(j)} runs days ${fmt(start[j]!)}–${fmt(finish[j]!)} (${startDate(j)} to ${finishDate(j)}${ranOn(j)}) with ${days(slack, true)} of schedule slack ` +
          `(CPM total slack ${fmt(cpm.totalSlack[j]!)}); it is on a longest path in ${pct(ci[j]!)} of ${mc.iterations} simulations. ` +
          `Its estimate (${fmt(p.estimate.optimistic)}/${fmt(p.estimate.likely)}/${days(p.estimate.pessimistic)}) overruns the planned ${days(p.duration)} plus slack with probability ${pct(c.overrunProbability)}; ` +
          `at its 90th percentile it would move the completion (planned ${mc.completionDates.planned}) by ${days(c.impactDays, true)}.` +
          (total > MAX_PER_CATEGORY.critical_path ? ` One of ${total} critical low-slack phases.` : ''),
        phases: [p.id],
        teams: t >= 0 ? [teams[t]!.id] : [],
        probability: c.probability,
        impactDays: c.impactDays,
        basis: 'probability = criticality index × P(duration > planned + schedule slack) under the PERT-beta estimate; impact days = P90 duration − planned − slack; impact class from impact days / makespan',
        detection: {
          method: `Daily remaining-work estimate for ${p.id} against its planned finish on day ${fmt(finish[j]!)} (${finishDate(j)})`,
          earlyWarningSigns: [
            `${p.id} not started on ${startDate(j)}`,
            `Remaining work on ${p.id} above ${days(p.duration / 2)} at its midpoint (day ${fmt(start[j]! + p.duration / 2)})`,
            ...(preds.length > 0 ? [`A predecessor finishes late: ${list(preds, 4)}`] : []),
            `Criticality index of ${p.id} above ${pct(ci[j]!)} in the next re-plan`,
          ],
        },
        prevention: [
          `Confirm ${p.id}'s inputs${preds.length > 0 ? ` from ${list(p.dependencies.map((d) => phases[d]!.id), 4)}` : ''} before ${startDate(j)} so it starts on time`,
          t >= 0 ? `Keep ${teamName(t)}'s ${plural(p.teamSize, 'person', 'people')} on ${p.id} free of other work from ${startDate(j)} to ${finishDate(j)}` : `Protect ${p.id}'s window ${startDate(j)}–${finishDate(j)}`,
          `Split ${p.id} or narrow its scope so that the pessimistic case (${days(p.estimate.pessimistic)}) shrinks`,
        ],
        response: [
          others.length > 0
            ? `Add capacity from ${list(others.map(teamName), 3)} (also eligible for ${p.id}) as soon as it runs behind`
            : `Escalate at the first slipped day: no other team holds the skills ${p.id} needs (${list(p.skills, 4) || 'none listed'})`,
          `Re-plan with progress to re-sequence the phases after ${p.id}`,
        ],
        contingency: `Accept the slip: each working day ${p.id} runs beyond its ${days(slack)} of slack moves the completion from ${mc.completionDates.planned}; the P80 completion is ${mc.completionDates.p80}.`,
      });
    }
  }

  // (b) Phases that block many others.
  {
    const threshold = Math.max(2, Math.ceil(RISK_THRESHOLDS.blockingShare * n));
    const candidates = phases
      .map((p) => p.index)
      .filter((j) => !completed.has(j) && result.descendants[j]! >= threshold && mc.lateFinishProbability[j]! > 0)
      .sort((a, b) => result.descendants[b]! - result.descendants[a]! || mc.lateFinishProbability[b]! - mc.lateFinishProbability[a]! || a - b);
    const total = candidates.length;
    for (const j of candidates.slice(0, MAX_PER_CATEGORY.bottleneck)) {
      const p = phases[j]!;
      const blocked = result.descendants[j]!;
      const t = teamOf(j);
      const direct = p.dependents.map((d) => phases[d]!.id);
      const overrun = p90Overrun(j);
      drafts.push({
        category: 'bottleneck',
        title: `${label(j)} blocks ${blocked} of ${n} phases`,
        description:
          `${blocked} phases (${pct(blocked / n)} of the plan) depend on ${label(j)} directly or transitively, ${plural(direct.length, 'of them directly', 'of them directly')} (${list(direct, 5)}). ` +
          `It is planned for days ${fmt(start[j]!)}–${fmt(finish[j]!)} (${startDate(j)} to ${finishDate(j)}${ranOn(j)}) and finishes after its planned finish in ${pct(mc.lateFinishProbability[j]!)} of the simulations; ` +
          `its P90 overrun is ${days(overrun)}, passed on to everything behind it.` +
          (total > MAX_PER_CATEGORY.bottleneck ? ` One of ${total} phases blocking ≥ ${pct(RISK_THRESHOLDS.blockingShare)} of the plan.` : ''),
        phases: [p.id],
        teams: t >= 0 ? [teams[t]!.id] : [],
        probability: mc.lateFinishProbability[j]!,
        impact: clamp(Math.round(1 + (4 * blocked) / n), 1, 5),
        impactDays: overrun,
        basis: 'probability = share of simulations in which the phase finishes after its planned finish; impact = round(1 + 4 × blocked phases / all phases); impact days = P90 duration − planned',
        detection: {
          method: `Track ${p.id}'s finish against day ${fmt(finish[j]!)}; its dependents' start dates follow it`,
          earlyWarningSigns: [
            `${p.id} behind plan at its midpoint (${calendar.dateOf(start[j]! + dur(j) / 2)})`,
            `Open questions or rework requests on ${p.id}'s interface from ${list(direct, 3)}`,
            `${p.id} still running on ${finishDate(j)}`,
          ],
        },
        prevention: [
          `Publish ${p.id}'s interfaces (contracts, schemas, stubs) early so that ${list(direct, 3)} can start against them`,
          `Give ${p.id} the first pick of people and review time${t >= 0 ? ` in ${teamName(t)}` : ''}`,
          `Split ${p.id} so that the part its ${direct.length} direct dependents need lands first`,
        ],
        response: [`Let ${list(direct, 3)} start on stubs while ${p.id} finishes`, `Re-plan with progress the day ${p.id} slips, to re-order the ${blocked} waiting phases`],
        contingency: `If ${p.id} slips by more than ${days(Math.max(overrun, 1))}, cut scope of ${p.id} to what its direct dependents need and move the rest to a later phase.`,
      });
    }
  }

  // (c) Skills only one team holds, and phases only one team can run (their skill combination or size).
  {
    const holders = new Map<string, number[]>();
    for (const t of teams) for (const s of t.skills) holders.set(s, [...(holders.get(s) ?? []), t.index]);
    const exclusive = new Map<number, Map<string, number[]>>(); // team → skill only it holds → phases needing it
    const onlyEligible = new Map<number, number[]>(); // team → other phases no other team may run
    for (const p of phases) {
      if (completed.has(p.index)) continue;
      let viaSkill = false;
      for (const s of p.skills) {
        const h = holders.get(s) ?? [];
        if (h.length !== 1) continue;
        const t = h[0]!;
        const bySkill = exclusive.get(t) ?? new Map<string, number[]>();
        bySkill.set(s, [...(bySkill.get(s) ?? []), p.index]);
        exclusive.set(t, bySkill);
        viaSkill = true;
      }
      const eligible = project.eligibleTeams[p.index]!;
      if (!viaSkill && eligible.length === 1) onlyEligible.set(eligible[0]!, [...(onlyEligible.get(eligible[0]!) ?? []), p.index]);
    }
    const concerned = [...new Set([...exclusive.keys(), ...onlyEligible.keys()])].sort((a, b) => a - b);
    for (const t of concerned) {
      const team = teams[t]!;
      const bySkill = exclusive.get(t) ?? new Map<string, number[]>();
      const skills = [...bySkill.keys()].sort();
      const combo = onlyEligible.get(t) ?? [];
      const pending = [...new Set([...[...bySkill.values()].flat(), ...combo])].sort((a, b) => start[a]! - start[b]! || a - b);
      const ids = pending.map((j) => phases[j]!.id);
      const load = metrics.teamLoads[t]!;
      const maxCi = Math.max(...pending.map((j) => ci[j]!));
      // probability = (team utilisation + highest criticality index among these phases) / 2, in [0.05, 0.95]:
      // a busy team has less room to absorb an absence, and a critical phase turns any absence into delay.
      const probability = clamp((load.utilisation + maxCi) / 2, 0.05, 0.95);
      // impact days = Σ criticality index × planned duration over these phases: the critical work no one else can take over.
      const impactDays = pending.reduce((a, j) => a + ci[j]! * dur(j), 0);
      const work = pending.reduce((a, j) => a + dur(j), 0);
      // The team whose skills cover most of what these phases need: the one to cross-train.
      const needed = [...new Set(pending.flatMap((j) => phases[j]!.skills))];
      const backup = teams
        .filter((o) => o.index !== t)
        .map((o) => ({ o, covered: needed.filter((s) => o.skills.includes(s)).length }))
        .sort((a, b) => b.covered - a.covered || a.o.index - b.o.index)[0];
      const skillText = skills.map((s) => `${s} (needed by ${list(bySkill.get(s)!.map((j) => phases[j]!.id), 4)})`).join('; ');
      const comboText = combo
        .map((j) => {
          const p = phases[j]!;
          const skilled = teams.filter((o) => p.skills.every((s) => o.skills.includes(s)));
          return skilled.length > 1
            ? `${p.id} (needs ${plural(p.teamSize, 'person', 'people')}; only ${team.name} has that capacity)`
            : `${p.id} (needs ${p.skills.join(' + ')} together)`;
        })
        .join('; ');
      const title =
        skills.length > 0 ? `Only ${team.name} holds ${list(skills, 4)}` : `Only ${team.name} can run ${list(ids, 3)}`;
      const facts = [
        ...(skills.length > 0 ? [`${teamLabel(t)} is the only team with skill${skills.length > 1 ? 's' : ''} ${skillText}.`] : []),
        ...(combo.length > 0 ? [`${skills.length > 0 ? 'It' : teamLabel(t)} is also the only team able to run ${comboText}.`] : []),
      ].join(' ');
      const scarce = skills.length > 0 ? list(skills, 3) : list([...new Set(combo.flatMap((j) => phases[j]!.skills))], 3) || 'the capacity these phases need';
      drafts.push({
        category: 'skill_single_point_of_failure',
        title,
        description:
          `${facts} That is ${plural(pending.length, 'phase')} and ${days(work, true)} of work no other team can take over; ` +
          `${pending.length === 1 ? 'its criticality index is' : 'the highest criticality index among them is'} ${pct(maxCi)}, ` +
          `and ${team.name} is loaded at ${pct(load.utilisation)} of its capacity (${team.capacity} of ${team.size} people after buffer and availability).`,
        phases: ids,
        teams: [team.id],
        skills: skills.length > 0 ? skills : [...new Set(combo.flatMap((j) => phases[j]!.skills))].sort(),
        probability,
        impactDays,
        basis: 'probability = (team utilisation + highest criticality index of the phases only this team can run) / 2, clamped to 0.05..0.95; impact days = Σ criticality index × duration of those phases',
        detection: {
          method: `Weekly availability check of ${team.name} against ${list(ids, 4)}`,
          earlyWarningSigns: [
            `Absence, reassignment or overtime in ${team.name}`,
            `${ids[0]} not started by ${startDate(pending[0]!)}`,
            `Questions on ${scarce} queuing for ${team.name}`,
          ],
        },
        prevention: [
          backup && backup.covered > 0
            ? `Pair a member of ${backup.o.name} (holds ${backup.covered} of the ${needed.length} skills these phases need) with ${team.name} on ${ids[0]} to build ${scarce}`
            : `Hire or contract a second holder of ${scarce}`,
          `Document ${scarce} decisions and runbooks as part of ${list(ids, 3)}`,
        ],
        response: [
          `If ${team.name} loses a person, move its other phases to other eligible teams first and keep ${list(ids, 3)} staffed`,
          `Re-plan with the reduced capacity of ${team.name} to see the new critical path`,
        ],
        contingency: `Bring in an external ${scarce} specialist for ${list(ids, 3)}; without one these ${days(work, true)} of work wait for ${team.name}.`,
      });
    }
  }

  // (d) Shared infrastructure at or near capacity, or making phases queue.
  {
    const depReady = (j: number) => {
      let s = result.replan?.asOfDay ?? 0;
      for (const d of phases[j]!.dependencies) s = Math.max(s, finish[d]!);
      return s;
    };
    for (const pool of project.infrastructure) {
      const r = pool.index;
      const peak = metrics.infrastructurePeak[r] ?? 0;
      const users = phases.filter((p) => p.resources.has(r) && dur(p.index) > EPS).map((p) => p.index);
      if (users.length === 0 || pool.capacity <= 0) continue;
      const usage = (t: number, except: number) => {
        let u = 0;
        for (const k of users) if (k !== except && start[k]! <= t + EPS && finish[k]! > t + EPS) u += phases[k]!.resources.get(r)!;
        return u;
      };
      // A phase queued for the pool: ready (dependencies done) before it starts, and the pool was full then.
      const queued = users
        .filter((j) => !completed.has(j))
        .map((j) => ({ j, ready: depReady(j) }))
        .filter(({ j, ready }) => start[j]! > ready + EPS && usage(ready, j) + phases[j]!.resources.get(r)! > pool.capacity + EPS)
        .map(({ j, ready }) => ({ j, ready, wait: start[j]! - ready }));
      if (peak < RISK_THRESHOLDS.infrastructurePeak && queued.length === 0) continue;
      // Share of the pool's busy time spent at ≥ 80 % of its capacity (sweep over the users' intervals).
      const events = users.flatMap((k) => [
        [start[k]!, phases[k]!.resources.get(r)!],
        [finish[k]!, -phases[k]!.resources.get(r)!],
      ]);
      events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
      let level = 0;
      let busy = 0;
      let saturated = 0;
      for (let e = 0; e < events.length; e++) {
        level += events[e]![1]!;
        const next = events[e + 1]?.[0] ?? events[e]![0]!;
        const span = next - events[e]![0]!;
        if (level > EPS) busy += span;
        if (level >= RISK_THRESHOLDS.infrastructurePeak * pool.capacity - EPS) saturated += span;
      }
      const saturatedShare = busy > 0 ? saturated / busy : 0;
      const totalWait = queued.reduce((a, q) => a + q.wait, 0);
      const worstOverrun = Math.max(0, ...users.map((j) => p90Overrun(j)));
      // probability = max(share of busy time at ≥ 80 % capacity, share of users that queued), in [0.05, 0.95]:
      // in those windows an outage or an overrunning user makes the next user wait.
      const probability = clamp(Math.max(saturatedShare, queued.length / users.length), 0.05, 0.95);
      // impact days = max(total queue wait already in the plan, largest P90 overrun of a user) — what a slip or outage passes on.
      const impactDays = Math.max(totalWait, worstOverrun);
      const queuedText = queued
        .slice(0, 5)
        .map((q) => `${phases[q.j]!.id} ready on day ${fmt(q.ready)} but starts on day ${fmt(start[q.j]!)} (${days(q.wait)})`)
        .join('; ');
      const userTeams = [...new Set(users.map(teamOf).filter((t) => t >= 0))].sort((a, b) => a - b);
      drafts.push({
        category: 'shared_infrastructure',
        title: `${pool.name} runs at ${pct(peak)} of capacity${queued.length > 0 ? `; ${plural(queued.length, 'phase')} ${queued.length === 1 ? 'waits' : 'wait'} for it` : ''}`,
        description:
          `${pool.name} (${pool.id}, ${pool.kind}, capacity ${pool.capacity}) is used by ${plural(users.length, 'phase')} (${list(users.map((j) => phases[j]!.id), 6)}); its peak use is ${pct(peak)} of capacity ` +
          `and it runs at ≥ ${pct(RISK_THRESHOLDS.infrastructurePeak)} of capacity for ${pct(saturatedShare)} of the time it is in use. ` +
          (queued.length > 0 ? `Phases queued for it: ${queuedText}${queued.length > 5 ? ` and ${queued.length - 5} more` : ''} — ${days(totalWait, true)} of waiting in the plan. ` : '') +
          `The largest P90 overrun of a user is ${days(worstOverrun)}.`,
        phases: [...new Set([...queued.map((q) => q.j), ...users])].map((j) => phases[j]!.id),
        teams: userTeams.map((t) => teams[t]!.id),
        probability,
        impactDays,
        basis: 'probability = max(share of in-use time at ≥ 80 % of capacity, share of users that queued), clamped to 0.05..0.95; impact days = max(total queue wait, largest P90 overrun of a user)',
        detection: {
          method: `Monitor ${pool.id} utilisation and queue length; compare each user's start with its planned start`,
          earlyWarningSigns: [
            `${pool.id} at ${pool.capacity} of ${pool.capacity} units with a phase waiting`,
            `A phase holding ${pool.id} runs past its planned finish`,
            `${pool.id} outage or degraded performance`,
          ],
        },
        prevention: [
          `Book ${pool.id} slots for ${list(users.map((j) => phases[j]!.id), 4)} in planned order and release them at each phase's finish`,
          `Add ${Math.max(1, Math.ceil(pool.capacity * 0.5))} unit(s) of ${pool.id} for the busiest window (days ${fmt(Math.min(...users.map((j) => start[j]!)))}–${fmt(Math.max(...users.map((j) => finish[j]!)))})`,
        ],
        response: [`Give ${pool.id} to the waiting phase with the least slack first`, `Time-box holds on ${pool.id}: a phase past its planned finish hands it over and continues off it where it can`],
        contingency: `Provision temporary ${pool.kind} capacity for ${pool.id}; otherwise the queued phases slip by up to ${days(impactDays)}.`,
      });
    }
  }

  // (e) Waves running more phases at once than can be coordinated.
  {
    const capacity = project.constraints.maxConcurrentSessions ?? teams.length;
    const source = project.constraints.maxConcurrentSessions !== undefined ? 'the max-concurrent-sessions limit' : 'the number of teams';
    const wide = result.waves.filter((w) => w.maxConcurrent > capacity).sort((a, b) => b.maxConcurrent - a.maxConcurrent || a.index - b.index);
    for (const w of wide.slice(0, MAX_PER_CATEGORY.coordination_capacity)) {
      const load = w.maxConcurrent / capacity;
      // Sweep over the wave's phases: how long it runs above capacity, and the phase-days above it.
      const events = w.phases.filter((j) => dur(j) > EPS).flatMap((j) => [
        [start[j]!, 1],
        [finish[j]!, -1],
      ]);
      events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
      let level = 0;
      let overTime = 0;
      let excessWork = 0;
      for (let e = 0; e < events.length; e++) {
        level += events[e]![1]!;
        const span = (events[e + 1]?.[0] ?? events[e]![0]!) - events[e]![0]!;
        if (level > capacity) {
          overTime += span;
          excessWork += (level - capacity) * span;
        }
      }
      // probability = peak / capacity − 0.5, clamped to 0.05..0.95 (at 1.5 × capacity and above: 0.95).
      const probability = clamp(load - 0.5, 0.05, 0.95);
      // impact days = phase-days run above capacity / capacity: how far the wave stretches if the excess phases wait.
      const impactDays = excessWork / capacity;
      const waveTeams = [...new Set(w.phases.map(teamOf).filter((t) => t >= 0))].sort((a, b) => a - b);
      drafts.push({
        category: 'coordination_capacity',
        title: `Wave ${w.index + 1} runs ${w.maxConcurrent} phases at once; coordination capacity is ${capacity}`,
        description:
          `Wave ${w.index + 1} (${w.kind}, days ${fmt(w.start)}–${fmt(w.finish)}, ${calendar.dateOf(w.start)} to ${dateAt(w.finish)}) has ${plural(w.phases.length, 'phase')} and peaks at ${w.maxConcurrent} running together, ` +
          `${pct(load - 1)} above ${source} (${capacity}); it runs above that for ${days(overTime, true)}, ${fmt(excessWork)} phase-days in excess. Teams involved: ${list(waveTeams.map(teamName), 6)}.`,
        phases: w.phases.map((j) => phases[j]!.id),
        teams: waveTeams.map((t) => teams[t]!.id),
        probability,
        impactDays,
        basis: 'probability = peak concurrent phases / coordination capacity − 0.5, clamped to 0.05..0.95; impact days = phase-days running above capacity / capacity',
        detection: {
          method: `Count active sessions in wave ${w.index + 1} daily against ${capacity}`,
          earlyWarningSigns: [`More than ${capacity} sessions active at once`, `Hand-over or review requests waiting over a day in wave ${w.index + 1}`, `Integration failures between phases of wave ${w.index + 1}`],
        },
        prevention: [`Stagger the starts in wave ${w.index + 1} so that at most ${capacity} phases overlap`, `Name one integration owner for wave ${w.index + 1} and hold a daily sync while it runs`],
        response: [`Pause the lowest-priority phase of wave ${w.index + 1} with the most slack until a running one finishes`],
        contingency: `Set maxConcurrentSessions to ${capacity} and re-plan: the wave then stretches by about ${days(impactDays)} instead of failing at integration.`,
      });
    }
  }

  // (f) Merge conflicts: phases of one wave or overlapping in time touching the same area.
  {
    const areaPhases = phases.filter((p) => p.areas.length > 0 && !completed.has(p.index)).map((p) => p.index);
    const areas = new Map(areaPhases.map((j) => [j, [...new Set(phases[j]!.areas.map((a) => normaliseArea(a)))]]));
    const pairs: { a: number; b: number; shared: string[]; overlap: number; gap: number; sameWave: boolean }[] = [];
    for (let x = 0; x < areaPhases.length; x++) {
      for (let y = x + 1; y < areaPhases.length; y++) {
        const a = areaPhases[x]!;
        const b = areaPhases[y]!;
        const sameWave = result.waveOf[a] === result.waveOf[b];
        const overlap = Math.min(finish[a]!, finish[b]!) - Math.max(start[a]!, start[b]!);
        if (!sameWave && overlap <= EPS) continue;
        const shared: string[] = [];
        for (const p of areas.get(a)!) for (const q of areas.get(b)!) if (areasOverlap(p, q)) shared.push(p.length >= q.length ? p : q);
        if (shared.length === 0) continue;
        pairs.push({ a, b, shared: [...new Set(shared)].sort(), overlap: Math.max(0, overlap), gap: Math.max(0, -overlap), sameWave });
      }
    }
    const scored = pairs
      .map((pr) => {
        const shorter = Math.min(dur(pr.a), dur(pr.b));
        // closeness: 0.5–1 when the two run at the same time (by the overlapping share of the shorter one),
        // 0.5 / (1 + gap in days) when one follows the other; probability = 0.1 + 0.8 × closeness.
        const closeness = pr.overlap > EPS ? 0.5 + 0.5 * Math.min(1, pr.overlap / Math.max(shorter, EPS)) : 0.5 / (1 + pr.gap);
        // impact days = a quarter of the shorter phase: redoing and re-testing its part in the shared area.
        return { ...pr, probability: 0.1 + 0.8 * closeness, impactDays: 0.25 * shorter };
      })
      .sort((p, q) => q.probability * q.impactDays - p.probability * p.impactDays || p.a - q.a || p.b - q.b);
    for (const pr of scored.slice(0, MAX_PER_CATEGORY.merge_conflict)) {
      const { a, b } = pr;
      const pa = phases[a]!;
      const pb = phases[b]!;
      const [first, second] = start[a]! <= start[b]! ? [pa.id, pb.id] : [pb.id, pa.id];
      const when =
        pr.overlap > EPS
          ? `they overlap for ${days(pr.overlap, true)} (days ${fmt(Math.max(start[a]!, start[b]!))}–${fmt(Math.min(finish[a]!, finish[b]!))})`
          : `${first} finishes ${pr.gap <= EPS ? `just as ${second} starts` : `${days(pr.gap, true)} before ${second} starts`} (the area lock serialises them, the branches still meet)`;
      const involved = [...new Set([teamOf(a), teamOf(b)].filter((t) => t >= 0))].sort((x, y) => x - y);
      drafts.push({
        category: 'merge_conflict',
        title: `${pa.id} and ${pb.id} both change ${list(pr.shared, 3)}`,
        description:
          `${label(a)} (days ${fmt(start[a]!)}–${fmt(finish[a]!)}${ranOn(a)}) and ${label(b)} (days ${fmt(start[b]!)}–${fmt(finish[b]!)}${ranOn(b)}) ` +
          `${pr.sameWave ? `are both in wave ${result.waveOf[a]! + 1}` : 'run in different waves'} and touch ${list(pr.shared, 4)}; ${when}.`,
        phases: [pa.id, pb.id],
        teams: involved.map((t) => teams[t]!.id),
        probability: pr.probability,
        impactDays: pr.impactDays,
        basis: 'probability = 0.1 + 0.8 × closeness (0.5 + 0.5 × overlap / shorter duration when concurrent, else 0.5 / (1 + gap days)); impact days = 0.25 × shorter duration',
        detection: {
          method: `Watch pull requests of ${pa.id} and ${pb.id} touching ${list(pr.shared, 3)}`,
          earlyWarningSigns: [`Both branches modify files under ${pr.shared[0]}`, `A rebase of ${second} onto ${first}'s changes fails or needs manual fixes`, `Claims on ${pr.shared[0]} refused while the other phase holds it`],
        },
        prevention: [
          `Merge ${first}'s changes to ${list(pr.shared, 3)} before ${second} starts on them`,
          `Agree the interface of ${list(pr.shared, 3)} up front and split ownership of the files inside it`,
        ],
        response: [`Rebase ${second} daily on the main branch`, `Resolve conflicts in ${list(pr.shared, 3)} in a joint session of the two phases' owners`],
        contingency: `Serialise the two phases on ${list(pr.shared, 3)}: about ${days(pr.impactDays)} of rework and re-testing.`,
      });
    }
  }

  // (g) Schedule uncertainty and the deadline, from the simulated completion.
  {
    const { p50, p80, p95, mean, stdDev } = mc.makespan;
    const planned = mc.plannedMakespan;
    const miss = 1 - mc.probabilityPlanHolds;
    const topCritical = phases
      .map((p) => p.index)
      .filter((j) => ci[j]! > 0)
      .sort((a, b) => ci[b]! - ci[a]! || a - b)
      .slice(0, 5);
    const critText = topCritical.map((j) => `${phases[j]!.id} ${pct(ci[j]!)}`).join(', ');
    const spreadText =
      `Over ${mc.iterations} simulations the completion is ${fmt(mean)} ± ${days(stdDev, true)} (planned ${fmt(planned)}, ${mc.completionDates.planned}): ` +
      `P50 ${fmt(p50)} (${mc.completionDates.p50}), P80 ${fmt(p80)} (${mc.completionDates.p80}), P95 ${fmt(p95)} (${mc.completionDates.p95}).`;
    if (planned > 0 && p95 > planned + EPS && miss >= RISK_THRESHOLDS.planMissShare) {
      const overrun = p95 - planned;
      drafts.push({
        category: 'schedule_uncertainty',
        title: `The planned completion ${mc.completionDates.planned} holds in ${pct(mc.probabilityPlanHolds)} of simulations`,
        description: `${spreadText} P95 is ${pct(overrun / planned)} beyond the plan. Most often critical: ${critText || 'none'}.`,
        phases: topCritical.map((j) => phases[j]!.id),
        teams: [...new Set(topCritical.map(teamOf).filter((t) => t >= 0))].sort((a, b) => a - b).map((t) => teams[t]!.id),
        probability: miss,
        impactDays: overrun,
        basis: 'probability = share of simulations finishing after the planned makespan; impact days = P95 − planned makespan',
        detection: {
          method: 'Re-run the simulation with progress at every sync point and compare P80 with the committed date',
          earlyWarningSigns: [`P80 completion later than ${mc.completionDates.p80}`, `Any of ${topCritical.map((j) => phases[j]!.id).join(', ') || 'the critical phases'} finishing late`, 'Schedule variance above the escalation threshold'],
        },
        prevention: [
          `Communicate ${mc.completionDates.p80} (P80) rather than ${mc.completionDates.planned} as the expected date`,
          `Narrow the estimates of ${topCritical.map((j) => phases[j]!.id).slice(0, 3).join(', ') || 'the critical phases'} (spikes, prototypes) to cut the spread`,
        ],
        response: ['Re-plan with progress when the P80 date moves by more than a day', 'Move capacity to the phases with the highest criticality index'],
        contingency: `Keep ${days(p95 - planned, true)} of buffer before any commitment (P95 ${mc.completionDates.p95}).`,
      });
    }
    if (mc.deadline && mc.deadline.probability < RISK_THRESHOLDS.deadlineConfidence) {
      const d = mc.deadline;
      const slipBeyond = Math.max(0, p95 - d.day);
      const planMisses = planned > d.day + EPS;
      drafts.push({
        category: 'deadline',
        title: `Deadline ${d.date} is met in ${pct(d.probability)} of simulations`,
        description:
          `The deadline ${d.date} bounds the work to ${days(d.day, true)}; ${planMisses ? `the plan itself needs ${fmt(planned)}, ${fmt(planned - d.day)} more` : `the plan needs ${fmt(planned)} (${days(d.day - planned)} of margin)`}. ` +
          `${spreadText} ${pct(1 - d.probability)} of the simulations miss the deadline, by up to ${days(slipBeyond, true)} at P95. Most often critical: ${critText || 'none'}.`,
        phases: topCritical.map((j) => phases[j]!.id),
        teams: [...new Set(topCritical.map(teamOf).filter((t) => t >= 0))].sort((a, b) => a - b).map((t) => teams[t]!.id),
        probability: 1 - d.probability,
        impactDays: slipBeyond,
        basis: 'probability = share of simulations finishing after the deadline day; impact days = P95 − deadline day',
        detection: {
          method: 'Track the simulated deadline probability at every re-plan',
          earlyWarningSigns: [`Deadline probability below ${pct(d.probability)}`, `P80 completion after ${d.date}`, `Critical phases (${topCritical.map((j) => phases[j]!.id).slice(0, 3).join(', ')}) behind plan`],
        },
        prevention: [
          `Agree a scope cut-line now: what can ship after ${d.date}`,
          `Add capacity to ${topCritical.map((j) => phases[j]!.id).slice(0, 3).join(', ') || 'the critical phases'}, the phases most often on the longest path`,
        ],
        response: ['Escalate when the deadline probability drops below 50 %', 'Re-plan with progress and the reduced scope'],
        contingency: `Negotiate the deadline to ${mc.completionDates.p80} (P80) or ${mc.completionDates.p95} (P95), or ship the reduced scope on ${d.date}.`,
      });
    }
  }

  // (h) Teams loaded at or above 85 % of their capacity.
  for (const load of metrics.teamLoads) {
    if (load.utilisation < RISK_THRESHOLDS.teamUtilisation) continue;
    const team = teams[load.team]!;
    const js = load.phases.filter((j) => !completed.has(j));
    // impact days = 1.645 × √(Σ σ²), σ = (p − o)/6 of each phase: the P95 of the overruns piling up in the team's queue.
    const impactDays = 1.645 * Math.sqrt(js.reduce((a, j) => a + ((phases[j]!.estimate.pessimistic - phases[j]!.estimate.optimistic) / 6) ** 2, 0));
    drafts.push({
      category: 'team_overload',
      title: `${team.name} is loaded at ${pct(load.utilisation)} of its capacity`,
      description:
        `${teamLabel(load.team)} carries ${fmt(load.workDays)} person-days over the ${fmt(makespan)}-day plan with a capacity of ${team.capacity} (size ${team.size}, availability ${pct(team.availability)}, buffer ${pct(project.constraints.capacityBuffer)}): ` +
        `${pct(load.utilisation)} utilisation across ${plural(load.phases.length, 'phase')} (${list(load.phases.map((j) => phases[j]!.id), 6)}). Overruns have almost no idle time to land in.`,
      phases: js.map((j) => phases[j]!.id),
      teams: [team.id],
      // probability = utilisation, capped at 0.95: the share of the plan the team has no spare capacity.
      probability: Math.min(0.95, load.utilisation),
      impactDays,
      basis: 'probability = team utilisation (capped at 0.95); impact days = 1.645 × √(Σ ((p − o)/6)²) over the team’s phases',
      detection: {
        method: `Weekly burn-down of ${team.name}'s ${plural(js.length, 'phase')} against planned finishes`,
        earlyWarningSigns: [`${team.name} working overtime or reporting context switching`, `Two or more of ${team.name}'s phases behind plan at once`, 'Blocked time rising on its phases'],
      },
      prevention: [`Move phases with other eligible teams off ${team.name} (re-plan with those teams preferred)`, `Lower ${team.name}'s capacity buffer only with its agreement; add people or availability instead`],
      response: [`Re-plan the moment ${team.name} falls a day behind on any phase`],
      contingency: `Bring in temporary capacity for ${team.name}; the accumulated overrun at P95 is about ${days(impactDays, true)}.`,
    });
  }

  const categoryOrder: RiskCategory[] = [
    'deadline',
    'schedule_uncertainty',
    'critical_path',
    'bottleneck',
    'skill_single_point_of_failure',
    'shared_infrastructure',
    'team_overload',
    'coordination_capacity',
    'merge_conflict',
  ];
  const risks = drafts.map((d) => {
    const probability = r2(clamp(d.probability, 0, 1));
    const impactDays = r2(Math.max(0, d.impactDays));
    const impact = d.impact ?? impactClass(impactDays, makespan);
    const score = r2(probability * impact);
    return { ...d, probability, impactDays, impact, score, level: riskLevel(score) };
  });
  risks.sort(
    (a, b) =>
      b.score - a.score ||
      b.impactDays - a.impactDays ||
      categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
  return risks.map((r, k) => {
    const { category, title, description, phases: ph, teams: tm, skills, probability, impact, impactDays, score, level, basis, detection, prevention, response, contingency } = r;
    return {
      id: `risk_${String(k + 1).padStart(3, '0')}`,
      category,
      title,
      description,
      phases: ph,
      teams: tm,
      ...(skills ? { skills } : {}),
      probability,
      impact,
      impactDays,
      score,
      level,
      basis,
      detection,
      prevention,
      response,
      contingency,
    };
  });
}
