-- A worker working a queued job beats here every few seconds. A job whose beat stopped (its
-- process was killed) is handed back to the queue within a minute instead of waiting for
-- pg-boss's expiry, which must stay long enough for the largest legitimate plan.
create table job_heartbeats (
  job_id uuid primary key,
  beat_at timestamptz not null default now()
);
