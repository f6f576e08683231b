-- DELETE /plans/{id} archives a plan: it leaves the list and takes no new versions, while every
-- version stays readable (for auditors) by its URL.
alter table plans add column archived_at timestamptz;
