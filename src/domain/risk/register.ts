import type { Risk } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { isCritical, teamIdOf, type ArtifactContext } from '../artifacts/context.js';
import { resourceWait } from '../artifacts/wave-schedules.js';
import { r2 } from '../format.js';
import { areasOverlap } from '../tracking/areas.js';
import { pertQuantiles, QUANTILES } from './pert.js';
import type { ScheduleRisk } from './schedule-risk.js';

type Draft = Omit<Risk, 'id' | 'impact' | 'score' | 'level'>;

/** Impact class from the delay a risk can cause, relative to the plan's length. */
export function impactClass(days: number, makespan: number): number {
  const share = makespan > 0 ? days / makespan : 0;
  return share >= 0.1 ? 5 : share >= 0.05 ? 4 : share >= 0.02 ? 3 : share >= 0.01 ? 2 : 1;
}

export function riskLevel(score: number): Risk['level'] {
  return score >= 3 ? 'critical' : score >= 1.8 ? 'high' : score >= 0.8 ? 'medium' : 'low';
}

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const list = (xs: string[], max = 6) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);

/**
 * The risk register, detected from the plan's own facts: critical and low-slack phases,
 * bottlenecks, skills only one team holds, saturated infrastructure and teams, waves wider than
 * coordination capacity, phases of one wave touching the same areas, and the Monte Carlo spread.
 * Probabilities and impacts are computed from those facts; `basis` says how.
 */
export function riskRegister(ctx: ArtifactContext, mc: ScheduleRisk): Risk[] {
  const { result } = ctx;
  const { project, schedule, metrics } = result;
  const n = project.phases.length;
  const makespan = schedule.makespan;
  const name = (j: number) => project.phases[j]!.name;
  const id = (j: number) => project.phases[j]!.id;
  const drafts: Draft[] = [];

  // Overrun of a phase: P(duration > planned) and its 90th-percentile overrun, from its PERT-beta.
  const overrun = (j: number) => {
    const t = pertQuantiles(project.phases[j]!.estimate);
    const planned = project.phases[j]!.duration;
    let q = 0;
    while (q < QUANTILES && t[q]! <= planned + 1e-9) q++;
    return { probability: 1 - q / QUANTILES, p90: Math.max(0, t[Math.round(0.9 * QUANTILES)]! - planned) };
  };

  // (a) Critical phases with little slack that are often critical in the simulation.
  const critical = project.phases
    .map((p) => p.index)
    .filter((j) => isCritical(ctx, j) && mc.criticalityIndex[j]! >= 0.3 && project.phases[j]!.duration > 0)
    .map((j) => ({ j, ...overrun(j) }))
    .filter((c) => c.p90 > 0)
    .sort((a, b) => mc.criticalityIndex[b.j]! * b.p90 - mc.criticalityIndex[a.j]! * a.p90 || a.j - b.j)
    .slice(0, 5);
  for (const c of critical) {
    const ci = mc.criticalityIndex[c.j]!;
    const team = teamIdOf(ctx, c.j);
    drafts.push({
      category: 'critical_path',
      title: `${name(c.j)} is critical and may overrun`,
      description: `${name(c.j)} has ${r2(result.scheduleSlack[c.j]!)} days of schedule slack and is critical in ${Math.round(ci * 100)} % of ${mc.iterations} simulated runs; its 90th-percentile overrun of ${r2(c.p90)} days would move the finish.`,
      phases: [id(c.j)],
      teams: team ? [team] : [],
      probability: r2(clamp(ci * c.probability)),
      impact_days: r2(c.p90),
      basis: 'probability = criticality index × P(duration > planned) from the PERT-beta; impact = 90th-percentile overrun',
      detection: { method: `progress events of ${id(c.j)} against its planned finish ${ctx.calendar.finishDate(schedule.start[c.j]!, schedule.finish[c.j]!)}`, early_warning_signs: [`${id(c.j)} not claimed by ${ctx.calendar.dateOf(schedule.start[c.j]!)}`, 'progress below the elapsed share of its duration', 'blocked events'] },
      prevention: [`start ${id(c.j)} the moment its dependencies finish; keep its session free of other work`, `break ${id(c.j)} into reviewable increments so slippage shows early`],
      response: [`move a second person of ${team ?? 'an eligible team'} onto ${id(c.j)}`, 're-plan from the current state to re-sequence the rest'],
      contingency: `cut or defer the lowest-priority scope of ${id(c.j)}; the deadline impact is up to ${r2(c.p90)} working days`,
    });
  }

  // (b) Bottlenecks: phases that a large share of the plan waits for.
  const blockThreshold = Math.max(3, Math.ceil(0.25 * n));
  const bottlenecks = project.phases
    .map((p) => p.index)
    .filter((j) => result.descendants[j]! >= blockThreshold)
    .sort((a, b) => result.descendants[b]! - result.descendants[a]! || a - b)
    .slice(0, 5);
  for (const j of bottlenecks) {
    const o = overrun(j);
    const slip = Math.max(0, o.p90 - result.scheduleSlack[j]!);
    drafts.push({
      category: 'bottleneck',
      title: `${name(j)} blocks ${result.descendants[j]} phases`,
      description: `${result.descendants[j]} of ${n} phases (${Math.round((result.descendants[j]! / n) * 100)} %) depend on ${name(j)} directly or indirectly; a 90th-percentile overrun of ${r2(o.p90)} days less its ${r2(result.scheduleSlack[j]!)} days of slack delays them by ${r2(slip)} days.`,
      phases: [id(j)],
      teams: teamIdOf(ctx, j) ? [teamIdOf(ctx, j)!] : [],
      probability: r2(clamp(o.probability)),
      impact_days: r2(slip),
      basis: 'probability = P(duration > planned); impact = 90th-percentile overrun less schedule slack',
      detection: { method: `claims waiting on ${id(j)} (dependency_not_done refusals) and its progress events`, early_warning_signs: [`sessions refused with dependency_not_done naming ${id(j)}`, `${id(j)} progress behind plan`] },
      prevention: [`staff ${id(j)} first and fully`, `publish ${id(j)}'s interfaces early so dependents can start against stubs`],
      response: ['let dependents start on stubs or contracts where the dependency allows it', 're-plan with the actual duration'],
      contingency: `split ${id(j)} so that the part its ${project.phases[j]!.dependents.length} direct dependents need lands first`,
    });
  }

  // (c) Skills only one team holds.
  const skills = [...new Set(project.phases.flatMap((p) => p.skills))].sort();
  for (const skill of skills) {
    const holders = project.teams.filter((t) => t.skills.includes(skill));
    if (holders.length !== 1) continue;
    const team = holders[0]!;
    const needing = project.phases.filter((p) => p.skills.includes(skill));
    const work = needing.reduce((a, p) => a + p.duration, 0);
    const utilisation = metrics.teamLoads[team.index]!.utilisation;
    drafts.push({
      category: 'skill_single_point_of_failure',
      title: `Only ${team.name} holds "${skill}"`,
      description: `${needing.length} phase${needing.length === 1 ? '' : 's'} (${list(needing.map((p) => p.id))}) need "${skill}", ${r2(work)} working days in all, and only ${team.name} (${team.size} people, ${Math.round(utilisation * 100)} % utilised) holds it.`,
      phases: needing.map((p) => p.id),
      teams: [team.id],
      probability: r2(clamp(0.1 + 0.6 * utilisation, 0.1, 0.9)),
      impact_days: r2(Math.min(work, makespan)),
      basis: 'probability = 0.1 + 0.6 × the team\'s utilisation (a busier sole holder is likelier to become the constraint); impact = the work that needs the skill',
      detection: { method: `utilisation and availability of ${team.id} against plan`, early_warning_signs: [`${team.id} sessions expiring or blocked`, `phases needing "${skill}" queueing behind each other`] },
      prevention: [`pair someone from another team with ${team.id} on "${skill}" work`, `document the "${skill}" work of ${needing[0]!.id} as it is done`],
      response: [`give "${skill}" phases priority in ${team.id}'s queue`, 'bring in help holding the skill and re-plan with the extra team'],
      contingency: `train or hire a second holder of "${skill}"; until then ${needing.length} phase${needing.length === 1 ? '' : 's'} depend on one team`,
    });
  }

  // (d) Shared infrastructure near or at capacity.
  for (const r of project.infrastructure) {
    const peak = metrics.infrastructurePeak[r.index]!;
    const users = project.phases.filter((p) => p.resources.has(r.index));
    const waits = users.map((p) => resourceWait(ctx, p.index)).reduce((a, w) => a + w, 0);
    if (peak < 0.8 && waits < 1e-6) continue;
    drafts.push({
      category: 'shared_infrastructure',
      title: `${r.name} is a shared constraint`,
      description: `${users.length} phases use ${r.name} (capacity ${r.capacity}); peak use is ${Math.round(peak * 100)} % and its users wait ${r2(waits)} working days in all for it or their teams.`,
      phases: users.map((p) => p.id),
      teams: [...new Set(users.map((p) => teamIdOf(ctx, p.index)).filter((t): t is string => t !== null))],
      probability: r2(clamp(peak)),
      impact_days: r2(Math.max(waits, users.length > 0 ? Math.max(...users.map((p) => p.duration)) * (peak >= 1 ? 1 : 0.5) : 0)),
      basis: 'probability = peak utilisation; impact = the waits the plan already contains, or the longest user\'s duration when saturated',
      detection: { method: `concurrent holders of ${r.id} against its capacity`, early_warning_signs: [`a phase holding ${r.id} overruns`, `${r.id} unavailable or degraded`] },
      prevention: [`book ${r.id} slots along the schedule`, `free ${r.id} as soon as a phase's use of it ends`],
      response: [`add ${r.id} capacity for the peak`, 're-plan with the new capacity'],
      contingency: `serialise the users of ${r.id} by criticality: ${list(users.filter((p) => isCritical(ctx, p.index)).map((p) => p.id)) || 'none is critical'}`,
    });
  }

  // (e) Waves running more sessions at once than can be coordinated.
  const coordinationCapacity = project.constraints.maxConcurrentSessions ?? project.teams.length;
  for (const w of result.waves) {
    if (w.maxConcurrent <= coordinationCapacity) continue;
    const excess = w.maxConcurrent - coordinationCapacity;
    drafts.push({
      category: 'coordination_capacity',
      title: `Wave ${w.index + 1} runs ${w.maxConcurrent} sessions at once`,
      description: `Wave ${w.index + 1} peaks at ${w.maxConcurrent} concurrent sessions against a coordination capacity of ${coordinationCapacity} (${project.constraints.maxConcurrentSessions !== undefined ? 'maxConcurrentSessions' : 'one stream per team'}).`,
      phases: w.phases.map(id),
      teams: [...new Set(w.phases.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))],
      probability: r2(clamp(excess / w.maxConcurrent)),
      impact_days: r2((w.finish - w.start) * (excess / w.maxConcurrent)),
      basis: 'probability = excess ÷ peak sessions; impact = the wave\'s span × the same share',
      detection: { method: 'stand-up attendance and blocked events in the wave', early_warning_signs: ['hand-overs missed at sync points', 'blocked events waiting on answers'] },
      prevention: ['name one coordinator per team for the wave', 'stagger session starts'],
      response: ['cap concurrent sessions and re-plan with maxConcurrentSessions set'],
      contingency: 'run the wave in two halves ordered by criticality',
    });
  }

  // (f) Phases of one wave that touch the same areas: merge conflicts even when sequenced.
  for (const w of result.waves) {
    for (let a = 0; a < w.phases.length; a++) {
      for (let b = a + 1; b < w.phases.length; b++) {
        const x = w.phases[a]!;
        const y = w.phases[b]!;
        const shared = project.phases[x]!.areas.flatMap((p) => project.phases[y]!.areas.filter((q) => areasOverlap(p, q)).map((q) => (p.length <= q.length ? q : p)));
        if (shared.length === 0) continue;
        const concurrent = schedule.start[x]! < schedule.finish[y]! && schedule.start[y]! < schedule.finish[x]!;
        drafts.push({
          category: 'merge_conflict',
          title: `${id(x)} and ${id(y)} change the same area`,
          description: `${name(x)} and ${name(y)} are both in wave ${w.index + 1} and touch ${list([...new Set(shared)])}; the schedule ${concurrent ? 'runs them at the same time' : 'runs them one after the other (the area lock), but their branches are open together'}.`,
          phases: [id(x), id(y)],
          teams: [...new Set([teamIdOf(ctx, x), teamIdOf(ctx, y)].filter((t): t is string => t !== null))],
          probability: r2(clamp(0.3 + 0.15 * shared.length, 0, 0.9)),
          impact_days: r2(Math.min(0.5 * shared.length, Math.min(project.phases[x]!.duration, project.phases[y]!.duration) || 0.5)),
          basis: 'probability = 0.3 + 0.15 per shared area (capped at 0.9); impact = half a day of merge and re-test per shared area',
          detection: { method: 'area locks held at claim time and merge checks in CI', early_warning_signs: [`area_locked refusals between ${id(x)} and ${id(y)}`, 'long-lived branches on the shared area'] },
          prevention: [`agree the interface of ${list([...new Set(shared)], 3)} before either starts`, 'merge small and often to the shared area'],
          response: ['rebase the later phase as soon as the earlier one merges', 'pair the two sessions for the merge'],
          contingency: `let ${id(x)} own the shared area and feed ${id(y)}'s changes through it`,
        });
      }
    }
  }

  // (g) The schedule spread from the simulation, and the deadline.
  const spread = mc.makespan.p95 - makespan;
  if (spread > 1e-6) {
    drafts.push({
      category: 'schedule_uncertainty',
      title: `P95 finish is ${r2(spread)} days after the plan`,
      description: `In ${mc.iterations} simulated runs the plan finishes by ${mc.completionDates.p50} half of the time (P50), by ${mc.completionDates.p80} at P80 and by ${mc.completionDates.p95} at P95, against ${mc.completionDates.planned} planned; it holds in ${Math.round(mc.probabilityPlanHolds * 100)} % of runs.`,
      phases: project.phases.filter((p) => mc.criticalityIndex[p.index]! >= 0.5).map((p) => p.id),
      teams: [],
      probability: r2(clamp(1 - mc.probabilityPlanHolds)),
      impact_days: r2(spread),
      basis: 'probability = 1 − P(makespan ≤ planned) over the simulated runs; impact = P95 − planned',
      detection: { method: 'projected completion in GET /plans/{id}/status against the P50/P80 dates', early_warning_signs: ['projected completion past the P80 date', 'critical phases finishing late'] },
      prevention: ['narrow the widest estimates of critical phases before they start', 'commit to the P80 date, not the planned one'],
      response: ['re-plan from actuals when the projection passes P80'],
      contingency: `hold ${r2(mc.makespan.p80 - makespan)} working days of buffer before external commitments (P80 − planned)`,
    });
  }
  if (mc.probabilityMeetsDeadline !== undefined && mc.deadlineDay !== undefined && mc.probabilityMeetsDeadline < 0.95) {
    const late = Math.max(0, mc.makespan.p95 - mc.deadlineDay);
    drafts.push({
      category: 'deadline',
      title: `Deadline ${project.constraints.deadline} met in ${Math.round(mc.probabilityMeetsDeadline * 100)} % of runs`,
      description: `The deadline ${project.constraints.deadline} is working day ${mc.deadlineDay}; the plan finishes on day ${r2(makespan)} and at P95 on day ${r2(mc.makespan.p95)}, so ${Math.round((1 - mc.probabilityMeetsDeadline) * 100)} % of simulated runs miss it.`,
      phases: result.cpm.criticalPath.map(id),
      teams: [],
      probability: r2(clamp(1 - mc.probabilityMeetsDeadline)),
      impact_days: r2(late > 0 ? late : Math.max(0, mc.makespan.max - mc.deadlineDay)),
      basis: 'probability = share of simulated runs finishing after the deadline; impact = P95 (or worst run) past the deadline',
      detection: { method: 'deadline_at_risk alerts from projected completion', early_warning_signs: ['projected completion within a week of the deadline', 'critical-path variance above threshold'] },
      prevention: ['start critical-path phases first and protect their sessions', 'agree now which scope can be cut'],
      response: ['re-plan with more capacity on the critical path', 'cut scope from non-critical integration work'],
      contingency: `negotiate the deadline to the P80 date ${mc.completionDates.p80}`,
    });
  }

  // (h) Teams loaded close to their usable capacity.
  for (const load of metrics.teamLoads) {
    if (load.utilisation < 0.85) continue;
    const team = project.teams[load.team]!;
    drafts.push({
      category: 'team_overload',
      title: `${team.name} is ${Math.round(load.utilisation * 100)} % utilised`,
      description: `${team.name} carries ${r2(load.workDays)} person-days on ${load.phases.length} phases with ${team.capacity} usable people over ${r2(makespan)} days, leaving little room for overruns.`,
      phases: load.phases.map(id),
      teams: [team.id],
      probability: r2(clamp(load.utilisation)),
      impact_days: r2(0.1 * (load.workDays / Math.max(team.capacity, 1))),
      basis: 'probability = utilisation; impact = a 10 % productivity loss on the team\'s work',
      detection: { method: `utilisation of ${team.id} in GET /plans/{id}/status`, early_warning_signs: ['overtime or blocked sessions in the team', 'its phases starting late'] },
      prevention: [`move phases another team can do away from ${team.id}`],
      response: ['re-plan with added people or a lower capacity buffer'],
      contingency: `bring in help for ${team.id}'s non-critical phases`,
    });
  }

  return drafts
    .map((d) => {
      const impact = impactClass(d.impact_days, makespan);
      const score = r2(d.probability * impact);
      return { ...d, impact, score, level: riskLevel(score) };
    })
    .sort((a, b) => b.score - a.score || a.category.localeCompare(b.category) || a.title.localeCompare(b.title))
    .map((r, k) => ({ id: `risk_${String(k + 1).padStart(3, '0')}`, ...r }));
}
