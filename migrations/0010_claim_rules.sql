-- Claims that respect the plan: a session names the skills it brings and how many phases it
-- may hold at once; a claim records the team it runs on (for the team's capacity) and, when
-- it was taken despite a skill mismatch, the reason given for the override.
alter table sessions add column skills text[];
alter table sessions add column claim_limit integer not null default 1 check (claim_limit between 1 and 1000);
alter table claims add column team_id text;
alter table claims add column override_reason text;
create index claims_live_team_idx on claims (plan_id, team_id) where status = 'active';
