-- Live execution tracking. Tracking belongs to a plan (not a version): a re-plan makes a new
-- version and the work already claimed or done carries over.

create table sessions (
  id uuid primary key,
  plan_id uuid not null references plans (id) on delete cascade,
  label text,
  team_id text,
  status text not null default 'active' check (status in ('active', 'expired', 'closed')),
  heartbeat_timeout_seconds integer not null check (heartbeat_timeout_seconds > 0),
  registered_at timestamptz not null default now(),
  last_heartbeat_at timestamptz not null default now()
);
create index sessions_live_idx on sessions (plan_id) where status = 'active';

-- The guard against two sessions holding one phase: at most one active or completed
-- claim per phase, enforced by the database whatever the application does.
create table claims (
  id bigserial primary key,
  plan_id uuid not null references plans (id) on delete cascade,
  phase_id text not null,
  session_id uuid not null references sessions (id) on delete cascade,
  status text not null check (status in ('active', 'completed', 'released', 'expired', 'failed')),
  areas text[] not null default '{}',
  claimed_at timestamptz not null default now(),
  ended_at timestamptz
);
create unique index claims_one_live_per_phase on claims (plan_id, phase_id) where status in ('active', 'completed');
create index claims_session_idx on claims (session_id) where status = 'active';

-- Append-only: state is derived from these rows.
create table phase_events (
  id bigserial primary key,
  plan_id uuid not null references plans (id) on delete cascade,
  phase_id text,
  session_id uuid references sessions (id) on delete cascade,
  type text not null check (type in (
    'claimed', 'started', 'progress', 'blocked', 'unblocked', 'completed',
    'gate_passed', 'gate_failed', 'released', 'expired', 'failed', 'heartbeat_lost'
  )),
  data jsonb not null default '{}',
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now()
);
create index phase_events_plan_idx on phase_events (plan_id, id);

create table alerts (
  id bigserial primary key,
  plan_id uuid not null references plans (id) on delete cascade,
  kind text not null,
  severity text not null check (severity in ('info', 'warning', 'critical')),
  subject text not null default '',
  message text not null,
  data jsonb not null default '{}',
  raised_at timestamptz not null default now(),
  resolved_at timestamptz
);
-- one open alert per kind and subject: re-evaluating thresholds does not pile up copies
create unique index alerts_open_once on alerts (plan_id, kind, subject) where resolved_at is null;
create index alerts_plan_idx on alerts (plan_id, id);

-- Idempotency-Key: the first response is stored with the request's hash and replayed to retries.
create table idempotency_keys (
  workspace_id text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
);
