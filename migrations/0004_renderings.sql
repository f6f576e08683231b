-- Renderings stored with each immutable version: the SVG Gantt chart and one playbook per team.
alter table plan_versions add column gantt_svg text not null default '';
alter table plan_versions add column playbooks jsonb not null default '{}'::jsonb;
