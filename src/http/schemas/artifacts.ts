import { Type } from 'typebox';

export const ARTIFACT_NAMES = [
  'execution-plan.json',
  'wave-schedules.json',
  'coordination-protocols.json',
  'risk-mitigation-plan.json',
  'monitoring-config.json',
] as const;
export type ArtifactName = (typeof ARTIFACT_NAMES)[number];

/** Placeholder until the artifact schemas land: any of the five documents. */
export const artifactResponses = Type.Object({}, { additionalProperties: true, description: 'The artifact document' });
