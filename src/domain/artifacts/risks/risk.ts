import type { Risk as RiskJson } from '../../../schemas/artifacts/risk-mitigation-plan.js';

/** The categories and levels are the artifact's enums (src/schemas/artifacts/risk-mitigation-plan.ts). */
export type RiskCategory = RiskJson['category'];
export type RiskLevel = RiskJson['level'];

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

/** What a detector finds: the register scores, ranks and numbers it. A detector may set its own impact class. */
export type RiskDraft = Omit<Risk, 'id' | 'impact' | 'score' | 'level'> & { impact?: number };

/** Detected risks per category are capped so that a large plan yields a register people read. */
export const MAX_PER_CATEGORY = { critical_path: 5, bottleneck: 5, coordination_capacity: 5, merge_conflict: 10 } as const;

/** Thresholds of the detectors. */
export const RISK_THRESHOLDS = {
  /** Criticality index from which a low-slack phase counts as critical. */
  criticality: 0.3,
  /** Low slack: at most this many working days, or this share of the phase's duration if larger. */
  lowSlackDays: 1,
  lowSlackShare: 0.1,
  /** Share of all phases a phase must block (transitively) to count as a bottleneck. */
  blockingShare: 0.25,
  poolPeak: 0.8,
  teamUtilisation: 0.85,
  /** A deadline met in fewer samples than this is a risk. */
  deadlineConfidence: 0.95,
  /** Share of samples missing the planned makespan from which the spread is a risk. */
  planMissShare: 0.2,
} as const;
