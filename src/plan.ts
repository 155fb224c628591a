// What a run would send (or sent) to Azure, as plain data: built by the offline analysis,
// computed once against the live workspace by validate (src/modes/validate-plan.ts), executed as
// it stands by apply (src/apply/apply.ts), rendered by the report layer. docs/architecture.md §5.
import type { TrafficMap, TrafficStep } from './apply/traffic-plan.ts';

/** One REST call the action would send (or sent), with a secret-free body. */
export interface PlannedRequest {
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** ARM path without host, e.g. /subscriptions/…/onlineEndpoints/my-endpoint */
  path: string;
  apiVersion: string;
  description: string;
  body?: unknown;
  /**
   * Against the live resource (validate and deploy): what the request would do. Absent offline;
   * `unknown` when the resource could not be read (unreadable is never missing: deploy refuses it).
   */
  change?: 'create' | 'update' | 'no change' | 'unknown' | 'delete';
  /** The resource the request writes. */
  resource?: { kind: 'endpoint' | 'deployment'; name: string };
  /** Field-level differences from the live resource, one line each (`path: before → after`). */
  diff?: string[];
}

export interface Plan {
  requests: PlannedRequest[];
  /** Local assets (model folder, code, inline environment) that apply would register first. */
  assets: { kind: string; description: string }[];
  /** Endpoint traffic as it is, the steps apply sends, as it would be after the run, and the map every rollback restores. */
  traffic?: PlannedTraffic;
  /** Core quota per VM family, before → after. */
  quota?: string[];
  /** Roles that must be assigned around the run (e.g. to a system identity that does not exist yet). */
  identity?: string[];
}

export interface PlannedTraffic {
  before: TrafficMap;
  after: TrafficMap;
  mirrorBefore: TrafficMap;
  mirrorAfter: TrafficMap;
  /** In order; empty when the traffic already is what the inputs ask for. */
  steps: TrafficStep[];
  /** What a rollback (or the post step) restores: the map as read when the plan was made. */
  rollback: { traffic: TrafficMap; mirrorTraffic: TrafficMap };
}
