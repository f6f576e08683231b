-- The moment a plan's alerts were last judged as of. It only moves forward, so that a report
-- about an earlier moment (queued, batched or replayed) cannot resolve an alert that is true
-- by now, nor raise one that has already passed.
alter table plans add column judged_at timestamptz;
