// Generated from openapi/openapi.json by openapi-typescript (`npm run openapi`, and `npm run build`). Do not edit.
export interface paths {
    "/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (admin key only) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key for a workspace (admin key only). The token is shown once. */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin key only) */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Map a dependency graph, task-master tasks.json, CSV, PSPLIB, MS Project XML or beads issues.jsonl file to a plan input (POST it to /plans to plan it)
         * @description Send the file as the body with its own content type (text/csv, text/tab-separated-values, text/plain, application/json, application/yaml, application/x-yaml, text/yaml, application/xml, text/xml, application/x-ndjson, application/jsonl, application/octet-stream). Nothing is stored.
         */
        post: operations["importPlanInput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A queued planning job (large plans are answered 202 with this URL) */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of this instance (open unless METRICS_TOKEN is set, then Bearer <METRICS_TOKEN>) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List plans, newest first */
        get: operations["listPlans"];
        put?: never;
        /** Plan a project: validates the graph, schedules it and stores version 1 with its artifacts */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest version of a plan, with its input and artifacts (ETag names the version) */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        /** Archive a plan: it leaves GET /plans and takes no new versions; every version stays readable by its URL (repeatable) */
        delete: operations["archivePlan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/agent-playbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agent playbooks of the latest version: one brief per phase (JSON, or Markdown with ?format=markdown) */
        get: operations["getPlansIdAgentPlaybooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/agent-playbooks/{phaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One phase's agent playbook: deliverables and acceptance criteria, the areas it owns and those held by parallel phases, its branch, the sync points to wait for and the exact MCP/REST calls to report with */
        get: operations["getPlansIdAgentPlaybooksPhaseId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts raised for a plan, oldest first */
        get: operations["listAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Some artifacts of the latest version, with its metadata (ETag names the version) */
        get: operations["getArtifactSet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/artifacts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One artifact of the latest version */
        get: operations["getArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a phase for a session (atomic). 409 names the reason: dependency_not_done, phase_taken, phase_completed, sync_point_pending, wave_pending, area_locked, skill_mismatch (override with a reason), team_at_capacity, session_busy, nothing_claimable */
        post: operations["createClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The strategy document (Markdown) of the latest version */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/event-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The append-only event log (JSON), after a given event id */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: "phase" for each tracking event, "alert" for each alert; resumable with Last-Event-ID */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest version in the format the Accept header asks for
         * @description Accept: application/xml (or text/xml, application/vnd.ms-project) for MS Project XML, text/calendar for iCalendar, text/csv for CSV; the highest q wins. 406 when none is acceptable. MS Project XML (MSPDI): tasks with planned dates, groups as summary tasks, dependencies with type and lag, teams as resources with assignments, the project calendar. iCalendar: phases, milestones and sync points as all-day events with stable UIDs (subscribe and the events update in place); `team` narrows it to one team's feed. CSV: one row per phase with dates, team, slack and criticality.
         */
        get: operations["exportPlanNegotiated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/export/{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest version as MS Project XML, iCalendar or CSV
         * @description MS Project XML (MSPDI): tasks with planned dates, groups as summary tasks, dependencies with type and lag, teams as resources with assignments, the project calendar. iCalendar: phases, milestones and sync points as all-day events with stable UIDs (subscribe and the events update in place); `team` narrows it to one team's feed. CSV: one row per phase with dates, team, slack and criticality.
         */
        get: operations["exportPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/export/task-master": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write the latest version's planned dates and teams into a task-master tasks.json
         * @description Send tasks.json as the body (application/json). Each task and subtask the plan schedules (task n is phase task-n, subtask m is task-n.m) gets a `waveplan` object: planId, version, plannedStart, plannedFinish, team, wave, critical, slackDays; everything else in the file is returned byte for byte. Nothing is stored. The header x-waveplan-written counts the tasks written.
         */
        post: operations["writeBackTaskMaster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/gantt.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gantt chart of the latest version (SVG): one lane per team, the critical phases in red */
        get: operations["getGantt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/playbooks/{team}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One team's playbook (Markdown) of the latest version */
        get: operations["getPlaybook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ready set, read-only: phases that may be claimed now (dependencies done, not held, areas free, sync points and, under barrier gating, earlier waves passed), for a session, a team or a set of skills */
        get: operations["getPlansIdReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/replan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-plan from where things stand: a new version that keeps completed work, pins running phases and moves as little as it can */
        post: operations["replanPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan a what-if: the latest version with changes, planned but not stored, beside the current version with the differences */
        post: operations["postPlansIdScenarios"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/scenarios/adopt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adopt a what-if: the same changes applied to the version If-Match names, stored as the next version (412 when stale, 428 when absent) */
        post: operations["postPlansIdScenariosAdopt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sessions of a plan, oldest first */
        get: operations["listSessions"];
        put?: never;
        /** Register a session (an agent or team member) that will claim and work phases */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/sessions/{sessionId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress on a held phase: started, progress, blocked, unblocked, completed, gate_passed, gate_failed, released, failed */
        post: operations["reportEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/sessions/{sessionId}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep a session alive; a session silent past its timeout loses its claims */
        post: operations["heartbeatSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/state.tar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The five artifacts of the latest version as parallel-execution/<name>.json in a tar archive */
        get: operations["getStateArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Planned vs actual per phase and wave, metrics from actuals, and open alerts */
        get: operations["getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a plan, oldest first (without artifacts) */
        get: operations["listVersions"];
        put?: never;
        /** Store new input as the next version. Requires If-Match with the current ETag, or * (412 when stale or weak, 428 when absent) */
        post: operations["createVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a plan, with its input and artifacts */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/versions/{version}/artifacts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One artifact of a given version */
        get: operations["getVersionArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/versions/{version}/diff/{other}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from one version to another: input fields, phases and teams added, removed or changed; phases the schedule moved; the makespan */
        get: operations["diffVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/versions/{version}/export/{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version as MS Project XML, iCalendar or CSV
         * @description MS Project XML (MSPDI): tasks with planned dates, groups as summary tasks, dependencies with type and lag, teams as resources with assignments, the project calendar. iCalendar: phases, milestones and sync points as all-day events with stable UIDs (subscribe and the events update in place); `team` narrows it to one team's feed. CSV: one row per phase with dates, team, slack and criticality.
         */
        get: operations["exportPlanVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions of a plan (without their secrets) */
        get: operations["getPlansIdWebhooks"];
        put?: never;
        /** Subscribe a URL to a plan's events: signed POSTs (Standard Webhooks), retried with backoff; the URL must pass the allow-list */
        post: operations["postPlansIdWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subscription (and its delivery log) */
        delete: operations["deletePlansIdWebhooksWebhookId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{id}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of a subscription, newest first: each delivery with every attempt (status code or error) */
        get: operations["getPlansIdWebhooksWebhookIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers, and so does the job queue where there is one (each within 2 s) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AgentPlaybook */
        AgentPlaybook: {
            acceptance_criteria: string[];
            /** @description wp/<plan id>/<phase id> */
            branch: string;
            calls: {
                mcp: {
                    arguments: {
                        [key: string]: unknown;
                    };
                    tool: string;
                };
                rest: {
                    body?: {
                        [key: string]: unknown;
                    };
                    method: string;
                    path: string;
                };
                /** @description When to make the call. */
                step: string;
            }[];
            deliverables: string[];
            hands_over_to: {
                phase: string;
                team: string | null;
            }[];
            heartbeat_interval_seconds: number;
            /** @description Areas held by phases planned to run in parallel with this one. */
            must_not_touch: {
                areas: string[];
                finish_date: string;
                phase: string;
                start_date: string;
                team: string | null;
            }[];
            /** @description Files and areas this phase works in. */
            owns: string[];
            phase: {
                critical: boolean;
                description: string | null;
                duration_days: number;
                finish_date: string;
                id: string;
                name: string;
                skills: string[];
                slack_days: number;
                start_date: string;
                team: string | null;
                team_size: number;
                wave: number;
            };
            plan: {
                id: string;
                name: string;
                version: number;
                /** @enum {unknown} */
                wave_gating: "flow" | "barrier";
            };
            quality_gate: {
                exit_criteria: string[];
                gate_id: string;
                name: string;
            } | null;
            wait_for: {
                id: string;
                /** @enum {unknown} */
                kind: "dependency" | "sync_point" | "wave";
                planned_date: string;
                what: string;
            }[];
            /** @description A git command that makes the worktree for the branch. */
            worktree: string;
        };
        /** Alert */
        Alert: {
            data: {
                [key: string]: unknown;
            };
            id: number;
            kind: string;
            message: string;
            /** Format: date-time */
            raisedAt: string;
            resolvedAt: string | null;
            /** @enum {unknown} */
            severity: "info" | "warning" | "critical";
            subject: string;
        };
        /** AlertPage */
        AlertPage: {
            items: components["schemas"]["Alert"][];
            /** @description URL of the next page (also in the Link header, rel="next"); null on the last page. */
            next: string | null;
        };
        /** ApiKey */
        ApiKey: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            revokedAt: string | null;
            /** @enum {unknown} */
            role: "read" | "write";
            workspaceId: string;
        };
        /** ArchivedPlan */
        ArchivedPlan: {
            /** Format: date-time */
            archivedAt: string;
            latestVersion: number;
            /** Format: uuid */
            planId: string;
        };
        /** Artifacts */
        Artifacts: {
            "coordination-protocols.json": components["schemas"]["CoordinationProtocols"];
            "execution-plan.json": components["schemas"]["ExecutionPlan"];
            "monitoring-config.json": components["schemas"]["MonitoringConfig"];
            "risk-mitigation-plan.json": components["schemas"]["RiskMitigationPlan"];
            "wave-schedules.json": components["schemas"]["WaveSchedules"];
        };
        /** ArtifactSet */
        ArtifactSet: {
            artifacts: components["schemas"]["SomeArtifacts"];
            /** @description sha256 of the canonical input JSON. */
            contentHash: string;
            /** Format: date-time */
            createdAt: string;
            name: string;
            parentVersion: number | null;
            /** Format: uuid */
            planId: string;
            /** @enum {unknown} */
            reason: "create" | "update" | "replan";
            summary: components["schemas"]["PlanSummary"];
            version: number;
        };
        /** Claim */
        Claim: {
            /** Format: date-time */
            claimedAt: string;
            claimId: number;
            /** @description The reason given for taking it despite a skill mismatch. */
            override?: string;
            phaseId: string;
            /** Format: uuid */
            sessionId: string;
            /** @description The team the claim runs on and counts against. */
            team: string | null;
        };
        /**
         * CoordinationProtocols
         * @description coordination-protocols.json
         */
        CoordinationProtocols: {
            coordination_protocols: {
                communication_schedule: {
                    agenda: string[];
                    cadence: string;
                    dates?: string[];
                    duration_minutes: number;
                    /** Format: date */
                    finish_date: string;
                    id: string;
                    /** @enum {unknown} */
                    kind: "daily_standup" | "weekly_integration_review" | "handover_meeting" | "contract_meeting";
                    name: string;
                    participants: string[];
                    /** Format: date */
                    start_date: string;
                }[];
                decision_hierarchy: {
                    decides: string[];
                    escalates_to: string | null;
                    level: number;
                    role: string;
                }[];
                decision_making: {
                    decision_types: {
                        coordination_decisions: {
                            role: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                        quality_decisions: {
                            role: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                        resource_decisions: {
                            role: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                        technical_decisions: {
                            role: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                    };
                    escalation_criteria: {
                        resource_conflicts: {
                            criterion: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                        technical_conflicts: {
                            criterion: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                        timeline_impacts: {
                            criterion: string;
                            /**
                             * @description input: given by coordination in the plan input; default: derived from the plan.
                             * @enum {unknown}
                             */
                            source: "input" | "default";
                        };
                    };
                };
                escalation: {
                    blocked_hours: number;
                    heartbeat_timeout_seconds: number;
                    rules: {
                        action: string;
                        alert_kind: string;
                        condition: string;
                        escalate_to_level: number;
                    }[];
                    schedule_variance_percent: number;
                    source: {
                        [key: string]: "input" | "default";
                    };
                };
                synchronization_points: {
                    /** @description What changes hands: the upstream phase’s declared deliverables and the areas both phases touch, else its areas. */
                    deliverables: string[];
                    duration_minutes: number;
                    failure_procedure: string;
                    /**
                     * @description handover: work changes team along a dependency; wave_boundary: a wave ends; contract: two phases of one wave, on different teams, share an area or feed the same later phase.
                     * @enum {unknown}
                     */
                    kind: "handover" | "wave_boundary" | "contract";
                    participants: string[];
                    phases: string[];
                    /** Format: date */
                    planned_date: string;
                    /** @description Working days from the project start. */
                    planned_day: number;
                    preparation_requirements: string[];
                    sessions: string[];
                    success_criteria: string[];
                    sync_id: string;
                    trigger: string;
                }[];
            };
            execution_plan_id: string;
            session_coordination: {
                heartbeat_interval_seconds: number;
                heartbeat_timeout_seconds: number;
                lifecycle: {
                    states: string[];
                    transitions: {
                        /** @enum {unknown} */
                        endpoint: "POST /plans/{id}/claims" | "POST /plans/{id}/sessions/{sessionId}/events" | "POST /plans/{id}/sessions/{sessionId}/heartbeat" | "POST /plans/{id}/sessions/{sessionId}/heartbeat (missed)" | "GET /plans/{id}/event-log" | "GET /plans/{id}/events" | "POST /plans/{id}/webhooks";
                        event: string;
                        from: string;
                        to: string;
                    }[];
                };
                max_concurrent_sessions: number | null;
                peak_concurrent_sessions: number;
                sessions: {
                    areas: string[];
                    /** Format: date */
                    finish_date: string;
                    /** @description Working days from the project start. */
                    finish_day: number;
                    phase: string;
                    phase_name: string;
                    session_id: string;
                    /** Format: date */
                    start_date: string;
                    /** @description Working days from the project start. */
                    start_day: number;
                    team: string | null;
                    unblocks: string[];
                    waits_for: string[];
                    wave: number;
                }[];
                state_synchronization: {
                    conflict_detection: string;
                    conflict_resolution: string;
                    /** @description What the service offers to keep sessions in step. */
                    mechanisms: {
                        description: string;
                        /** @enum {unknown} */
                        endpoint: "POST /plans/{id}/claims" | "POST /plans/{id}/sessions/{sessionId}/events" | "POST /plans/{id}/sessions/{sessionId}/heartbeat" | "POST /plans/{id}/sessions/{sessionId}/heartbeat (missed)" | "GET /plans/{id}/event-log" | "GET /plans/{id}/events" | "POST /plans/{id}/webhooks";
                        /** @enum {unknown} */
                        mechanism: "claims" | "heartbeats" | "event_log" | "event_stream" | "webhooks";
                    }[];
                };
            };
        };
        /**
         * Error
         * @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[].
         */
        Error: {
            /** @description Stable machine-readable error code. */
            code: string;
            /** @description What went wrong in this occurrence. */
            detail: string;
            /** @description Each offending field, with its path. */
            details: {
                code?: string;
                /** @description Ids involved, e.g. the phases of a dependency cycle in order. */
                ids?: string[];
                /** @enum {unknown} */
                in?: "body" | "querystring" | "params" | "headers";
                message: string;
                /** @description JSON pointer to the offending field within the request part ("" for the whole part). */
                path: string;
            }[];
            /**
             * Format: uri-reference
             * @description The request path the problem occurred on.
             */
            instance?: string;
            /** @description What went wrong (the same as detail). */
            message: string;
            /** @description The HTTP status. */
            status: number;
            /** @description The HTTP status (the same as status). */
            statusCode: number;
            /** @description Short summary of the problem type (the HTTP reason phrase). */
            title: string;
            /**
             * Format: uri-reference
             * @description The problem type: urn:waveplan:problem: and the code.
             * @example urn:waveplan:problem:dependency_cycle
             */
            type: string;
        };
        /** EventPage */
        EventPage: {
            items: components["schemas"]["TrackingEvent"][];
            /** @description URL of the next page (also in the Link header, rel="next"); null on the last page. */
            next: string | null;
        };
        /**
         * ExecutionPlan
         * @description execution-plan.json
         */
        ExecutionPlan: {
            critical_path: {
                /** @description A span in working days. */
                length_days: number;
                /** @description One precedence-critical chain, in order. */
                phases: string[];
                /** @description Phases that cannot slip without moving the finish in the resource-constrained schedule. */
                resource_constrained_phases: string[];
                slack: {
                    critical: boolean;
                    /** @description Working days from the project start. */
                    earliest_finish: number;
                    /** @description Working days from the project start. */
                    earliest_start: number;
                    /** @description A span in working days. */
                    free_slack_days: number;
                    id: string;
                    /** @description Working days from the project start. */
                    latest_finish: number;
                    /** @description Working days from the project start. */
                    latest_start: number;
                    /** @description A span in working days. */
                    schedule_slack_days: number;
                    /** @description A span in working days. */
                    total_slack_days: number;
                }[];
                /** @description The source’s own critical path beside the one computed from the imported durations and dependencies. */
                source_critical_path?: {
                    /** @description The computed critical path in the same terms (phases, or their groups). */
                    computed_ids: string[];
                    /** @description A span in working days. */
                    computed_length_days: number;
                    difference: string;
                    duration_days: number | null;
                    /** @description The source analysis’ critical path. */
                    ids: string[];
                    /** @enum {unknown} */
                    of: "phases" | "groups";
                    only_in_computed: string[];
                    only_in_source: string[];
                    same_path: boolean;
                };
            };
            /** @description The dependency_graph_id of the analysis the input was imported from, else graph_ + 16 hex digits of the sha256 of the input’s phases. */
            dependency_analysis_source: string;
            /**
             * @description imported: the source analysis’ own id; input_content: the content id of the input’s dependency graph.
             * @enum {unknown}
             */
            dependency_analysis_source_kind: "imported" | "input_content";
            /** @description ep_ + the first 16 hex digits of the sha256 of the canonical input: the same input is the same execution plan. */
            execution_plan_id: string;
            /** @description Roll-up of each group (phases[].group and the input’s groups): from its first phase’s start to its last phase’s finish. A group with no phases is left out. */
            groups: {
                /** Format: date */
                finish_date: string;
                /** @description Working days from the project start. */
                finish_day: number;
                id: string;
                name: string;
                parent?: string;
                /** @description Every phase in the group or a group below it. */
                phases: string[];
                /** Format: date */
                start_date: string;
                /** @description Working days from the project start. */
                start_day: number;
            }[];
            metrics: {
                /** @description Contract sync points (two phases of one wave, on different teams, that share an area or feed the same phase): listed in coordination-protocols.json beside the others, not in the overhead estimate. */
                contract_sync_points: number;
                /** @description Share of session time in sync points and stand-ups: coordination ÷ (work + coordination) hours × 100. */
                coordination_overhead_percent: number;
                max_concurrent_sessions: number;
                /** @description Savings, efficiency and utilisation cover the work from this working day: 0, or a re-plan's as-of day. */
                measured_from_day: number;
                /** @description Percent. */
                parallel_efficiency_percent: number;
                /** @description Hand-overs between teams and wave boundaries: the sync points the coordination overhead counts. */
                sync_points: number;
                team_utilisation_percent: {
                    [key: string]: number;
                };
                /** @description Percent. */
                time_savings_percent: number;
                /** @description All teams: person-days of work ÷ (Σ FTE × parallel duration) × 100. */
                utilisation_percent: number;
                waves: number;
            };
            /** @description The dates the plan commits to, in order. */
            milestones: {
                /** Format: date */
                date: string;
                /** @description Working days from the project start. */
                day: number;
                gates_critical_path: boolean;
                /**
                 * @description wave_end: the last phase of a wave finishes; sync_point: a cross-team hand-over into a critical phase; phase: a milestone phase of the input (zero duration); finish: the plan’s completion.
                 * @enum {unknown}
                 */
                kind: "wave_end" | "sync_point" | "phase" | "finish";
                milestone_id: string;
                name: string;
                phases: string[];
            }[];
            optimisation: {
                /** @description Percent. */
                gap_percent: number;
                lower_bounds: {
                    /** @description A span in working days. */
                    best_days: number;
                    /** @description A span in working days. */
                    critical_path_days: number;
                    /** @description A span in working days. */
                    destructive_days: number;
                    /** @description A span in working days. */
                    resource_days: number;
                };
                /** @description A span in working days. */
                makespan_days: number;
                proven_optimal: boolean;
                search: {
                    /** @description Schedules evaluated when the returned schedule was found: close to schedules_evaluated, the search was still improving when it stopped. */
                    best_found_at_schedule: number;
                    /** @description A span in working days. */
                    best_priority_rule_makespan_days: number;
                    found_by: string;
                    generations: number;
                    iteration_budget: number;
                    schedules_evaluated: number;
                    seed: number;
                    /**
                     * @description Why the search ended: its schedule met the best lower bound (optimal), it used its iteration budget or its time budget, or it could make no schedule it had not met before.
                     * @enum {unknown}
                     */
                    stopped_by: "lower_bound" | "iteration_budget" | "time_budget" | "no_new_schedules";
                };
            };
            /**
             * Format: date
             * @description The date the version was planned on: a re-plan’s as-of date, else the service’s (or CLI’s) today.
             */
            planning_date: string;
            project_context: {
                calendar: {
                    holidays: string[];
                    working_days: number[];
                };
                completed_phases?: number;
                /** Format: date */
                completion_date: string;
                deadline: string | null;
                deadline_met: boolean | null;
                description?: string;
                in_progress_phases?: number;
                name: string;
                /** @description A span in working days. */
                parallel_duration_days: number;
                phases: number;
                /** @description Working days from the project start. */
                replanned_from_day?: number;
                /** @description A span in working days. */
                sequential_duration_days: number;
                /** Format: date */
                start_date: string;
                teams: number;
                time_savings_days: number;
                /** @description Percent. */
                time_savings_percent: number;
            };
            recommendations: {
                /** @description Changes considered. */
                candidates: number;
                /** @description False when the plan count (or the time safety net) stopped the evaluation before every candidate. */
                complete: boolean;
                /** @description Changed inputs re-planned. */
                evaluated: number;
                items: {
                    added_capacity: {
                        amount: number;
                        unit: string;
                    };
                    /** @description The changes to the input; POST them to /plans/{id}/scenarios to see the whole plan. */
                    change: ({
                        /** @enum {string} */
                        kind: "add_people";
                        people: number;
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "resize_team";
                        size: number;
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "add_team";
                        team: {
                            /** @description Percent of the team available to this project. Default 100. */
                            availability?: number;
                            /** @description Time-varying capacity: on each working day the team has its size then, less the people on leave, and nobody on its non-working days. A phase holds its people for its whole run, so the schedule plans phases around these days rather than across them. Eligibility uses the largest size the team has on any day (a team of 4 becoming 6 may take a phase of 5, from the day it has 6); the stretch of understaffed phases uses `size`, or the grown size when only growth gives a team the people. A phase the leave delays or moves to another team names it in its execution-plan schedule entry (note). */
                            calendar?: {
                                /** @description The team’s size from a date on (a team of 4 becoming 6); before the first entry it is `size`. */
                                capacity?: {
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    from: string;
                                    size: number;
                                }[];
                                /** @description Leave periods, from and to inclusive. */
                                leave?: {
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    from: string;
                                    /** @description People away (default: the whole team). */
                                    people?: number;
                                    reason?: string;
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    to: string;
                                }[];
                                /** @description Days this team does not work (its own holidays), on top of the project calendar. */
                                nonWorkingDays?: string[];
                            };
                            /** @description Working hours per person per week. Default 40. */
                            hoursPerWeek?: number;
                            id: string;
                            name?: string;
                            /** @description People or agent sessions in the team. */
                            size: number;
                            skills: string[];
                        };
                    } | {
                        /** @enum {string} */
                        kind: "remove_team";
                        team: string;
                    } | {
                        availability: number;
                        /** @enum {string} */
                        kind: "set_availability";
                        team: string;
                    } | {
                        hoursPerWeek: number;
                        /** @enum {string} */
                        kind: "set_hours";
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "set_buffer";
                        percent: number;
                    } | {
                        deadline: string | null;
                        /** @enum {string} */
                        kind: "set_deadline";
                    } | {
                        capacity: number;
                        /** @enum {string} */
                        kind: "set_pool_capacity";
                        pool: string;
                    } | {
                        /** @enum {string} */
                        kind: "set_max_sessions";
                        sessions: number | null;
                    } | {
                        /** @enum {string} */
                        kind: "drop_phase";
                        phase: string;
                    } | {
                        duration: number | {
                            likely: number;
                            optimistic: number;
                            pessimistic: number;
                        };
                        /** @enum {string} */
                        kind: "re_estimate";
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "split_phase";
                        parts: number;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "add_dependency";
                        on: string;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "remove_dependency";
                        on: string;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "relax_soft_dependencies";
                    } | {
                        /** @enum {string} */
                        kind: "relax_soft_dependency";
                        on: string;
                        phase: string;
                    })[];
                    criteria_met: string[];
                    description: string;
                    /** @description True when the re-plan ran the plan's own search to its end (its iteration budget or its lower bound): planning the changed input gives makespan_days. False when the work budget could not pay for whole searches: without a warm start (recommendations.warm_start false) the same search stopped earlier, so planning it gives makespan_days or a shorter one; with a warm start, a capped search that began from the current plan, which replanning the change with the same seed, cap and warm start reproduces (planning it from scratch may differ either way). */
                    exact: boolean;
                    /** @description Added FTE × the new makespan: person-days the change pays for. */
                    extra_person_days: number;
                    /** @description A span in working days. */
                    makespan_days: number;
                    saved_days: number;
                    /** @description saved_days ÷ added capacity; null when nothing is added. */
                    saved_days_per_unit: number | null;
                    saved_percent: number;
                    /** @description The missed criteria this change is meant to help. */
                    targets: string[];
                    /** @description Percent. */
                    utilisation_percent: number;
                }[];
                method: string;
                /** @description The least any re-plan's search was allowed: the plan's own iteration budget, or on large plans a share of the advisor's work budget (see warm_start and each item's exact). */
                replan_iterations: number;
                /**
                 * @description Present when complete is false: plan_count (the advisor's plan limit, deterministic) or time_safety_net (the clock stopped it: which candidates were re-planned then depends on the machine and its load, so the recommendations may differ between runs of the same input).
                 * @enum {unknown}
                 */
                stopped_by?: "plan_count" | "time_safety_net";
                trade_off: {
                    points: {
                        fte: number;
                        /** @description A span in working days. */
                        makespan_days: number;
                        size: number;
                        /** @description Percent. */
                        utilisation_percent: number;
                    }[];
                    team: string;
                } | null;
                /** @description True when the re-plans were warm-started from the current plan's schedule (large plans; see each item's exact). */
                warm_start?: boolean;
            };
            resource_analysis: {
                /** @description Percent. */
                capacity_buffer_percent: number;
                infrastructure: {
                    capacity: number;
                    id: string;
                    kind: string;
                    name: string;
                    /** @description Percent. */
                    peak_utilisation_percent: number;
                    phases: string[];
                }[];
                max_concurrent_sessions: number | null;
                /** @description The source’s and the input’s resource constraints, then those the plan discovers: saturated pools, skills one team holds, areas two teams touch. */
                resource_constraints: {
                    constraint_type: string;
                    description?: string;
                    impact?: string;
                    mitigation?: string;
                    /**
                     * @description source: the imported analysis’, as written; input: resourceConstraints of the input; plan: discovered from the schedule.
                     * @enum {unknown}
                     */
                    origin: "source" | "input" | "plan";
                    phases: string[];
                    pools: string[];
                    teams: string[];
                }[];
                skills: {
                    phases: string[];
                    skill: string;
                    teams: string[];
                }[];
                teams: {
                    assigned_phases: string[];
                    /** @description Percent. */
                    availability_percent: number;
                    hours_per_week: number;
                    id: string;
                    name: string;
                    size: number;
                    skills: string[];
                    /** @description Full-time equivalents: size × availability × min(hours, 40) ÷ 40 × (1 − capacity buffer). */
                    usable_capacity: number;
                    /** @description Percent. */
                    utilisation_percent: number;
                    /** @description Person-days assigned. */
                    work_days: number;
                }[];
            };
            schedule: {
                critical: boolean;
                dependencies: string[];
                /** @description A span in working days. */
                duration_days: number;
                /** Format: date */
                finish_date: string;
                /** @description Working days from the project start. */
                finish_day: number;
                group?: string;
                id: string;
                /** @description Every dependency with its type (FS finish-to-start, SS start-to-start, FF finish-to-finish, SF start-to-finish) and lag in working days (negative: a lead); the schedule keeps every one. */
                links: {
                    id: string;
                    lag_days: number;
                    /** @enum {unknown} */
                    type: "FS" | "SS" | "FF" | "SF";
                }[];
                /** @description A milestone: a phase of zero duration, or one the input marks as a milestone. */
                milestone: boolean;
                name: string;
                /** @description Why a team calendar moved the phase: the leave, non-working day or smaller team of an eligible team that delayed it or put it on another team. */
                note?: string;
                /** Format: date */
                start_date: string;
                /** @description Working days from the project start. */
                start_day: number;
                team: string | null;
                team_size: number;
                wave: number;
            }[];
            soft_dependencies?: {
                count: number;
                /** @description Soft dependencies the schedule did not keep (it started the phase before the one it soft-depends on finished). */
                ignored: {
                    on: string;
                    phase: string;
                }[];
                /** @description True when constraints.relaxSoftDependencies let the schedule ignore them. */
                relaxed: boolean;
            };
            /** @description When that analysis was generated, as it wrote it. */
            source_generation_date?: string;
            success_criteria: {
                /** @enum {unknown} */
                comparison: "at_least" | "at_most";
                /** @enum {unknown} */
                criterion: "time_reduction" | "coordination_overhead" | "utilisation" | "completeness" | "feasibility" | "risk_coverage" | "deadline";
                explanation: string;
                met: boolean;
                name: string;
                target: number;
                target_max?: number;
                /** @enum {unknown} */
                unit: "percent" | "working days";
                /** @description The same figure as the metric elsewhere in the artifacts. */
                value: number;
            }[];
        };
        /** Health */
        Health: {
            /** @enum {unknown} */
            status: "ok";
        };
        /** ImportResult */
        ImportResult: {
            /** @enum {unknown} */
            format: "dependency-graph" | "task-master" | "csv" | "psplib" | "mspdi" | "beads" | "ccpm";
            input: components["schemas"]["PlanInput"];
            /** @description What the mapping assumed or left out, one sentence each. */
            notes: string[];
            /** @description Upstream dependency analysis: the source keys not used (JSON pointers, list indices as *); also listed in the notes. */
            unusedKeys?: string[];
        };
        /** Job */
        Job: {
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Why the job failed: the error the synchronous request would have answered. */
            error?: {
                /** @description Stable machine-readable error code. */
                code: string;
                /** @description Each offending field, with its path. */
                details: {
                    code?: string;
                    /** @description Ids involved, e.g. the phases of a dependency cycle in order. */
                    ids?: string[];
                    /** @enum {unknown} */
                    in?: "body" | "querystring" | "params" | "headers";
                    message: string;
                    /** @description JSON pointer to the offending field within the request part ("" for the whole part). */
                    path: string;
                }[];
                /** @description What went wrong (the same as detail). */
                message: string;
                /** @description The HTTP status (the same as status). */
                statusCode: number;
            };
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The plan this job creates; GET /plans/{planId} once completed.
             */
            planId: string;
            /** @enum {unknown} */
            state: "queued" | "running" | "completed" | "failed";
        };
        /**
         * MonitoringConfig
         * @description monitoring-config.json
         */
        MonitoringConfig: {
            execution_plan_id: string;
            monitoring_and_control: {
                control_mechanisms: {
                    action: string;
                    alert_kind: string;
                    automatic: boolean;
                    id: string;
                    /** @enum {unknown} */
                    severity: "info" | "warning" | "critical";
                    trigger: string;
                }[];
                metrics: {
                    /** @description Where target and thresholds come from. */
                    basis: string;
                    collection: string;
                    critical: number;
                    data_source: string;
                    /** @enum {unknown} */
                    direction: "higher_is_better" | "lower_is_better" | "band";
                    formula: string;
                    id: string;
                    name: string;
                    /** @description This plan’s expected value, beside the target. */
                    planned: number;
                    planned_meets_target: boolean;
                    subject: string | null;
                    /** @description The strategy’s target (or the input’s): never this plan’s own figure. */
                    target: number;
                    /**
                     * @description strategy: the seed strategy’s default; input: constraints.successCriteria or monitoring; monte_carlo: from the simulated spread.
                     * @enum {unknown}
                     */
                    target_source: "strategy" | "input" | "monte_carlo";
                    unit: string;
                    warning: number;
                    warning_low?: number;
                }[];
                /** @description The reviews of the plan, on its own dates. */
                periodic_assessment: {
                    /** @enum {unknown} */
                    cadence: "weekly" | "monthly" | "at each wave end" | "quarterly" | "once, after completion";
                    dates: string[];
                    focus: string[];
                    /** @enum {unknown} */
                    id: "weekly_progress_review" | "monthly_efficiency_assessment" | "wave_retrospective" | "quarterly_strategy_review" | "post_project_retrospective";
                    metrics: string[];
                    participants: string[];
                }[];
                replan_policy: {
                    /** @enum {string} */
                    endpoint: "POST /plans/{id}/replan";
                    keeps: string[];
                    triggers: string[];
                };
                reporting: {
                    /** @enum {string} */
                    alerts_endpoint: "GET /plans/{id}/alerts";
                    /** @enum {string} */
                    event_stream: "GET /plans/{id}/events";
                    poll_interval_seconds: number;
                    /** @enum {string} */
                    status_endpoint: "GET /plans/{id}/status";
                };
                success_metrics: {
                    business: {
                        /** @enum {unknown} */
                        id: "time_reduction" | "parallel_execution_efficiency" | "resource_efficiency" | "coordination_overhead" | "coordination_effectiveness" | "team_satisfaction" | "delivery_date" | "resource_cost" | "value_delivery";
                        measured_by: string;
                        name: string;
                        planned: number | string;
                        target: number | string | null;
                        unit: string;
                    }[];
                    qualitative: {
                        /** @enum {unknown} */
                        id: "time_reduction" | "parallel_execution_efficiency" | "resource_efficiency" | "coordination_overhead" | "coordination_effectiveness" | "team_satisfaction" | "delivery_date" | "resource_cost" | "value_delivery";
                        measured_by: string;
                        name: string;
                        planned: number | string;
                        target: number | string | null;
                        unit: string;
                    }[];
                    quantitative: {
                        /** @enum {unknown} */
                        id: "time_reduction" | "parallel_execution_efficiency" | "resource_efficiency" | "coordination_overhead" | "coordination_effectiveness" | "team_satisfaction" | "delivery_date" | "resource_cost" | "value_delivery";
                        measured_by: string;
                        name: string;
                        planned: number | string;
                        target: number | string | null;
                        unit: string;
                    }[];
                };
            };
        };
        /** PlanInput */
        PlanInput: {
            calendar?: {
                holidays?: string[];
                /** @description ISO weekday numbers that are worked, 0 = Sunday. Default Monday–Friday. */
                workingDays?: number[];
            };
            constraints?: {
                /** @description Percent of every team held in reserve. Default 20. */
                capacityBuffer?: number;
                /**
                 * Format: date
                 * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                 */
                deadline?: string;
                escalation?: {
                    /** @description A phase blocked longer than this is escalated. Default 4. */
                    blockedHours?: number;
                    /** @description A session silent this long loses its claim. Default 300. */
                    heartbeatTimeoutSeconds?: number;
                    /** @description Behind-schedule share that raises an alert. Default 5. */
                    scheduleVariancePercent?: number;
                };
                maxConcurrentSessions?: number;
                /** @description Plan soft dependencies (phases[].softDependencies) as preferences the schedule may ignore. Default false: they are planned as dependencies. */
                relaxSoftDependencies?: boolean;
                /** @description Targets of the success criteria; the defaults are the strategy's. */
                successCriteria?: {
                    /** @description Most session time spent coordinating. Default 10. */
                    coordinationOverheadPercent?: number;
                    /** @description Least share of risks with prevention, response and contingency. Default 100. */
                    riskCoveragePercent?: number;
                    /** @description Upper end of the expected range (beyond it is reported, still met). Default 60. */
                    timeReductionMaxPercent?: number;
                    /** @description Least reduction against doing the phases one after another. Default 40. */
                    timeReductionPercent?: number;
                    /** @description Least utilisation of the teams' capacity. Default 80. */
                    utilisationPercent?: number;
                };
                /**
                 * @description barrier: a wave opens only when every phase of the one before is completed and its quality gate passed, and the schedule keeps waves apart in time; flow (default): waves are dependency levels that overlap, each phase starts when its own dependencies allow.
                 * @enum {unknown}
                 */
                waveGating?: "flow" | "barrier";
            };
            coordination?: {
                /** @description Who decides each type of decision; coordination-protocols.json marks the ones not given as defaults. */
                decisionRoles?: {
                    coordination?: string;
                    quality?: string;
                    resource?: string;
                    technical?: string;
                };
                /** @description When a conflict of each kind is escalated; the ones not given are derived from the plan and marked as defaults. */
                escalationCriteria?: {
                    resourceConflicts?: string;
                    technicalConflicts?: string;
                    timelineImpacts?: string;
                };
            };
            description?: string;
            /** @description Names and the hierarchy of the groups phases belong to (phases[].group). A group not listed is a top-level group named by its label. Groups are not planned: execution-plan.json rolls them up (groups[]). */
            groups?: {
                /** @description The label phases name in their `group`. */
                id: string;
                name?: string;
                /** @description The group this one belongs to (a WBS parent, an epic above a story). */
                parent?: string;
            }[];
            infrastructure?: {
                /** @description Units available at any one time. */
                capacity: number;
                id: string;
                /** @description environment, ci, database, … (free text, for display). */
                kind?: string;
                name?: string;
            }[];
            /** @description Monitoring targets besides those of constraints.successCriteria (coordination overhead, utilisation). */
            monitoring?: {
                /** @description Target of the parallel execution efficiency metric. Default 65 (the strategy's). */
                parallelEfficiencyPercent?: number;
            };
            name: string;
            phases: {
                /** @description How its quality gate is judged (for its agent playbook). */
                acceptanceCriteria?: string[];
                /** @description As late as possible: planned at the latest start that moves neither the finish of the plan nor another phase (integration work that goes stale if done early). Default false. */
                alap?: boolean;
                /** @description Files or areas of the code base this phase touches. */
                areas?: string[];
                /** @description What the phase hands over (for its agent playbook). */
                deliverables?: string[];
                /** @description The phases this one depends on: an id (finish-to-start, no lag) or { id, type, lagDays }. The links must not form a cycle, whatever their types and lags. */
                dependencies?: (string | {
                    id: string;
                    /** @description Working days added to the link (negative: a lead, the phase may begin that much earlier). Default 0. */
                    lagDays?: number;
                    /**
                     * @description FS (default): this phase starts after the other finishes; SS: starts after it starts; FF: finishes after it finishes; SF: finishes after it starts. Each plus the lag.
                     * @enum {unknown}
                     */
                    type?: "FS" | "SS" | "FF" | "SF";
                })[];
                description?: string;
                /** @description Working days: a number, or a three-point estimate (expected value (o + 4m + p) / 6 is planned). */
                duration: number | {
                    likely: number;
                    optimistic: number;
                    pessimistic: number;
                };
                /**
                 * @description How finishNoLaterThan binds. hard (default): a plan that cannot meet it is refused (422 finish_constraint_infeasible naming the chain of phases, and the start date that holds it, that make it impossible; finish_constraint_unmet when only the teams and pools make it late, naming the phases it waits for). soft: the phase is planned as late as it must be and a miss is reported as a deadline risk naming them.
                 * @enum {unknown}
                 */
                finishConstraint?: "hard" | "soft";
                /**
                 * Format: date
                 * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                 */
                finishNoLaterThan?: string;
                /** @description Label of the group the phase belongs to (the source’s phase, WBS summary row or epic), for display. */
                group?: string;
                id: string;
                /** @description Marks the phase as a milestone (a phase of zero duration is one anyway): shown as a diamond, listed in the execution plan. */
                milestone?: boolean;
                name: string;
                /** @description Higher runs earlier when the schedule has a choice. Default 0. */
                priority?: number;
                /** @description Units of shared infrastructure pools (by pool id) held for the whole phase. */
                resources?: {
                    [key: string]: number;
                };
                /** @description Skills the assigned team must hold (all of them); compared ignoring case, spaces and punctuation. */
                skills?: string[];
                /** @description Ids of phases that should finish before this one starts (a soft dependency in the source): planned as dependencies unless constraints.relaxSoftDependencies. */
                softDependencies?: string[];
                /**
                 * Format: date
                 * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                 */
                startNoEarlierThan?: string;
                /** @description People (or agent sessions) of the assigned team this phase occupies. Default 1. */
                teamSize?: number;
            }[];
            planning?: {
                /** @description For fixed durations: ± spread used by the Monte Carlo. Default 25. */
                defaultSpreadPercent?: number;
                /** @description Improvement search budget (schedules evaluated). */
                iterations?: number;
                /** @description Schedule-risk samples. Default 2000. */
                monteCarloIterations?: number;
                /** @description Seed for every random choice. Default 1. */
                seed?: number;
                /** @description Wall-clock cap for the improvement search. */
                timeBudgetMs?: number;
            };
            /** @description Work already done or under way, for a re-plan: completed phases keep their actual dates, in-progress ones stay with their team, nothing else starts before asOf. */
            progress?: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                 */
                asOf?: string;
                /** @description Start day of each phase in the version being re-planned; the new schedule keeps to this order where it can. */
                baseline?: {
                    [key: string]: number;
                };
                phases: {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                     */
                    actualFinish?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                     */
                    actualStart: string;
                    id: string;
                    percentComplete?: number;
                    /** @enum {unknown} */
                    status: "completed" | "in_progress";
                    team?: string;
                }[];
            };
            resourceConstraints?: {
                description?: string;
                impact?: string;
                mitigation?: string;
                /** @description Phases the constraint concerns. */
                phases?: string[];
                /** @description Infrastructure pools the constraint concerns. */
                pools?: string[];
                /** @description Teams the constraint concerns. */
                teams?: string[];
                /** @description Kind of constraint, e.g. shared_database, licence, review_capacity. */
                type: string;
            }[];
            /** @description Facts of the analysis the input was imported from, carried into execution-plan.json. */
            source?: {
                criticalPath?: {
                    durationDays?: number;
                    /** @description The source’s critical path, in order. */
                    ids: string[];
                    /**
                     * @description phases: ids of this input’s phases; groups: group labels (the source’s phases when tasks are planned).
                     * @enum {unknown}
                     */
                    of: "phases" | "groups";
                };
                /** @description The source analysis’ dependency_graph_id; the execution plan names it as dependency_analysis_source. */
                dependencyGraphId?: string;
                /** @description The importer that read the source file. */
                format?: string;
                /** @description When the source analysis was generated, as it wrote it. */
                generatedAt?: string;
                resourceConstraints?: {
                    description?: string;
                    impact?: string;
                    mitigation?: string;
                    type: string;
                }[];
            };
            /**
             * Format: date
             * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
             */
            startDate: string;
            teams: {
                /** @description Percent of the team available to this project. Default 100. */
                availability?: number;
                /** @description Time-varying capacity: on each working day the team has its size then, less the people on leave, and nobody on its non-working days. A phase holds its people for its whole run, so the schedule plans phases around these days rather than across them. Eligibility uses the largest size the team has on any day (a team of 4 becoming 6 may take a phase of 5, from the day it has 6); the stretch of understaffed phases uses `size`, or the grown size when only growth gives a team the people. A phase the leave delays or moves to another team names it in its execution-plan schedule entry (note). */
                calendar?: {
                    /** @description The team’s size from a date on (a team of 4 becoming 6); before the first entry it is `size`. */
                    capacity?: {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                         */
                        from: string;
                        size: number;
                    }[];
                    /** @description Leave periods, from and to inclusive. */
                    leave?: {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                         */
                        from: string;
                        /** @description People away (default: the whole team). */
                        people?: number;
                        reason?: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                         */
                        to: string;
                    }[];
                    /** @description Days this team does not work (its own holidays), on top of the project calendar. */
                    nonWorkingDays?: string[];
                };
                /** @description Working hours per person per week. Default 40. */
                hoursPerWeek?: number;
                id: string;
                name?: string;
                /** @description People or agent sessions in the team. */
                size: number;
                skills: string[];
            }[];
        };
        /** PlanListItem */
        PlanListItem: {
            /** @description When the plan was archived (DELETE); null while it is live. */
            archivedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            latestVersion: number;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** PlanPage */
        PlanPage: {
            items: components["schemas"]["PlanListItem"][];
            /** @description URL of the next page (also in the Link header, rel="next"); null on the last page. */
            next: string | null;
            /** @description Pass as ?cursor= for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** PlanSummary */
        PlanSummary: {
            /** Format: date */
            completionDate: string;
            criticalPathDays: number;
            /** Format: date */
            deadline?: string;
            deadlineMet?: boolean;
            /** @description Distance of the makespan above the best lower bound. */
            gapPercent: number;
            lowerBoundDays: number;
            /** @description Parallel duration in working days. */
            makespanDays: number;
            /** @description The makespan equals a lower bound: no schedule can be shorter. */
            optimal: boolean;
            phases: number;
            /** @description All phases one after another, in working days. */
            sequentialDays: number;
            /** Format: date */
            startDate: string;
            teams: number;
            timeSavingsPercent: number;
        };
        /** PlanVersion */
        PlanVersion: {
            artifacts: components["schemas"]["Artifacts"];
            /** @description sha256 of the canonical input JSON. */
            contentHash: string;
            /** Format: date-time */
            createdAt: string;
            input: components["schemas"]["PlanInput"];
            name: string;
            parentVersion: number | null;
            /** Format: uuid */
            planId: string;
            /** @enum {unknown} */
            reason: "create" | "update" | "replan";
            summary: components["schemas"]["PlanSummary"];
            version: number;
        };
        /**
         * RiskMitigationPlan
         * @description risk-mitigation-plan.json
         */
        RiskMitigationPlan: {
            execution_plan_id: string;
            quality_assurance: {
                code_review: {
                    architecture_reviews: {
                        phase: string;
                        reason: string;
                        team: string | null;
                    }[];
                    cross_team_reviews: {
                        area: string;
                        phases: string[];
                        reviewers: string[];
                        rule: string;
                        teams: string[];
                    }[];
                    review_requirements: string;
                    /** @description Twice escalation.blockedHours: a review waiting longer is escalated. */
                    review_timeline_hours: number;
                };
                quality_gates: {
                    deliverables: string[];
                    entry_criteria: string[];
                    exit_criteria: string[];
                    gate_id: string;
                    holds: string[];
                    integration_tests: {
                        check: string;
                        from: string;
                        from_team: string;
                        to: string;
                        to_team: string;
                    }[];
                    name: string;
                    /** Format: date */
                    planned_date: string;
                    review_by: string[];
                    wave: number;
                }[];
                testing_coordination: {
                    rules: string[];
                    shared_environments: {
                        capacity: number;
                        id: string;
                        test_phases: string[];
                    }[];
                    test_phases: {
                        environments: string[];
                        /** Format: date */
                        finish_date: string;
                        phase: string;
                        /** Format: date */
                        start_date: string;
                        team: string | null;
                    }[];
                };
            };
            recovery_procedures: {
                coordination_failure: {
                    detection: string;
                    immediate_response: string;
                    phases: string[];
                    pools: string[];
                    prevention: string;
                    resolution: string;
                    teams: string[];
                };
                integration_failure: {
                    detection: string;
                    immediate_response: string;
                    phases: string[];
                    pools: string[];
                    prevention: string;
                    resolution: string;
                    teams: string[];
                };
                resource_conflict: {
                    detection: string;
                    immediate_response: string;
                    phases: string[];
                    pools: string[];
                    prevention: string;
                    resolution: string;
                    teams: string[];
                };
            };
            risk_management: {
                mitigation_strategies: {
                    description: string;
                    implementation: string[];
                    /** @description Ids of the risks the strategy mitigates. */
                    mitigates: string[];
                    /** @description The monitoring-config metric that tracks it. */
                    monitoring: string;
                    name: string;
                    strategy_id: string;
                    /** @description In this plan’s figures. */
                    success_metrics: string[];
                }[];
                risks: {
                    /** @description How probability and impact were computed from the plan. */
                    basis: string;
                    /** @enum {unknown} */
                    category: "critical_path" | "bottleneck" | "skill_single_point_of_failure" | "shared_infrastructure" | "coordination_capacity" | "merge_conflict" | "schedule_uncertainty" | "deadline" | "team_overload";
                    contingency: string;
                    description: string;
                    detection: {
                        early_warning_signs: string[];
                        method: string;
                    };
                    id: string;
                    /** @description impact_days relative to the makespan: 1 (< 1 %) … 5 (≥ 10 %). */
                    impact: number;
                    /** @description A span in working days. */
                    impact_days: number;
                    /** @enum {unknown} */
                    level: "low" | "medium" | "high" | "critical";
                    phases: string[];
                    prevention: string[];
                    probability: number;
                    response: string[];
                    /** @description probability × impact */
                    score: number;
                    /** @description Skills concerned (single points of failure). */
                    skills?: string[];
                    teams: string[];
                    title: string;
                }[];
                summary: {
                    by_level: {
                        critical: number;
                        high: number;
                        low: number;
                        medium: number;
                    };
                    highest: string | null;
                    risks: number;
                };
            };
            schedule_risk: {
                criticality_index: {
                    index: number;
                    phase: string;
                }[];
                histogram: {
                    count: number;
                    from_days: number;
                    to_days: number;
                }[];
                iterations: number;
                /** @description A span in working days. */
                mean_days: number;
                method: string;
                /** Format: date */
                p50_date: string;
                /** @description A span in working days. */
                p50_days: number;
                /** Format: date */
                p80_date: string;
                /** @description A span in working days. */
                p80_days: number;
                /** Format: date */
                p95_date: string;
                /** @description A span in working days. */
                p95_days: number;
                /** Format: date */
                planned_date: string;
                /** @description A span in working days. */
                planned_days: number;
                probability_meets_deadline: number | null;
                probability_plan_holds: number;
                seed: number;
                /** @description A span in working days. */
                std_dev_days: number;
            };
        };
        /**
         * Scenario
         * @description A what-if: planned, not stored.
         */
        Scenario: {
            basedOnVersion: number;
            changes: {
                description: string;
            }[];
            current: {
                success_criteria: {
                    /** @enum {unknown} */
                    comparison: "at_least" | "at_most";
                    /** @enum {unknown} */
                    criterion: "time_reduction" | "coordination_overhead" | "utilisation" | "completeness" | "feasibility" | "risk_coverage" | "deadline";
                    explanation: string;
                    met: boolean;
                    name: string;
                    target: number;
                    target_max?: number;
                    /** @enum {unknown} */
                    unit: "percent" | "working days";
                    /** @description The same figure as the metric elsewhere in the artifacts. */
                    value: number;
                }[];
                summary: components["schemas"]["PlanSummary"];
            };
            differences: {
                current: number | string | boolean | null;
                delta: number | null;
                field: string;
                scenario: number | string | boolean | null;
            }[];
            /** @description The changed plan input (POST it to /plans/{id}/versions, or adopt the scenario). */
            input: unknown;
            scenario: {
                success_criteria: {
                    /** @enum {unknown} */
                    comparison: "at_least" | "at_most";
                    /** @enum {unknown} */
                    criterion: "time_reduction" | "coordination_overhead" | "utilisation" | "completeness" | "feasibility" | "risk_coverage" | "deadline";
                    explanation: string;
                    met: boolean;
                    name: string;
                    target: number;
                    target_max?: number;
                    /** @enum {unknown} */
                    unit: "percent" | "working days";
                    /** @description The same figure as the metric elsewhere in the artifacts. */
                    value: number;
                }[];
                summary: components["schemas"]["PlanSummary"];
            };
            /** @description sc_ + a hash of the changed input: the same changes to the same version give the same id. */
            scenarioId: string;
        };
        /** Session */
        Session: {
            claimLimit: number;
            heartbeatTimeoutSeconds: number;
            /** Format: uuid */
            id: string;
            label: string | null;
            /** Format: date-time */
            lastHeartbeatAt: string;
            /** Format: uuid */
            planId: string;
            /** Format: date-time */
            registeredAt: string;
            skills: string[] | null;
            /** @enum {unknown} */
            status: "active" | "expired" | "closed";
            team: string | null;
        };
        /** SessionPage */
        SessionPage: {
            items: components["schemas"]["Session"][];
            /** @description URL of the next page (also in the Link header, rel="next"); null on the last page. */
            next: string | null;
        };
        /**
         * SomeArtifacts
         * @description The artifacts asked for (all five by default), keyed by file name.
         */
        SomeArtifacts: {
            "coordination-protocols.json"?: components["schemas"]["CoordinationProtocols"];
            "execution-plan.json"?: components["schemas"]["ExecutionPlan"];
            "monitoring-config.json"?: components["schemas"]["MonitoringConfig"];
            "risk-mitigation-plan.json"?: components["schemas"]["RiskMitigationPlan"];
            "wave-schedules.json"?: components["schemas"]["WaveSchedules"];
        };
        /** Status */
        Status: {
            /** @description Open alerts. */
            alerts: components["schemas"]["Alert"][];
            /** Format: date-time */
            asOf: string;
            asOfDay: number;
            /** @description Progress per group (phases[].group), rolled up over the groups below it. */
            groups: {
                /** @description Latest actual finish once all its phases have finished; null until then. */
                actualFinish: number | null;
                /** @description Earliest actual start (working day) among its phases; null when none has started. */
                actualStart: number | null;
                completed: number;
                id: string;
                name: string;
                parent: string | null;
                /** @description Percent of its planned person-days done: completed phases whole, running ones by their reported percent. */
                percent: number;
                /** @description Its phases and those of the groups below it. */
                phases: number;
                plannedFinish: number;
                plannedStart: number;
                projectedFinish: number;
            }[];
            metrics: {
                behindSchedulePercent: number;
                completedPhases: number;
                coordinationOverheadPercent: number;
                parallelEfficiencyPercent: number;
                percentComplete: number;
                plannedMakespan: number;
                /** Format: date */
                projectedCompletionDate: string;
                projectedMakespan: number;
                utilisationPercent: {
                    [key: string]: number;
                };
            };
            /** @description The input’s milestones (marked, or of zero duration). Reached when reported completed, or when every predecessor has done what its link asks: started for SS and SF links, completed for FS and FF (lags are not waited for); reachedAt is that moment. */
            milestones: {
                id: string;
                name: string;
                plannedDay: number;
                reached: boolean;
                reachedAt: string | null;
                reachedBy: ("reported" | "predecessors") | null;
            }[];
            phases: {
                actualFinish: number | null;
                actualStart: number | null;
                blockedHours: number | null;
                gate: string;
                id: string;
                percent: number;
                plannedFinish: number;
                /** Format: date */
                plannedFinishDate: string;
                plannedStart: number;
                /** Format: date */
                plannedStartDate: string;
                projectedFinish: number;
                sessionId: string | null;
                status: string;
                team: string | null;
                varianceDays: number;
                wave: number;
            }[];
            /** Format: uuid */
            planId: string;
            version: number;
            waves: {
                completed: number;
                percent: number;
                phases: number;
                plannedFinish: number;
                projectedFinish: number;
                wave: number;
            }[];
        };
        /** TrackingEvent */
        TrackingEvent: {
            data: {
                gate?: string;
                override?: string;
                percent?: number;
                reason?: string;
            };
            id: number;
            /** Format: date-time */
            occurredAt: string;
            phaseId: string | null;
            sessionId: string | null;
            type: string;
        };
        /** VersionDiff */
        VersionDiff: {
            from: number;
            input: {
                /** @description Top-level input fields (other than phases and teams) that differ. */
                fields: string[];
                phases: {
                    added: string[];
                    changed: {
                        /** @description Input fields whose value differs. */
                        fields: string[];
                        id: string;
                    }[];
                    removed: string[];
                };
                teams: {
                    added: string[];
                    changed: {
                        /** @description Input fields whose value differs. */
                        fields: string[];
                        id: string;
                    }[];
                    removed: string[];
                };
            };
            /** Format: uuid */
            planId: string;
            schedule: {
                added: string[];
                makespanDays: {
                    delta: number;
                    from: number;
                    to: number;
                };
                /** @description Phases in both versions whose start, finish, team or wave differ. */
                moved: {
                    finish: {
                        from: number;
                        to: number;
                    };
                    id: string;
                    start: {
                        from: number;
                        to: number;
                    };
                    team: {
                        from: string | null;
                        to: string | null;
                    };
                    wave: {
                        from: number;
                        to: number;
                    };
                }[];
                removed: string[];
            };
            to: number;
        };
        /** VersionMeta */
        VersionMeta: {
            /** @description sha256 of the canonical input JSON. */
            contentHash: string;
            /** Format: date-time */
            createdAt: string;
            name: string;
            parentVersion: number | null;
            /** Format: uuid */
            planId: string;
            /** @enum {unknown} */
            reason: "create" | "update" | "replan";
            summary: components["schemas"]["PlanSummary"];
            version: number;
        };
        /** VersionPage */
        VersionPage: {
            items: components["schemas"]["VersionMeta"][];
            /** @description URL of the next page (also in the Link header, rel="next"); null on the last page. */
            next: string | null;
        };
        /**
         * WaveSchedules
         * @description wave-schedules.json
         */
        WaveSchedules: {
            execution_plan_id: string;
            wave_gating: {
                /** @description What the claim rules check while the work runs. */
                claims_enforce: string;
                /** @description What the mode means for this plan, with its own figures. */
                description: string;
                /** @enum {unknown} */
                mode: "flow" | "barrier";
                /** @description Consecutive waves whose scheduled dates overlap (0 under barrier). */
                overlapping_wave_pairs: number;
            };
            waves: {
                blocking_factors: {
                    blocks_phases: number;
                    critical: boolean;
                    dependents: string[];
                    description: string;
                    /** @enum {unknown} */
                    kind: "blocks_dependents" | "resource_wait";
                    phase: string;
                    /** @description A span in working days. */
                    waits_days: number;
                }[];
                /** @description The wave’s stand-up and the hand-overs and contracts planned within it, with the teams taking part. */
                coordination_requirements: {
                    duration_minutes: number;
                    frequency: string;
                    participants: string[];
                    sync_id: string | null;
                    /** @enum {unknown} */
                    type: "daily_standup" | "handover" | "contract";
                }[];
                dependency_validation: {
                    dependencies_checked: number;
                    valid: boolean;
                    violations: {
                        dependency: string;
                        phase: string;
                        reason: string;
                    }[];
                };
                /** @description A span in working days. */
                duration_days: number;
                effort_person_days: number;
                /** Format: date */
                finish_date: string;
                /** @description Working days from the project start. */
                finish_day: number;
                /** @enum {unknown} */
                kind: "foundation" | "parallel" | "integration";
                max_concurrent_sessions: number;
                name: string;
                phases: {
                    critical: boolean;
                    deliverables: string[];
                    /**
                     * @description input: the phase’s deliverables; areas: none given, its declared areas; none: neither given.
                     * @enum {unknown}
                     */
                    deliverables_source: "input" | "areas" | "none";
                    dependencies: string[];
                    /** Format: date */
                    finish_date: string;
                    /** @description Working days from the project start. */
                    finish_day: number;
                    id: string;
                    name: string;
                    session_id: string;
                    /** Format: date */
                    start_date: string;
                    /** @description Working days from the project start. */
                    start_day: number;
                    team: string | null;
                    team_size: number;
                }[];
                /**
                 * @description The highest level of the risks touching the wave’s phases (low when none does).
                 * @enum {unknown}
                 */
                risk_level: "low" | "medium" | "high" | "critical";
                /** @description Ids of those risks. */
                risks: string[];
                /** Format: date */
                start_date: string;
                /** @description Working days from the project start. */
                start_day: number;
                success_criteria: string[];
                teams: string[];
                wave: number;
                wave_id: string;
            }[];
        };
    };
    responses: {
        /** @description Rate limit exceeded: retry after Retry-After seconds. */
        TooManyRequests: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Error"];
            };
        };
        /** @description No API key, or one that is unknown or revoked. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
        IdempotencyKey: string;
        /** @description ETags the client holds; 304 Not Modified when one names the current version. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description Strong validator of the plan version the body belongs to, e.g. "v3". */
        ETag: string;
        /** @description "true" when this response is a replay of the first request with the same Idempotency-Key. */
        IdempotentReplayed: "true";
        /** @description URL of the created resource (or, on 202, of the job to poll). */
        Location: string;
        /** @description Requests allowed per window (IETF RateLimit header fields). */
        RateLimitLimit: number;
        /** @description Requests left in the current window. */
        RateLimitRemaining: number;
        /** @description Seconds until the window resets. */
        RateLimitReset: number;
        /** @description Seconds to wait before retrying (or polling again). */
        RetryAfter: number;
        /** @description The authentication scheme to use: Bearer. */
        WWWAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listApiKeys: {
        parameters: {
            query?: {
                workspace?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {unknown} */
                    role: "read" | "write";
                    workspace: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        revokedAt: string | null;
                        /** @enum {unknown} */
                        role: "read" | "write";
                        token: string;
                        workspaceId: string;
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    importPlanInput: {
        parameters: {
            query?: {
                /** @description Working days for items without an estimate. Default 1. */
                defaultDuration?: number;
                /** @description Name of the uploaded file: its extension helps tell the format, and it names the plan when the file does not. */
                fileName?: string;
                /** @description Default: text/csv bodies are CSV, else told by fileName and content. */
                format?: "dependency-graph" | "task-master" | "csv" | "psplib" | "mspdi" | "beads" | "ccpm";
                /** @description Keep finished items (default: left out, their dependents count them as met). */
                includeDone?: boolean;
                /** @description Fill the skills of items that name none from task_type and file extensions (each listed in the notes). */
                inferSkills?: boolean;
                /** @description Upstream dependency analysis: plan its tasks (default when it has any, each with its phase as group) or its phases. */
                level?: "task" | "phase";
                name?: string;
                /** @description Let the schedule ignore soft dependencies (constraints.relaxSoftDependencies). */
                relaxSoftDependencies?: boolean;
                /** @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31 */
                startDate?: string;
                /** @description task-master: the tag to import. Default master. */
                tag?: string;
                /** @description Size of the one team made when the file names none. */
                teamSize?: number;
            };
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string;
                "application/jsonl": string;
                "application/octet-stream": string;
                "application/x-ndjson": string;
                "application/x-yaml": string;
                "application/xml": string;
                "application/yaml": string;
                "text/csv": string;
                "text/plain": string;
                "text/tab-separated-values": string;
                "text/xml": string;
                "text/yaml": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPlans: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description List archived plans too (default: live plans only). */
                includeArchived?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanPage"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Marketplace web app v1",
                 *       "description": "PRD: a two-sided marketplace web product with accounts, listings, search, checkout and an admin console.",
                 *       "startDate": "2027-01-04",
                 *       "calendar": {
                 *         "holidays": [
                 *           "2027-01-18",
                 *           "2027-02-15"
                 *         ]
                 *       },
                 *       "teams": [
                 *         {
                 *           "id": "platform",
                 *           "name": "Platform team",
                 *           "size": 3,
                 *           "skills": [
                 *             "backend",
                 *             "database",
                 *             "devops"
                 *           ],
                 *           "availability": 100,
                 *           "hoursPerWeek": 40
                 *         },
                 *         {
                 *           "id": "web",
                 *           "name": "Web team",
                 *           "size": 4,
                 *           "skills": [
                 *             "frontend",
                 *             "design-system",
                 *             "backend"
                 *           ],
                 *           "availability": 90,
                 *           "hoursPerWeek": 40
                 *         },
                 *         {
                 *           "id": "payments",
                 *           "name": "Payments squad",
                 *           "size": 2,
                 *           "skills": [
                 *             "backend",
                 *             "payments",
                 *             "security"
                 *           ],
                 *           "availability": 100,
                 *           "hoursPerWeek": 40
                 *         },
                 *         {
                 *           "id": "qa",
                 *           "name": "Quality team",
                 *           "size": 2,
                 *           "skills": [
                 *             "qa",
                 *             "automation",
                 *             "security"
                 *           ],
                 *           "availability": 80,
                 *           "hoursPerWeek": 32
                 *         }
                 *       ],
                 *       "infrastructure": [
                 *         {
                 *           "id": "staging",
                 *           "name": "Staging environment",
                 *           "kind": "environment",
                 *           "capacity": 2
                 *         },
                 *         {
                 *           "id": "ci",
                 *           "name": "CI runners",
                 *           "kind": "ci",
                 *           "capacity": 3
                 *         }
                 *       ],
                 *       "constraints": {
                 *         "deadline": "2027-03-26",
                 *         "capacityBuffer": 20,
                 *         "maxConcurrentSessions": 6,
                 *         "escalation": {
                 *           "blockedHours": 4,
                 *           "scheduleVariancePercent": 5,
                 *           "heartbeatTimeoutSeconds": 300
                 *         }
                 *       },
                 *       "planning": {
                 *         "seed": 42,
                 *         "iterations": 2000,
                 *         "monteCarloIterations": 2000
                 *       },
                 *       "phases": [
                 *         {
                 *           "id": "infra-setup",
                 *           "name": "Cloud infrastructure and CI/CD",
                 *           "duration": {
                 *             "optimistic": 3,
                 *             "likely": 4,
                 *             "pessimistic": 7
                 *           },
                 *           "skills": [
                 *             "devops"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "infra/",
                 *             ".github/workflows/"
                 *           ],
                 *           "priority": 10
                 *         },
                 *         {
                 *           "id": "db-schema",
                 *           "name": "Core database schema",
                 *           "duration": {
                 *             "optimistic": 2,
                 *             "likely": 3,
                 *             "pessimistic": 5
                 *           },
                 *           "skills": [
                 *             "database"
                 *           ],
                 *           "teamSize": 1,
                 *           "areas": [
                 *             "db/migrations/"
                 *           ],
                 *           "priority": 10
                 *         },
                 *         {
                 *           "id": "design-system",
                 *           "name": "Design system and component library",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 6,
                 *             "pessimistic": 9
                 *           },
                 *           "skills": [
                 *             "frontend",
                 *             "design-system"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/components/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "auth",
                 *           "name": "Accounts and authentication",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 5,
                 *             "pessimistic": 8
                 *           },
                 *           "dependencies": [
                 *             "db-schema",
                 *             "infra-setup"
                 *           ],
                 *           "skills": [
                 *             "backend",
                 *             "security"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "api/auth/",
                 *             "db/migrations/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "listings-api",
                 *           "name": "Listings API",
                 *           "duration": {
                 *             "optimistic": 5,
                 *             "likely": 7,
                 *             "pessimistic": 11
                 *           },
                 *           "dependencies": [
                 *             "db-schema"
                 *           ],
                 *           "skills": [
                 *             "backend"
                 *           ],
                 *           "teamSize": 2,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "api/listings/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "search",
                 *           "name": "Search indexing and query",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 6,
                 *             "pessimistic": 12
                 *           },
                 *           "dependencies": [
                 *             "listings-api",
                 *             "infra-setup"
                 *           ],
                 *           "skills": [
                 *             "backend",
                 *             "database"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1
                 *           },
                 *           "areas": [
                 *             "api/search/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "payments",
                 *           "name": "Checkout and payments integration",
                 *           "duration": {
                 *             "optimistic": 6,
                 *             "likely": 8,
                 *             "pessimistic": 14
                 *           },
                 *           "dependencies": [
                 *             "auth",
                 *             "listings-api"
                 *           ],
                 *           "skills": [
                 *             "payments",
                 *             "security"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1,
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "api/checkout/",
                 *             "api/listings/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "web-shell",
                 *           "name": "Web app shell, routing and sign-in",
                 *           "duration": 5,
                 *           "dependencies": [
                 *             "design-system",
                 *             "auth"
                 *           ],
                 *           "skills": [
                 *             "frontend"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/app/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "web-listings",
                 *           "name": "Listing pages and seller flows",
                 *           "duration": {
                 *             "optimistic": 5,
                 *             "likely": 7,
                 *             "pessimistic": 10
                 *           },
                 *           "dependencies": [
                 *             "web-shell",
                 *             "listings-api"
                 *           ],
                 *           "skills": [
                 *             "frontend"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/listings/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "web-checkout",
                 *           "name": "Cart and checkout UI",
                 *           "duration": {
                 *             "optimistic": 3,
                 *             "likely": 5,
                 *             "pessimistic": 8
                 *           },
                 *           "dependencies": [
                 *             "web-shell",
                 *             "payments"
                 *           ],
                 *           "skills": [
                 *             "frontend"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/checkout/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "admin",
                 *           "name": "Admin console",
                 *           "duration": 6,
                 *           "dependencies": [
                 *             "auth",
                 *             "listings-api"
                 *           ],
                 *           "skills": [
                 *             "frontend",
                 *             "backend"
                 *           ],
                 *           "teamSize": 1,
                 *           "areas": [
                 *             "web/admin/",
                 *             "api/admin/"
                 *           ],
                 *           "priority": 0
                 *         },
                 *         {
                 *           "id": "e2e-tests",
                 *           "name": "End-to-end test suite",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 5,
                 *             "pessimistic": 8
                 *           },
                 *           "dependencies": [
                 *             "web-listings",
                 *             "web-checkout",
                 *             "search"
                 *           ],
                 *           "skills": [
                 *             "qa",
                 *             "automation"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1,
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "e2e/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "security-review",
                 *           "name": "Security review and penetration test",
                 *           "duration": 4,
                 *           "dependencies": [
                 *             "payments",
                 *             "admin"
                 *           ],
                 *           "skills": [
                 *             "security"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1
                 *           },
                 *           "areas": [
                 *             "api/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "launch",
                 *           "name": "Launch readiness and production cut-over",
                 *           "duration": 2,
                 *           "dependencies": [
                 *             "e2e-tests",
                 *             "security-review"
                 *           ],
                 *           "skills": [
                 *             "devops"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "infra/"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PlanInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersion"];
                };
            };
            /** @description A large plan: poll the job in Location. */
            202: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId: string;
                        /** Format: uuid */
                        planId: string;
                        /** @enum {string} */
                        state: "queued";
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersion"];
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    archivePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchivedPlan"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlansIdAgentPlaybooks: {
        parameters: {
            query?: {
                /** @description Default json; markdown also when the Accept header asks for text/markdown. */
                format?: "json" | "markdown";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AgentPlaybook"][];
                    } | string;
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlansIdAgentPlaybooksPhaseId: {
        parameters: {
            query?: {
                /** @description Default json; markdown also when the Accept header asks for text/markdown. */
                format?: "json" | "markdown";
            };
            header?: never;
            path: {
                id: string;
                phaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPlaybook"] | string;
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAlerts: {
        parameters: {
            query?: {
                /** @description From the previous page's next link; opaque. */
                cursor?: string;
                limit?: number;
                open?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPage"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getArtifactSet: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated artifact file names (execution-plan.json, wave-schedules.json, coordination-protocols.json, risk-mitigation-plan.json, monitoring-config.json); all five when absent.
                 * @example execution-plan.json,coordination-protocols.json
                 */
                names?: string;
            };
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactSet"];
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getArtifact: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
                /** @description One of the five artifact file names. */
                name: "execution-plan.json" | "wave-schedules.json" | "coordination-protocols.json" | "risk-mitigation-plan.json" | "monitoring-config.json";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact named in the path */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionPlan"] | components["schemas"]["WaveSchedules"] | components["schemas"]["CoordinationProtocols"] | components["schemas"]["RiskMitigationPlan"] | components["schemas"]["MonitoringConfig"];
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Without phaseId the service picks the best phase the session may start now: its own team's planned phases first, then the least slack. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description RFC 3339 date-time, from 1970-01-01 to 2199-12-31
                     */
                    at?: string;
                    override?: {
                        /** @description Why this session takes a phase its team lacks the skills for; logged with the claim. */
                        reason: string;
                    };
                    phaseId?: string;
                    /** Format: uuid */
                    sessionId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The strategy document */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Same as Last-Event-ID. */
                after?: string;
            };
            header?: {
                /** @description The id of the last event received ("<eventId>.<alertId>"): the stream resumes after it. */
                "last-event-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless stream of "phase" and "alert" events */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportPlanNegotiated: {
        parameters: {
            query?: {
                team?: string;
            };
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan in the format named in the path, as an attachment (application/xml, text/calendar or text/csv). */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "text/calendar": string;
                    "text/csv": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportPlan: {
        parameters: {
            query?: {
                team?: string;
            };
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description mspdi: MS Project XML (opens in MS Project, ProjectLibre, GanttProject); ical: iCalendar; csv: one row per phase. */
                format: "mspdi" | "ical" | "csv";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan in the format named in the path, as an attachment (application/xml, text/calendar or text/csv). */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "text/calendar": string;
                    "text/csv": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    writeBackTaskMaster: {
        parameters: {
            query?: {
                /** @description The tag to write (default master, or the only tag). */
                tag?: string;
            };
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description The file with the planned fields added. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getGantt: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Gantt chart */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlaybook: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The team's playbook */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlansIdReady: {
        parameters: {
            query?: {
                /** @description With 1 or true: say why each other open phase is not ready. */
                explain?: boolean | "1" | "0";
                limit?: number;
                /** @description The asking session: its team's skills and capacity and its claim limit apply. */
                session?: string;
                /** @description Comma-separated skills: only phases needing none outside them. */
                skills?: string;
                team?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        gating: "flow" | "barrier";
                        notReady?: {
                            phaseId: string;
                            reasons: {
                                /** @description The phases, areas, skills or sessions behind it. */
                                ids: string[];
                                message: string;
                                /** @description dependency_not_done, sync_point_pending, wave_pending, area_locked, phase_taken, skill_mismatch, team_at_capacity, session_busy */
                                reason: string;
                            }[];
                            status: string;
                        }[];
                        /** Format: uuid */
                        planId: string;
                        /** @description In plan order: least slack, then planned start (the asking team’s own phases first). */
                        ready: {
                            phaseId: string;
                            plannedStart: number;
                            /** @description Schedule slack, working days. */
                            slack: number;
                            /** @description The team the plan assigns. */
                            team: string | null;
                            wave: number | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    replanPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Re-plan as of this date (default: today, or the latest event if later).
                     */
                    asOf?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artifacts: components["schemas"]["Artifacts"];
                        changes: {
                            basedOnVersion: number;
                            maxShiftDays: number;
                            /** @description Phases whose planned start changed. */
                            moved: number;
                            phases: {
                                from: number;
                                id: string;
                                to: number;
                            }[];
                            totalShiftDays: number;
                        };
                        /** @description sha256 of the canonical input JSON. */
                        contentHash: string;
                        /** Format: date-time */
                        createdAt: string;
                        input: components["schemas"]["PlanInput"];
                        name: string;
                        parentVersion: number | null;
                        /** Format: uuid */
                        planId: string;
                        /** @enum {unknown} */
                        reason: "create" | "update" | "replan";
                        summary: components["schemas"]["PlanSummary"];
                        version: number;
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPlansIdScenarios: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "changes": [
                 *         {
                 *           "kind": "add_people",
                 *           "team": "web",
                 *           "people": 1
                 *         },
                 *         {
                 *           "kind": "set_buffer",
                 *           "percent": 10
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    changes: ({
                        /** @enum {string} */
                        kind: "add_people";
                        people: number;
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "resize_team";
                        size: number;
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "add_team";
                        team: {
                            /** @description Percent of the team available to this project. Default 100. */
                            availability?: number;
                            /** @description Time-varying capacity: on each working day the team has its size then, less the people on leave, and nobody on its non-working days. A phase holds its people for its whole run, so the schedule plans phases around these days rather than across them. Eligibility uses the largest size the team has on any day (a team of 4 becoming 6 may take a phase of 5, from the day it has 6); the stretch of understaffed phases uses `size`, or the grown size when only growth gives a team the people. A phase the leave delays or moves to another team names it in its execution-plan schedule entry (note). */
                            calendar?: {
                                /** @description The team’s size from a date on (a team of 4 becoming 6); before the first entry it is `size`. */
                                capacity?: {
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    from: string;
                                    size: number;
                                }[];
                                /** @description Leave periods, from and to inclusive. */
                                leave?: {
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    from: string;
                                    /** @description People away (default: the whole team). */
                                    people?: number;
                                    reason?: string;
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    to: string;
                                }[];
                                /** @description Days this team does not work (its own holidays), on top of the project calendar. */
                                nonWorkingDays?: string[];
                            };
                            /** @description Working hours per person per week. Default 40. */
                            hoursPerWeek?: number;
                            id: string;
                            name?: string;
                            /** @description People or agent sessions in the team. */
                            size: number;
                            skills: string[];
                        };
                    } | {
                        /** @enum {string} */
                        kind: "remove_team";
                        team: string;
                    } | {
                        availability: number;
                        /** @enum {string} */
                        kind: "set_availability";
                        team: string;
                    } | {
                        hoursPerWeek: number;
                        /** @enum {string} */
                        kind: "set_hours";
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "set_buffer";
                        percent: number;
                    } | {
                        deadline: string | null;
                        /** @enum {string} */
                        kind: "set_deadline";
                    } | {
                        capacity: number;
                        /** @enum {string} */
                        kind: "set_pool_capacity";
                        pool: string;
                    } | {
                        /** @enum {string} */
                        kind: "set_max_sessions";
                        sessions: number | null;
                    } | {
                        /** @enum {string} */
                        kind: "drop_phase";
                        phase: string;
                    } | {
                        duration: number | {
                            likely: number;
                            optimistic: number;
                            pessimistic: number;
                        };
                        /** @enum {string} */
                        kind: "re_estimate";
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "split_phase";
                        parts: number;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "add_dependency";
                        on: string;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "remove_dependency";
                        on: string;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "relax_soft_dependencies";
                    } | {
                        /** @enum {string} */
                        kind: "relax_soft_dependency";
                        on: string;
                        phase: string;
                    })[];
                };
            };
        };
        responses: {
            /** @description A what-if: planned, not stored. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPlansIdScenariosAdopt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag of the version the scenario was based on, e.g. "v3". */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "changes": [
                 *         {
                 *           "kind": "add_people",
                 *           "team": "web",
                 *           "people": 1
                 *         },
                 *         {
                 *           "kind": "set_buffer",
                 *           "percent": 10
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    changes: ({
                        /** @enum {string} */
                        kind: "add_people";
                        people: number;
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "resize_team";
                        size: number;
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "add_team";
                        team: {
                            /** @description Percent of the team available to this project. Default 100. */
                            availability?: number;
                            /** @description Time-varying capacity: on each working day the team has its size then, less the people on leave, and nobody on its non-working days. A phase holds its people for its whole run, so the schedule plans phases around these days rather than across them. Eligibility uses the largest size the team has on any day (a team of 4 becoming 6 may take a phase of 5, from the day it has 6); the stretch of understaffed phases uses `size`, or the grown size when only growth gives a team the people. A phase the leave delays or moves to another team names it in its execution-plan schedule entry (note). */
                            calendar?: {
                                /** @description The team’s size from a date on (a team of 4 becoming 6); before the first entry it is `size`. */
                                capacity?: {
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    from: string;
                                    size: number;
                                }[];
                                /** @description Leave periods, from and to inclusive. */
                                leave?: {
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    from: string;
                                    /** @description People away (default: the whole team). */
                                    people?: number;
                                    reason?: string;
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD, from 1970-01-01 to 2199-12-31
                                     */
                                    to: string;
                                }[];
                                /** @description Days this team does not work (its own holidays), on top of the project calendar. */
                                nonWorkingDays?: string[];
                            };
                            /** @description Working hours per person per week. Default 40. */
                            hoursPerWeek?: number;
                            id: string;
                            name?: string;
                            /** @description People or agent sessions in the team. */
                            size: number;
                            skills: string[];
                        };
                    } | {
                        /** @enum {string} */
                        kind: "remove_team";
                        team: string;
                    } | {
                        availability: number;
                        /** @enum {string} */
                        kind: "set_availability";
                        team: string;
                    } | {
                        hoursPerWeek: number;
                        /** @enum {string} */
                        kind: "set_hours";
                        team: string;
                    } | {
                        /** @enum {string} */
                        kind: "set_buffer";
                        percent: number;
                    } | {
                        deadline: string | null;
                        /** @enum {string} */
                        kind: "set_deadline";
                    } | {
                        capacity: number;
                        /** @enum {string} */
                        kind: "set_pool_capacity";
                        pool: string;
                    } | {
                        /** @enum {string} */
                        kind: "set_max_sessions";
                        sessions: number | null;
                    } | {
                        /** @enum {string} */
                        kind: "drop_phase";
                        phase: string;
                    } | {
                        duration: number | {
                            likely: number;
                            optimistic: number;
                            pessimistic: number;
                        };
                        /** @enum {string} */
                        kind: "re_estimate";
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "split_phase";
                        parts: number;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "add_dependency";
                        on: string;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "remove_dependency";
                        on: string;
                        phase: string;
                    } | {
                        /** @enum {string} */
                        kind: "relax_soft_dependencies";
                    } | {
                        /** @enum {string} */
                        kind: "relax_soft_dependency";
                        on: string;
                        phase: string;
                    })[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersion"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description From the previous page's next link; opaque. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Phases it may hold at once (a further claim is 409 session_busy). Default 1. */
                    claimLimit?: number;
                    heartbeatTimeoutSeconds?: number;
                    /** @description Who this is, e.g. an agent name. */
                    label?: string;
                    /** @description Skills this session brings; it may claim only phases whose skills both it and its team hold. Default: its team's. */
                    skills?: string[];
                    team?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    reportEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When it happened, if not now (at most 5 minutes ahead of the server clock).
                     */
                    at?: string;
                    gate?: string;
                    percent?: number;
                    phaseId: string;
                    reason?: string;
                    /** @enum {unknown} */
                    type: "started" | "progress" | "blocked" | "unblocked" | "completed" | "gate_passed" | "gate_failed" | "released" | "failed";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackingEvent"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    heartbeatSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStateArchive: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A tar archive of parallel-execution/<name>.json */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStatus: {
        parameters: {
            query?: {
                /** @description RFC 3339 date-time, from 1970-01-01 to 2199-12-31 */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listVersions: {
        parameters: {
            query?: {
                /** @description From the previous page's next link; opaque. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionPage"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
                /** @description The ETag of the version this change is based on, e.g. "v3" (strong comparison), or * for whatever version is current. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Marketplace web app v1",
                 *       "description": "PRD: a two-sided marketplace web product with accounts, listings, search, checkout and an admin console.",
                 *       "startDate": "2027-01-04",
                 *       "calendar": {
                 *         "holidays": [
                 *           "2027-01-18",
                 *           "2027-02-15"
                 *         ]
                 *       },
                 *       "teams": [
                 *         {
                 *           "id": "platform",
                 *           "name": "Platform team",
                 *           "size": 3,
                 *           "skills": [
                 *             "backend",
                 *             "database",
                 *             "devops"
                 *           ],
                 *           "availability": 100,
                 *           "hoursPerWeek": 40
                 *         },
                 *         {
                 *           "id": "web",
                 *           "name": "Web team",
                 *           "size": 4,
                 *           "skills": [
                 *             "frontend",
                 *             "design-system",
                 *             "backend"
                 *           ],
                 *           "availability": 90,
                 *           "hoursPerWeek": 40
                 *         },
                 *         {
                 *           "id": "payments",
                 *           "name": "Payments squad",
                 *           "size": 2,
                 *           "skills": [
                 *             "backend",
                 *             "payments",
                 *             "security"
                 *           ],
                 *           "availability": 100,
                 *           "hoursPerWeek": 40
                 *         },
                 *         {
                 *           "id": "qa",
                 *           "name": "Quality team",
                 *           "size": 2,
                 *           "skills": [
                 *             "qa",
                 *             "automation",
                 *             "security"
                 *           ],
                 *           "availability": 80,
                 *           "hoursPerWeek": 32
                 *         }
                 *       ],
                 *       "infrastructure": [
                 *         {
                 *           "id": "staging",
                 *           "name": "Staging environment",
                 *           "kind": "environment",
                 *           "capacity": 2
                 *         },
                 *         {
                 *           "id": "ci",
                 *           "name": "CI runners",
                 *           "kind": "ci",
                 *           "capacity": 3
                 *         }
                 *       ],
                 *       "constraints": {
                 *         "deadline": "2027-03-26",
                 *         "capacityBuffer": 20,
                 *         "maxConcurrentSessions": 6,
                 *         "escalation": {
                 *           "blockedHours": 4,
                 *           "scheduleVariancePercent": 5,
                 *           "heartbeatTimeoutSeconds": 300
                 *         }
                 *       },
                 *       "planning": {
                 *         "seed": 42,
                 *         "iterations": 2000,
                 *         "monteCarloIterations": 2000
                 *       },
                 *       "phases": [
                 *         {
                 *           "id": "infra-setup",
                 *           "name": "Cloud infrastructure and CI/CD",
                 *           "duration": {
                 *             "optimistic": 3,
                 *             "likely": 4,
                 *             "pessimistic": 7
                 *           },
                 *           "skills": [
                 *             "devops"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "infra/",
                 *             ".github/workflows/"
                 *           ],
                 *           "priority": 10
                 *         },
                 *         {
                 *           "id": "db-schema",
                 *           "name": "Core database schema",
                 *           "duration": {
                 *             "optimistic": 2,
                 *             "likely": 3,
                 *             "pessimistic": 5
                 *           },
                 *           "skills": [
                 *             "database"
                 *           ],
                 *           "teamSize": 1,
                 *           "areas": [
                 *             "db/migrations/"
                 *           ],
                 *           "priority": 10
                 *         },
                 *         {
                 *           "id": "design-system",
                 *           "name": "Design system and component library",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 6,
                 *             "pessimistic": 9
                 *           },
                 *           "skills": [
                 *             "frontend",
                 *             "design-system"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/components/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "auth",
                 *           "name": "Accounts and authentication",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 5,
                 *             "pessimistic": 8
                 *           },
                 *           "dependencies": [
                 *             "db-schema",
                 *             "infra-setup"
                 *           ],
                 *           "skills": [
                 *             "backend",
                 *             "security"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "api/auth/",
                 *             "db/migrations/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "listings-api",
                 *           "name": "Listings API",
                 *           "duration": {
                 *             "optimistic": 5,
                 *             "likely": 7,
                 *             "pessimistic": 11
                 *           },
                 *           "dependencies": [
                 *             "db-schema"
                 *           ],
                 *           "skills": [
                 *             "backend"
                 *           ],
                 *           "teamSize": 2,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "api/listings/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "search",
                 *           "name": "Search indexing and query",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 6,
                 *             "pessimistic": 12
                 *           },
                 *           "dependencies": [
                 *             "listings-api",
                 *             "infra-setup"
                 *           ],
                 *           "skills": [
                 *             "backend",
                 *             "database"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1
                 *           },
                 *           "areas": [
                 *             "api/search/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "payments",
                 *           "name": "Checkout and payments integration",
                 *           "duration": {
                 *             "optimistic": 6,
                 *             "likely": 8,
                 *             "pessimistic": 14
                 *           },
                 *           "dependencies": [
                 *             "auth",
                 *             "listings-api"
                 *           ],
                 *           "skills": [
                 *             "payments",
                 *             "security"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1,
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "api/checkout/",
                 *             "api/listings/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "web-shell",
                 *           "name": "Web app shell, routing and sign-in",
                 *           "duration": 5,
                 *           "dependencies": [
                 *             "design-system",
                 *             "auth"
                 *           ],
                 *           "skills": [
                 *             "frontend"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/app/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "web-listings",
                 *           "name": "Listing pages and seller flows",
                 *           "duration": {
                 *             "optimistic": 5,
                 *             "likely": 7,
                 *             "pessimistic": 10
                 *           },
                 *           "dependencies": [
                 *             "web-shell",
                 *             "listings-api"
                 *           ],
                 *           "skills": [
                 *             "frontend"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/listings/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "web-checkout",
                 *           "name": "Cart and checkout UI",
                 *           "duration": {
                 *             "optimistic": 3,
                 *             "likely": 5,
                 *             "pessimistic": 8
                 *           },
                 *           "dependencies": [
                 *             "web-shell",
                 *             "payments"
                 *           ],
                 *           "skills": [
                 *             "frontend"
                 *           ],
                 *           "teamSize": 2,
                 *           "areas": [
                 *             "web/checkout/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "admin",
                 *           "name": "Admin console",
                 *           "duration": 6,
                 *           "dependencies": [
                 *             "auth",
                 *             "listings-api"
                 *           ],
                 *           "skills": [
                 *             "frontend",
                 *             "backend"
                 *           ],
                 *           "teamSize": 1,
                 *           "areas": [
                 *             "web/admin/",
                 *             "api/admin/"
                 *           ],
                 *           "priority": 0
                 *         },
                 *         {
                 *           "id": "e2e-tests",
                 *           "name": "End-to-end test suite",
                 *           "duration": {
                 *             "optimistic": 4,
                 *             "likely": 5,
                 *             "pessimistic": 8
                 *           },
                 *           "dependencies": [
                 *             "web-listings",
                 *             "web-checkout",
                 *             "search"
                 *           ],
                 *           "skills": [
                 *             "qa",
                 *             "automation"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1,
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "e2e/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "security-review",
                 *           "name": "Security review and penetration test",
                 *           "duration": 4,
                 *           "dependencies": [
                 *             "payments",
                 *             "admin"
                 *           ],
                 *           "skills": [
                 *             "security"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "staging": 1
                 *           },
                 *           "areas": [
                 *             "api/"
                 *           ]
                 *         },
                 *         {
                 *           "id": "launch",
                 *           "name": "Launch readiness and production cut-over",
                 *           "duration": 2,
                 *           "dependencies": [
                 *             "e2e-tests",
                 *             "security-review"
                 *           ],
                 *           "skills": [
                 *             "devops"
                 *           ],
                 *           "teamSize": 1,
                 *           "resources": {
                 *             "ci": 1
                 *           },
                 *           "areas": [
                 *             "infra/"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PlanInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersion"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersion"];
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getVersionArtifact: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                id: string;
                /** @description One of the five artifact file names. */
                name: "execution-plan.json" | "wave-schedules.json" | "coordination-protocols.json" | "risk-mitigation-plan.json" | "monitoring-config.json";
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact named in the path */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionPlan"] | components["schemas"]["WaveSchedules"] | components["schemas"]["CoordinationProtocols"] | components["schemas"]["RiskMitigationPlan"] | components["schemas"]["MonitoringConfig"];
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    diffVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                other: number;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiff"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportPlanVersion: {
        parameters: {
            query?: {
                team?: string;
            };
            header?: {
                /** @description ETags the client holds; 304 Not Modified when one names the current version. */
                "if-none-match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description mspdi: MS Project XML (opens in MS Project, ProjectLibre, GanttProject); ical: iCalendar; csv: one row per phase. */
                format: "mspdi" | "ical" | "csv";
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan in the format named in the path, as an attachment (application/xml, text/calendar or text/csv). */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "text/calendar": string;
                    "text/csv": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag names this version. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlansIdWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            eventTypes: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** @description Only in the answer to its creation: verify webhook-signature with it. */
                            secret?: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPlansIdWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters). */
                "idempotency-key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description "*" for every type. */
                    eventTypes: ("phase.claimed" | "phase.started" | "phase.progress" | "phase.blocked" | "phase.unblocked" | "phase.completed" | "phase.gate_passed" | "phase.gate_failed" | "phase.released" | "phase.failed" | "phase.heartbeat_lost" | "alert.raised" | "*")[];
                    /** @description Standard Webhooks secret (whsec_ + base64 of 24+ bytes); generated when absent. */
                    secret?: string;
                    /** @description http(s) URL that receives a POST per event; checked against the allow-list. */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        eventTypes: string[];
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        planId: string;
                        /** @description Only in the answer to its creation: verify webhook-signature with it. */
                        secret?: string;
                        url: string;
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePlansIdWebhooksWebhookId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlansIdWebhooksWebhookIdDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: {
                                /** Format: date-time */
                                at: string;
                                durationMs: number;
                                error: string | null;
                                statusCode: number | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            eventType: string;
                            finishedAt: string | null;
                            /**
                             * Format: uuid
                             * @description The webhook-id header: the same on every retry.
                             */
                            id: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @enum {unknown} */
                            status: "pending" | "delivered" | "failed";
                        }[];
                    };
                };
            };
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Every 4xx and 5xx response: RFC 9457 problem details (application/problem+json) with the service's code, message and details[]. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
}
