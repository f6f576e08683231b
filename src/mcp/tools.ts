import { Type, type TObject, type TSchema } from 'typebox';
import { ARTIFACT_NAMES } from '../schemas/artifacts/index.js';
import { Id, PlanInput } from '../schemas/plan-input.js';
import { ImportQuery } from '../http/schemas/imports.js';
import { PlanVersion } from '../http/schemas/plans.js';
import { AgentPlaybook } from '../schemas/agent-playbook.js';
import { Claim, ClaimBody, EventBody, ReadyQuery, ReadyView, ReplanBody, ReplanResponse, Session, SessionBody, StatusView, TrackingEventView } from '../http/schemas/tracking.js';
import type { ApiAnswer, ApiBackend } from './backend.js';
import { ScenarioRequest, ScenarioResponse } from '../http/schemas/scenarios.js';

const PlanId = Type.String({ format: 'uuid', description: 'The plan, as plan_project returned it.' });
const SessionId = Type.String({ format: 'uuid', description: 'The session, as register_session returned it.' });

/** A REST body schema with the path's ids in front: the tool takes the same fields as the route. */
const withIds = (ids: Record<string, TSchema>, body: TObject, omit: string[] = []) =>
  Type.Object({ ...ids, ...Object.fromEntries(Object.entries(body.properties).filter(([k]) => !omit.includes(k))) }, { additionalProperties: false });

const q = (params: Record<string, unknown>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};
const enc = encodeURIComponent;

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked against the tool's input schema before use

export interface ToolDef {
  name: string;
  title: string;
  description: string;
  input: TObject;
  /** The REST route's response schema (absent where the route answers one of several shapes). */
  output?: TObject;
  run(api: ApiBackend, args: Args): Promise<ApiAnswer>;
}

const eventTool = (api: ApiBackend, a: Args, type: string) => {
  const { planId, sessionId, ...rest } = a;
  return api.request('POST', `/plans/${enc(planId)}/sessions/${enc(sessionId)}/events`, { json: { ...rest, type } });
};

/** Waits for a queued planning job (large plans) and answers with the plan it made. */
async function planned(api: ApiBackend, created: ApiAnswer): Promise<ApiAnswer> {
  if (created.status !== 202) return created;
  const { jobId, planId } = JSON.parse(created.text) as { jobId: string; planId: string };
  for (let i = 0; i < 600; i++) {
    const state = await api.request('GET', `/jobs/${enc(jobId)}`);
    const body = JSON.parse(state.text) as { state?: string };
    if (body.state === 'completed') return api.request('GET', `/plans/${enc(planId)}`);
    if (state.status >= 400 || body.state === 'failed') return state;
    await new Promise((r) => setTimeout(r, 500));
  }
  return created;
}

const GateBody = Type.Object(
  {
    phaseId: EventBody.properties.phaseId,
    gate: EventBody.properties.gate,
    reason: EventBody.properties.reason,
    at: EventBody.properties.at,
  },
  { additionalProperties: false },
);

const ProgressBody = Type.Object(
  {
    ...EventBody.properties,
    type: Type.Enum(['started', 'progress', 'blocked', 'unblocked', 'released', 'failed'], {
      description: 'started, progress (with percent), blocked (with reason), unblocked, released (give the phase back), failed.',
    }),
  },
  { additionalProperties: false },
);

export const TOOLS: ToolDef[] = [
  {
    name: 'plan_project',
    title: 'Plan a project',
    description:
      "Plans a project and stores it as version 1: give `input` (a Waveplan plan input) or `document` (the text of any importer's format: a dependency graph, task-master tasks.json, CSV, PSPLIB) with `options` for the import. Returns the plan with its five artifacts.",
    input: Type.Object(
      {
        input: Type.Optional(PlanInput),
        document: Type.Optional(Type.String({ maxLength: 10 * 1024 * 1024, description: 'A file in an importer format, as text.' })),
        options: Type.Optional(ImportQuery),
      },
      { additionalProperties: false },
    ),
    output: PlanVersion,
    async run(api, a) {
      if (a.input !== undefined) return planned(api, await api.request('POST', '/plans', { json: a.input }));
      if (a.document === undefined) {
        const message = 'give input (a plan input) or document (a file in an importer format)';
        return {
          status: 400,
          contentType: 'application/json',
          text: JSON.stringify({ statusCode: 400, code: 'validation_failed', message, details: [{ path: '/input', message }] }),
        };
      }
      const imported = await api.request('POST', `/imports${q(a.options ?? {})}`, { text: a.document, contentType: 'text/plain' });
      if (imported.status >= 400) return imported;
      return planned(api, await api.request('POST', '/plans', { json: (JSON.parse(imported.text) as { input: unknown }).input }));
    },
  },
  {
    name: 'get_plan',
    title: 'Get a plan',
    description: 'The latest version of a plan (or the given version): its input, summary and five artifacts.',
    input: Type.Object({ planId: PlanId, version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    output: PlanVersion,
    run: (api, a) => api.request('GET', a.version === undefined ? `/plans/${enc(a.planId)}` : `/plans/${enc(a.planId)}/versions/${a.version}`),
  },
  {
    name: 'get_artifact',
    title: 'Get an artifact',
    description: `One artifact of a plan's latest version (or the given version): ${ARTIFACT_NAMES.join(', ')}.`,
    input: Type.Object({ planId: PlanId, name: Type.Enum([...ARTIFACT_NAMES]), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    run: (api, a) => api.request('GET', `/plans/${enc(a.planId)}${a.version === undefined ? '' : `/versions/${a.version}`}/artifacts/${enc(a.name)}`),
  },
  {
    name: 'get_agent_playbook',
    title: 'Agent playbook of a phase',
    description:
      'The brief for the agent working one phase: deliverables and acceptance criteria, the areas it owns and those held by parallel phases (do not touch), its branch wp/<plan>/<phase>, the sync points to wait for, and the exact calls to report with.',
    input: Type.Object({ planId: PlanId, phaseId: Id }, { additionalProperties: false }),
    output: AgentPlaybook,
    run: (api, a) => api.request('GET', `/plans/${enc(a.planId)}/agent-playbooks/${enc(a.phaseId)}`),
  },
  {
    name: 'register_session',
    title: 'Register a session',
    description: 'Registers this agent as a session of a plan, with its team (and the skills it brings, and how many phases it may hold at once). Claims need a session.',
    input: withIds({ planId: PlanId }, SessionBody),
    output: Session,
    run: (api, { planId, ...body }) => api.request('POST', `/plans/${enc(planId)}/sessions`, { json: body }),
  },
  {
    name: 'ready_phases',
    title: 'Ready phases',
    description:
      'Read-only: the phases that may be claimed now (dependencies done, not held, areas free, sync points and, under barrier gating, earlier waves passed), for a session, team or skills, in plan order. explain: why each other open phase is not ready.',
    input: withIds({ planId: PlanId }, ReadyQuery),
    output: ReadyView,
    run: (api, { planId, ...query }) => api.request('GET', `/plans/${enc(planId)}/ready${q(query)}`),
  },
  {
    name: 'claim_phase',
    title: 'Claim a phase',
    description:
      "Claims a phase for a session, atomically: the given phaseId, or without it the best one it may start now (its own team's first, then least slack). Refusals name the reason (dependency_not_done, area_locked, skill_mismatch, session_busy, team_at_capacity, wave_pending, …).",
    input: withIds({ planId: PlanId }, ClaimBody),
    output: Claim,
    run: (api, { planId, ...body }) => api.request('POST', `/plans/${enc(planId)}/claims`, { json: body }),
  },
  {
    name: 'heartbeat',
    title: 'Heartbeat',
    description: 'Keeps a session alive; a session silent past its timeout loses its claims.',
    input: Type.Object({ planId: PlanId, sessionId: SessionId }, { additionalProperties: false }),
    output: Session,
    run: (api, a) => api.request('POST', `/plans/${enc(a.planId)}/sessions/${enc(a.sessionId)}/heartbeat`),
  },
  {
    name: 'report_progress',
    title: 'Report progress',
    description: 'Reports on a held phase: started, progress (percent), blocked (reason), unblocked, released, failed.',
    input: withIds({ planId: PlanId, sessionId: SessionId }, ProgressBody),
    output: TrackingEventView,
    run: (api, a) => eventTool(api, a, a.type),
  },
  {
    name: 'complete_phase',
    title: 'Complete a phase',
    description: 'Reports a held phase completed; its quality gate is judged next (gate_passed / gate_failed).',
    input: withIds({ planId: PlanId, sessionId: SessionId }, GateBody, ['gate', 'reason']),
    output: TrackingEventView,
    run: (api, a) => eventTool(api, a, 'completed'),
  },
  {
    name: 'gate_passed',
    title: 'Quality gate passed',
    description: "Records that a completed phase's quality gate passed: its hand-overs (sync points) open.",
    input: withIds({ planId: PlanId, sessionId: SessionId }, GateBody),
    output: TrackingEventView,
    run: (api, a) => eventTool(api, a, 'gate_passed'),
  },
  {
    name: 'gate_failed',
    title: 'Quality gate failed',
    description: "Records that a completed phase's quality gate failed: its dependents are held until it passes.",
    input: withIds({ planId: PlanId, sessionId: SessionId }, GateBody),
    output: TrackingEventView,
    run: (api, a) => eventTool(api, a, 'gate_failed'),
  },
  {
    name: 'get_status',
    title: 'Plan status',
    description: 'Planned vs actual per phase and wave, metrics from actuals and open alerts (as of now, or asOf).',
    input: Type.Object({ planId: PlanId, asOf: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
    output: StatusView,
    run: (api, a) => api.request('GET', `/plans/${enc(a.planId)}/status${q({ asOf: a.asOf })}`),
  },
  {
    name: 'what_if',
    title: 'What if',
    description:
      'Plans the latest version with changes (teams, availability, buffer, deadline, pools, phases, dependencies) without storing anything, and answers both summaries, both sets of success criteria and the differences.',
    input: withIds({ planId: PlanId }, ScenarioRequest),
    output: ScenarioResponse,
    run: (api, { planId, ...body }) => api.request('POST', `/plans/${enc(planId)}/scenarios`, { json: body }),
  },
  {
    name: 'replan',
    title: 'Re-plan',
    description: 'A new version from where things stand: completed work kept, running phases pinned, as little moved as possible.',
    input: withIds({ planId: PlanId }, ReplanBody),
    output: ReplanResponse,
    run: (api, { planId, ...body }) => api.request('POST', `/plans/${enc(planId)}/replan`, { json: body }),
  },
];
