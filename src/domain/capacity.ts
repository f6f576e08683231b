import { skillKey } from './skills.js';
import type { PlanInput } from '../schemas/plan-input.js';

/**
 * The one capacity model of the planner, shared by the engine, the metrics, tracking and the
 * importers (README, "Capacity"):
 *
 * - A team contributes full-time equivalents (FTE):
 *   size × availability × min(hoursPerWeek, 40) ÷ 40 × (1 − capacity buffer), fractional.
 *   A one-person team at 50 % with a 20 % buffer contributes 0.4 FTE, never a full person.
 * - A phase's duration is given for `teamSize` people working full time. While it runs it holds
 *   `demand` = min(teamSize, the largest FTE among the teams with its skills) of its team, and
 *   takes duration × teamSize ÷ demand working days: when no team can give it the full
 *   staffing, the phase is stretched, so that the person-days it needs stay the same. The
 *   scheduler keeps one duration per phase, so the stretch is what the best-staffed team
 *   gives, and only teams that can hold `demand` may run it. A team that grows (its calendar's
 *   capacity entries) counts at its largest size for eligibility, and the schedule's
 *   time-varying capacity keeps the phase to the days it has the people (staffPhase).
 * - Utilisation is person-days of work ÷ (FTE × working days): in the plan, per team and
 *   overall, and in tracking from the actuals.
 */

/** Hours a full-time person works in a week: more hours are not planned as more capacity. */
export const FULL_TIME_HOURS_PER_WEEK = 40;

const EPS = 1e-9;

/** Full-time equivalents a team contributes (fractional, at most its size). */
export function teamCapacity(size: number, availability: number, buffer: number, hoursPerWeek = FULL_TIME_HOURS_PER_WEEK): number {
  const fte = size * availability * (Math.min(hoursPerWeek, FULL_TIME_HOURS_PER_WEEK) / FULL_TIME_HOURS_PER_WEEK) * (1 - buffer);
  // Only float noise is cleaned (4 × 0.9 × 0.8 is 2.88, not 2.8800000000000003); a millionth of a person changes no schedule.
  return Math.round(fte * 1e6) / 1e6;
}

export interface Staffing {
  /** FTE of its team the phase holds while it runs. */
  demand: number;
  /** Planned duration ÷ the duration at full staffing (≥ 1). */
  stretch: number;
}

/** What a phase of `teamSize` people holds, given the FTE of the teams that have its skills. */
export function phaseStaffing(teamSize: number, skilledCapacities: number[]): Staffing {
  if (teamSize <= 0 || skilledCapacities.length === 0) return { demand: teamSize, stretch: 1 };
  const best = Math.max(...skilledCapacities);
  if (best + EPS >= teamSize || best <= 0) return { demand: teamSize, stretch: 1 };
  return { demand: best, stretch: teamSize / best };
}

/** Teams that may run a phase holding `demand`: those with the skills and that much FTE. */
export const canHold = (capacity: number, demand: number) => capacity + EPS >= demand;

/**
 * The largest size a team has on some day of the plan: `size` until its first capacity entry, then
 * each entry's size from its date on (an entry a later one replaces before the start never applies).
 */
export function peakTeamSize(size: number, entries: readonly { from: string; size: number }[] | undefined, startDate: string): number {
  if (!entries || entries.length === 0) return size;
  const sorted = [...entries].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let peak = sorted[0]!.from > startDate ? size : 0;
  sorted.forEach((e, k) => {
    const next = sorted[k + 1];
    if (!next || next.from > startDate) peak = Math.max(peak, e.size);
  });
  return peak;
}

/** A team as staffing sees it: its size and FTE now and at their largest over its calendar. */
export interface StaffableTeam {
  size: number;
  capacity: number;
  peakSize: number;
  peakCapacity: number;
}

/**
 * Staffing of a phase of `teamSize` people among the teams with its skills: what the teams give at their
 * size; only when none has the people does a team that grows to them count, at its grown FTE. A team may
 * then run the phase when at its largest it has the people and can hold the demand (input.ts): the
 * schedule's time-varying capacity (team-calendars.ts) keeps the phase to the days it can.
 */
export function staffPhase(teamSize: number, skilled: readonly StaffableTeam[]): Staffing {
  const now = skilled.filter((t) => t.size + EPS >= teamSize);
  if (now.length > 0)
    return phaseStaffing(
      teamSize,
      now.map((t) => t.capacity),
    );
  return phaseStaffing(
    teamSize,
    skilled.filter((t) => t.peakSize + EPS >= teamSize).map((t) => t.peakCapacity),
  );
}

/** FTE per team id and FTE held per phase id, straight from an input (for tracking, which keeps the input, not the model). */
export function inputCapacities(input: PlanInput): { teams: Map<string, number>; demand: Map<string, number> } {
  const buffer = (input.constraints?.capacityBuffer ?? 20) / 100;
  const teams = input.teams.map((t) => {
    const fte = (size: number) => teamCapacity(size, (t.availability ?? 100) / 100, buffer, t.hoursPerWeek ?? FULL_TIME_HOURS_PER_WEEK);
    const peakSize = peakTeamSize(t.size, t.calendar?.capacity, input.startDate);
    return { id: t.id, size: t.size, skills: new Set(t.skills.map(skillKey)), capacity: fte(t.size), peakSize, peakCapacity: fte(peakSize) };
  });
  const demand = new Map<string, number>();
  for (const p of input.phases) {
    const skilled = teams.filter((t) => (p.skills ?? []).every((s) => t.skills.has(skillKey(s))));
    demand.set(p.id, staffPhase(p.teamSize ?? 1, skilled).demand);
  }
  return { teams: new Map(teams.map((t) => [t.id, t.capacity])), demand };
}
