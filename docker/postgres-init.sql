-- Runs once when the compose database is first created. Migrations are applied by the service itself.
create extension if not exists pgcrypto;
