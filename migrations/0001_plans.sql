-- Plans and their immutable versions.
create table plans (
  id uuid primary key,
  workspace_id text not null default 'default',
  name text not null,
  latest_version integer not null check (latest_version >= 1),
  -- millisecond precision so that list cursors (JavaScript dates) compare exactly
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default now()
);
create index plans_workspace_created_idx on plans (workspace_id, created_at desc, id desc);

-- Version numbers are contiguous per plan and enforced here, not in the app:
-- (plan_id, version) is unique, version 1 has no parent, every other version's
-- parent is the version just before it and must exist.
create table plan_versions (
  plan_id uuid not null references plans (id) on delete cascade,
  version integer not null check (version >= 1),
  parent_version integer,
  reason text not null check (reason in ('create', 'update', 'replan')),
  input jsonb not null,
  artifacts jsonb not null,
  document text not null,
  summary jsonb not null,
  -- compact per-phase schedule (id, team, start/finish working day, wave) read by tracking
  schedule jsonb not null,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  primary key (plan_id, version),
  constraint plan_versions_parent_is_previous check (
    (version = 1 and parent_version is null) or (parent_version = version - 1)
  ),
  constraint plan_versions_parent_fk foreign key (plan_id, parent_version)
    references plan_versions (plan_id, version)
);
