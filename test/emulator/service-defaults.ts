// What the service fills in on write, so that every GET carries the fields a client reads unconditionally
// (azure-ai-ml parses a deployment's `scaleSettings` and a model's `flavors` without a None check).
// Keys follow the contract GET examples (test/fixtures/contracts/machinelearningservices/*_Get.json); values
// are the defaults of the managed online deployment YAML reference
// (https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online), in the
// REST spec's ISO-8601 form. Pure: no I/O.
import { isObj } from './http.ts';
import type { Obj } from './http.ts';

/** request_settings defaults: request_timeout_ms 5000, max_concurrent_requests_per_instance 1, max_queue_wait_ms 500. */
export const REQUEST_SETTINGS_DEFAULT = { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1, maxQueueWait: 'PT0.5S' } as const;
/** liveness_probe and readiness_probe defaults: initial_delay 10, period 10, timeout 2, success_threshold 1, failure_threshold 30. */
export const PROBE_DEFAULT = { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 } as const;

/** Field-wise merge: what the client sent wins, every missing field gets the default. */
function withDefaults(sent: unknown, defaults: Obj): Obj {
  return { ...defaults, ...(isObj(sent) ? sent : {}) };
}

/** The deployment properties a GET returns, given what the PUT sent (the caller adds provisioningState). */
export function deploymentProperties(sent: Obj): Obj {
  return {
    description: null,
    properties: {},
    environmentVariables: {},
    appInsightsEnabled: false,
    egressPublicNetworkAccess: 'Enabled',
    ...sent,
    scaleSettings: withDefaults(sent['scaleSettings'], { scaleType: 'Default' }),
    requestSettings: withDefaults(sent['requestSettings'], REQUEST_SETTINGS_DEFAULT),
    livenessProbe: withDefaults(sent['livenessProbe'], PROBE_DEFAULT),
    readinessProbe: withDefaults(sent['readinessProbe'], PROBE_DEFAULT),
  };
}

/** Asset version properties as the service stores them: description/tags/properties always present, models with flavors. */
export function assetVersionProperties(kind: 'models' | 'environments' | 'codes', sent: Obj): Obj {
  const base: Obj = { description: null, tags: {}, properties: {}, isArchived: false, isAnonymous: false };
  if (kind === 'models') return { ...base, flavors: {}, modelType: 'CustomModel', jobName: null, ...sent };
  if (kind === 'environments') return { ...base, environmentType: 'UserCreated', ...sent };
  return { ...base, ...sent };
}
