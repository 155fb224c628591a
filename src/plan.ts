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
}

export interface Plan {
  requests: PlannedRequest[];
  /** Local assets (model folder, code, inline environment) that apply would register first. */
  assets: { kind: string; description: string }[];
}
