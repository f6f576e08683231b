import { Type } from 'typebox';
import { ARTIFACT_SCHEMAS } from '../../schemas/artifacts/index.js';

export { ARTIFACT_NAMES, ARTIFACT_SCHEMAS, Artifacts, type ArtifactName } from '../../schemas/artifacts/index.js';

/** Any one of the five artifacts (the response of GET …/artifacts/{name}). */
export const artifactResponses = Type.Union(Object.values(ARTIFACT_SCHEMAS), { description: 'The artifact named in the path' });
