// @ts-check
// The group filter of the plan view: one group (with the groups below it) in place of the
// whole plan, for the Gantt and the waves table.
import { h } from './dom.js';
import { groupsOf } from './gantt/model.js';

/**
 * @typedef {import('../types.js').PlanViewJson} PlanViewJson
 * @typedef {import('../types.js').WaveSchedulesJson} WaveSchedulesJson
 * @typedef {import('./gantt/model.js').GanttEntry} GanttEntry
 * @typedef {import('./gantt/model.js').GroupJson} GroupJson
 */

/** @param {PlanViewJson} plan @returns {GroupJson[]} */
export function planGroups(plan) {
  const ep = plan.artifacts['execution-plan.json'];
  return groupsOf(/** @type {GanttEntry[]} */ (ep.schedule), /** @type {{ groups?: GroupJson[] }} */ (ep).groups);
}

/** The phases of a group and of the groups below it, or undefined for the whole plan. @param {PlanViewJson} plan @param {string} group */
const phasesOf = (plan, group) => {
  const chosen = planGroups(plan).find((g) => g.id === group);
  return chosen ? new Set(chosen.phases) : undefined;
};

/**
 * The plan as one group shows it: its phases only (links between them stay) and the groups inside
 * it. The plan itself when no group is chosen.
 * @param {PlanViewJson} plan
 * @param {string} group
 * @returns {PlanViewJson}
 */
export function planOfGroup(plan, group) {
  const ids = phasesOf(plan, group);
  if (!ids) return plan;
  const ep = plan.artifacts['execution-plan.json'];
  return {
    ...plan,
    artifacts: {
      ...plan.artifacts,
      'execution-plan.json': {
        ...ep,
        schedule: ep.schedule.filter((e) => ids.has(e.id)),
        .../** @type {object} */ ({ groups: planGroups(plan).filter((g) => g.phases.every((id) => ids.has(id))) }),
      },
    },
  };
}

/**
 * The waves with the group's phases in them, each listing only those; all of them when no group is chosen.
 * @param {PlanViewJson} plan
 * @param {WaveSchedulesJson['waves']} waves
 * @param {string} group
 */
export function wavesOfGroup(plan, waves, group) {
  const ids = phasesOf(plan, group);
  if (!ids) return waves;
  return waves.map((w) => ({ ...w, phases: w.phases.filter((p) => ids.has(p.id)) })).filter((w) => w.phases.length > 0);
}

/**
 * A select of the plan's groups ("All phases" first), or null when the plan has none.
 * @param {PlanViewJson} plan
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
