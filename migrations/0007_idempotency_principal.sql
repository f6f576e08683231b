-- An Idempotency-Key belongs to the principal that sent it (an API key, the admin, or the
-- anonymous principal when auth is off), not only to a workspace: another key of the same
-- workspace reusing the key must never be answered with the first principal's response.
alter table idempotency_keys add column principal text not null default '';
alter table idempotency_keys drop constraint idempotency_keys_pkey;
alter table idempotency_keys add primary key (workspace_id, principal, key);
create index idempotency_keys_created_at on idempotency_keys (created_at);
