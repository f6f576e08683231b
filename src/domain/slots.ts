import type { PlanResult } from './model.js';

/**
 * Slot ids — the planned sessions of the artifacts, named session_001 … as the format has it —
 * in order of planned start (ties: topological order): one slot per phase.
 */
export function slotIds(result: Pick<PlanResult, 'schedule' | 'project'>): string[] {
  const { schedule, project } = result;
  const topo = new Int32Array(project.phases.length);
  project.order.forEach((j, k) => (topo[j] = k));
  const byStart = project.phases.map((p) => p.index).sort((a, b) => schedule.start[a]! - schedule.start[b]! || topo[a]! - topo[b]!);
  const width = Math.max(3, String(byStart.length).length);
  const ids = new Array<string>(byStart.length);
  byStart.forEach((j, k) => (ids[j] = `session_${String(k + 1).padStart(width, '0')}`));
  return ids;
}
