// @ts-check
// The group filter of the plan view: one group (with the groups below it) in place of the
// whole plan, for the Gantt and the waves table.
import { h } from './dom.js';
import { groupsOf } from './gantt/model.js';

/**
 * @typedef {import('../types.js').PlanVersionJson} PlanVersionJson
 * @typedef {import('./gantt/model.js').GanttEntry} GanttEntry
 * @typedef {import('./gantt/model.js').GroupJson} GroupJson
 */

/** @param {PlanVersionJson} plan @returns {GroupJson[]} */
export function planGroups(plan) {
  const ep = plan.artifacts['execution-plan.json'];
  return groupsOf(/** @type {GanttEntry[]} */ (ep.schedule), /** @type {{ groups?: GroupJson[] }} */ (ep).groups);
}

/**
 * The plan as one group shows it: its phases only (links between them stay), the groups inside it,
 * and the waves with the group's phases in them. The plan itself when no group is chosen.
 * @param {PlanVersionJson} plan
 * @param {string} group
 * @returns {PlanVersionJson}
 */
export function planOfGroup(plan, group) {
  const chosen = planGroups(plan).find((g) => g.id === group);
  if (!chosen) return plan;
  const ids = new Set(chosen.phases);
  const ep = plan.artifacts['execution-plan.json'];
  const ws = plan.artifacts['wave-schedules.json'];
  return {
    ...plan,
    artifacts: {
      ...plan.artifacts,
      'execution-plan.json': {
        ...ep,
        schedule: ep.schedule.filter((e) => ids.has(e.id)),
        .../** @type {object} */ ({ groups: planGroups(plan).filter((g) => g.phases.every((id) => ids.has(id))) }),
      },
      'wave-schedules.json': {
        ...ws,
        waves: ws.waves.map((w) => ({ ...w, phases: w.phases.filter((p) => ids.has(p.id)) })).filter((w) => w.phases.length > 0),
      },
    },
  };
}

/**
 * A select of the plan's groups ("All phases" first), or null when the plan has none.
 * @param {PlanVersionJson} plan
 * @param {string} value
 * @param {(group: string) => void} onChange
 */
export function groupSelect(plan, value, onChange) {
  const groups = planGroups(plan);
  if (groups.length === 0) return null;
  const select = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'group-filter', name: 'group' },
      h('option', { value: '' }, 'All phases'),
      groups.map((g) => h('option', { value: g.id, selected: g.id === value }, `${g.name} (${g.phases.length} ${g.phases.length === 1 ? 'phase' : 'phases'})`)),
    )
  );
  select.addEventListener('change', () => onChange(select.value));
  return h('p', { class: 'group-filter' }, h('label', { for: 'group-filter' }, 'Group: '), select);
}
