-- API keys: only a hash of each token is kept. A key acts in one workspace with read or write rights.
create table api_keys (
  id uuid primary key,
  workspace_id text not null,
  name text not null,
  role text not null check (role in ('read', 'write')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_keys_workspace_idx on api_keys (workspace_id);
