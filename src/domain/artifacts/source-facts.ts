import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import { contentHash } from '../content-hash.js';
import { r2 } from '../format.js';
import type { ArtifactContext } from './context.js';

type CriticalPathComparison = NonNullable<ExecutionPlan['critical_path']['source_critical_path']>;

/** Consecutive duplicates removed: a chain of tasks seen as the chain of their groups. */
const collapse = (ids: string[]) => ids.filter((id, i) => i === 0 || ids[i - 1] !== id);

/** The source analysis' critical path beside the computed one, in the source's terms, with the difference in words. */
export function sourceCriticalPath(ctx: ArtifactContext): CriticalPathComparison | undefined {
  const { project, cpm } = ctx.result;
  const given = project.source?.criticalPath;
  if (!given) return undefined;
  const chain = cpm.criticalPath.map((j) => project.phases[j]!);
  const computed = given.of === 'groups' ? collapse(chain.map((p) => p.group ?? p.id)) : chain.map((p) => p.id);
  const onlyInSource = given.ids.filter((id) => !computed.includes(id));
  const onlyInComputed = computed.filter((id) => !given.ids.includes(id));
  const same = onlyInSource.length === 0 && onlyInComputed.length === 0 && given.ids.join('\u0000') === computed.join('\u0000');
  const length = r2(cpm.length);
  const duration = given.durationDays === undefined ? null : r2(given.durationDays);
  const parts = [
    same
      ? `the source's critical path (${given.ids.join(' → ')}) is the one computed`
      : `the source names ${given.ids.join(' → ')}; computed from the imported durations and dependencies it is ${computed.join(' → ')}`,
    ...(onlyInSource.length > 0 ? [`only in the source: ${onlyInSource.join(', ')}`] : []),
    ...(onlyInComputed.length > 0 ? [`only in the computed path: ${onlyInComputed.join(', ')}`] : []),
    duration === null
      ? `the source gives no duration; the computed path takes ${length} working days`
      : duration === length
        ? `both take ${length} working days`
        : `the source says ${duration} working days, the computed path takes ${length} (${length > duration ? '+' : ''}${r2(length - duration)})`,
  ];
  return {
    of: given.of,
    ids: given.ids,
    duration_days: duration,
    computed_ids: computed,
    computed_length_days: length,
    same_path: same,
    only_in_source: onlyInSource,
    only_in_computed: onlyInComputed,
    difference: `${parts.join('; ')}.`,
  };
}

/** The soft dependencies, and those the schedule did not keep when it was allowed to relax them. */
export function softDependencies(ctx: ArtifactContext): ExecutionPlan['soft_dependencies'] {
  const { project, schedule } = ctx.result;
  const soft = project.softDependencies;
  if (!soft) return undefined;
  const ignored = soft.links
    .filter((l) => schedule.start[l.phase]! < schedule.finish[l.on]! - 1e-9)
    .map((l) => ({ phase: project.phases[l.phase]!.id, on: project.phases[l.on]!.id }));
  return { count: soft.links.length, relaxed: soft.relaxed, ignored };
}

/**
 * The analysis the plan comes from: the source graph's id when imported, else the content id of
 * the input's dependency graph (its phases), so that two plans of one graph name the same source.
 */
export function sourceIdentity(ctx: ArtifactContext): Pick<ExecutionPlan, 'dependency_analysis_source' | 'dependency_analysis_source_kind' | 'source_generation_date'> {
  const s = ctx.result.project.source;
  return {
    ...(s?.dependencyGraphId !== undefined
      ? { dependency_analysis_source: s.dependencyGraphId, dependency_analysis_source_kind: 'imported' as const }
      : { dependency_analysis_source: `graph_${contentHash(ctx.input.phases).slice(0, 16)}`, dependency_analysis_source_kind: 'input_content' as const }),
    ...(s?.generatedAt !== undefined ? { source_generation_date: s.generatedAt } : {}),
  };
}
