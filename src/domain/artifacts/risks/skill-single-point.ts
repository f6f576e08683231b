import { days, list, percent, plural } from '../../format.js';
import { clamp, type RiskContext } from './context.js';
import type { RiskDraft } from './risk.js';

/** What only one team can do: skills only it holds (→ the phases needing each), and other phases no other team may run. */
interface SoleTeam {
  team: number;
  bySkill: Map<string, number[]>;
  combo: number[];
}

/** Skills some phase needs that only one team holds, and phases only one team can run (their skill combination or size). */
export function skillSinglePointRisks(ctx: RiskContext): RiskDraft[] {
  const holders = new Map<string, number[]>();
  for (const t of ctx.teams) for (const s of t.skills) holders.set(s, [...(holders.get(s) ?? []), t.index]);
  const exclusive = new Map<number, Map<string, number[]>>(); // team → skill only it holds → phases needing it
  const onlyEligible = new Map<number, number[]>(); // team → other phases no other team may run
  for (const p of ctx.phases) {
    if (ctx.completed.has(p.index)) continue;
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
    const eligible = ctx.project.eligibleTeams[p.index]!;
    if (!viaSkill && eligible.length === 1) onlyEligible.set(eligible[0]!, [...(onlyEligible.get(eligible[0]!) ?? []), p.index]);
  }
  const concerned = [...new Set([...exclusive.keys(), ...onlyEligible.keys()])].sort((a, b) => a - b);
  return concerned.map((team) => soleTeamRisk(ctx, { team, bySkill: exclusive.get(team) ?? new Map<string, number[]>(), combo: onlyEligible.get(team) ?? [] }));
}

function soleTeamRisk(ctx: RiskContext, sole: SoleTeam): RiskDraft {
  const { phases, teams, ci, dur } = ctx;
  const { team: t, bySkill, combo } = sole;
  const team = teams[t]!;
  const skills = [...bySkill.keys()].sort();
  const pending = [...new Set([...[...bySkill.values()].flat(), ...combo])].sort((a, b) => ctx.start[a]! - ctx.start[b]! || a - b);
  const ids = pending.map((j) => phases[j]!.id);
  const load = ctx.result.metrics.teamLoads[t]!;
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
  const comboSkills = [...new Set(combo.flatMap((j) => phases[j]!.skills))];
  const scarce = skills.length > 0 ? list(skills, 3) : list(comboSkills, 3) || 'the capacity these phases need';
  return {
    category: 'skill_single_point_of_failure',
    title: skills.length > 0 ? `Only ${team.name} holds ${list(skills, 4)}` : `Only ${team.name} can run ${list(ids, 3)}`,
    description:
      `${soleTeamFacts(ctx, sole, skills)} That is ${plural(pending.length, 'phase')} and ${days(work, true)} of work no other team can take over; ` +
      `${pending.length === 1 ? 'its criticality index is' : 'the highest criticality index among them is'} ${percent(maxCi)}, ` +
      `and ${team.name} is loaded at ${percent(load.utilisation)} of its capacity (${team.capacity} of ${team.size} people after buffer and availability).`,
    phases: ids,
    teams: [team.id],
    skills: skills.length > 0 ? skills : [...comboSkills].sort(),
    probability,
    impactDays,
    basis:
      'probability = (team utilisation + highest criticality index of the phases only this team can run) / 2, clamped to 0.05..0.95; impact days = Σ criticality index × duration of those phases',
    detection: {
      method: `Weekly availability check of ${team.name} against ${list(ids, 4)}`,
      earlyWarningSigns: [
        `Absence, reassignment or overtime in ${team.name}`,
        `${ids[0]} not started by ${ctx.startDate(pending[0]!)}`,
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
  };
}

/** "Web team (web) is the only team with skill frontend (needed by …). It is also the only team able to run …". */
function soleTeamFacts(ctx: RiskContext, { team: t, bySkill, combo }: SoleTeam, skills: string[]): string {
  const { phases, teams } = ctx;
  const team = teams[t]!;
  const skillText = skills
    .map(
      (s) =>
        `${s} (needed by ${list(
          bySkill.get(s)!.map((j) => phases[j]!.id),
          4,
        )})`,
    )
    .join('; ');
  const comboText = combo
    .map((j) => {
      const p = phases[j]!;
      const skilled = teams.filter((o) => p.skills.every((s) => o.skills.includes(s)));
      return skilled.length > 1
        ? `${p.id} (needs ${plural(p.teamSize, 'person', 'people')}; only ${team.name} has that capacity)`
        : `${p.id} (needs ${p.skills.join(' + ')} together)`;
    })
    .join('; ');
  return [
    ...(skills.length > 0 ? [`${ctx.teamLabel(t)} is the only team with skill${skills.length > 1 ? 's' : ''} ${skillText}.`] : []),
    ...(combo.length > 0 ? [`${skills.length > 0 ? 'It' : ctx.teamLabel(t)} is also the only team able to run ${comboText}.`] : []),
  ].join(' ');
}
