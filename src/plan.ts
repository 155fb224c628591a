// What a run would send (or sent) to Azure, as plain data: built by the offline analysis,
// refined by the online checks (live state, diffs), rendered by the report layer.

/** One REST call the action would send (or sent), with a secret-free body. */
export interface PlannedRequest {
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** ARM path without host, e.g. /subscriptions/…/onlineEndpoints/my-endpoint */
  path: string;
  apiVersion: string;
  description: string;
  body?: unknown;
  /** Against the live resource (validate and deploy): what the request would do. Unknown offline. */
  change?: 'create' | 'update' | 'no change';
  /** Field-level differences from the live resource, one line each (`path: before → after`). */
  diff?: string[];
}

export interface Plan {
  requests: PlannedRequest[];
  /** Local assets (model folder, code, inline environment) that apply would register first. */
  assets: { kind: string; description: string }[];
  /** Endpoint traffic as it is and as it would be after the run (validate and deploy). */
  traffic?: { before: Record<string, number>; after: Record<string, number> };
  /** Core quota per VM family, before → after. */
  quota?: string[];
  /** Roles that must be assigned around the run (e.g. to a system identity that does not exist yet). */
  identity?: string[];
}
