-- Webhooks for orchestrators that cannot hold an event stream. A delivery row is written in the
-- same transaction as the event it announces (an outbox), so a restart between the commit and
-- the queueing loses nothing: rows not yet handed to the job queue are picked up again.
create table webhook_subscriptions (
  id uuid primary key,
  plan_id uuid not null references plans (id) on delete cascade,
  url text not null,
  event_types text[] not null,
  secret text not null,
  description text,
  created_at timestamptz not null default now()
);
create index webhook_subscriptions_plan_idx on webhook_subscriptions (plan_id);

create table webhook_deliveries (
  id uuid primary key,
  subscription_id uuid not null references webhook_subscriptions (id) on delete cascade,
  plan_id uuid not null references plans (id) on delete cascade,
  event_type text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  queued_at timestamptz,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index webhook_deliveries_unqueued_idx on webhook_deliveries (created_at) where status = 'pending' and queued_at is null;
create index webhook_deliveries_subscription_idx on webhook_deliveries (subscription_id, created_at);

create table webhook_attempts (
  id bigserial primary key,
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  attempted_at timestamptz not null default now(),
  status_code integer,
  error text,
  duration_ms integer not null
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id);
