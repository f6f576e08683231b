import type { Artifacts } from '../schemas/artifacts/index.js';
import type { ColumnType, Generated } from 'kysely';
import type { EventType, TrackingEvent } from '../domain/tracking/events.js';
import type { PlanSummary } from '../schemas/plan-summary.js';
import type { ScheduleEntry } from '../schemas/schedule-entry.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlansTable {
  id: string;
  workspace_id: Generated<string>;
  name: string;
  latest_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  judged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PlanVersionsTable {
  plan_id: string;
  version: number;
  parent_version: number | null;
  reason: 'create' | 'update' | 'replan';
  input: ColumnType<unknown, string, string>;
  artifacts: ColumnType<Artifacts, string, string>;
  document: string;
  gantt_svg: ColumnType<string, string | undefined, string>;
  playbooks: ColumnType<Record<string, string>, string | undefined, string>;
  summary: ColumnType<PlanSummary, string, string>;
  schedule: ColumnType<ScheduleEntry[], string, string>;
  content_hash: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  plan_id: string;
  label: string | null;
  team_id: string | null;
  status: 'active' | 'expired' | 'closed';
  heartbeat_timeout_seconds: number;
  skills: string[] | null;
  claim_limit: Generated<number>;
  registered_at: Timestamp;
  last_heartbeat_at: Timestamp;
}

export interface ClaimsTable {
  id: Generated<number>;
  plan_id: string;
  phase_id: string;
  session_id: string;
  status: 'active' | 'completed' | 'released' | 'expired' | 'failed';
  areas: string[];
  team_id: string | null;
  override_reason: string | null;
  claimed_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface PhaseEventsTable {
  id: Generated<number>;
  plan_id: string;
  phase_id: string | null;
  session_id: string | null;
  type: EventType;
  data: ColumnType<TrackingEvent['data'], string, string>;
  occurred_at: Timestamp;
  recorded_at: Timestamp;
}

export interface AlertsTable {
  id: Generated<number>;
  plan_id: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  message: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  raised_at: Timestamp;
  resolved_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  principal: Generated<string>;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  role: 'read' | 'write';
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface WebhookSubscriptionsTable {
  id: string;
  plan_id: string;
  url: string;
  event_types: string[];
  secret: string;
  description: string | null;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  plan_id: string;
  event_type: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | 'delivered' | 'failed' | undefined, 'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  queued_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempted_at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface Database {
  api_keys: ApiKeysTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  sessions: SessionsTable;
  claims: ClaimsTable;
  phase_events: PhaseEventsTable;
  alerts: AlertsTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
