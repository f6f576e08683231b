import { Type, type Static, type TSchema } from 'typebox';
import { CoordinationProtocols } from './coordination-protocols.js';
import { ExecutionPlan } from './execution-plan.js';
import { MonitoringConfig } from './monitoring-config.js';
import { RiskMitigationPlan } from './risk-mitigation-plan.js';
import { WaveSchedules } from './wave-schedules.js';

/** The five artifacts by file name, each with its JSON Schema. */
export const ARTIFACT_SCHEMAS = {
  'execution-plan.json': ExecutionPlan,
  'wave-schedules.json': WaveSchedules,
  'coordination-protocols.json': CoordinationProtocols,
  'risk-mitigation-plan.json': RiskMitigationPlan,
  'monitoring-config.json': MonitoringConfig,
} as const satisfies Record<string, TSchema>;

export const ARTIFACT_NAMES = Object.keys(ARTIFACT_SCHEMAS) as ArtifactName[];
export type ArtifactName = keyof typeof ARTIFACT_SCHEMAS;

/** The five artifacts of a version, keyed by file name. */
export const Artifacts = Type.Object(ARTIFACT_SCHEMAS, { title: 'Artifacts' });
export type Artifacts = Static<typeof Artifacts>;
