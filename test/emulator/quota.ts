// Quota and VM sizes of Microsoft.MachineLearningServices in the workspace region: `locations/{loc}/usages`,
// `locations/{loc}/vmSizes`, and the check a managed deployment's PUT / scale PATCH meets. The rule comes from
// https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas (managed online endpoints reserve 20 % extra:
// ceil(1.2 × instances) × cores of the SKU must be free, in the VM family and in the regional dedicated-core total);
// the refusal is the service's synchronous 400, as public reports quote it (e.g. Azure-Samples/rag-data-openai-python-promptflow#4,
// MicrosoftLearning/mslearn-azure-ml#30). The listings follow the REST spec's examples (azure-rest-api-specs
// …/stable/2024-04-01/examples/VirtualMachineSize/list.json and Usage/list.json): vmSizes lists every Azure Machine
// Learning compute size, `MIR` in `supportedComputeTypes` marking those of managed online endpoints; usages mixes
// VM-family, regional-total, low-priority, workspace rows and a cluster count, named by titles.
import type { ArmCall } from './arm-common.ts';
import { armError } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { World } from './state.ts';

export interface VmSize { name: string; family: string; vCPUs: number; memoryGB: number; gpus: number; supportedComputeTypes: string[] }

/** `MIR`: the compute type of managed online endpoints in `supportedComputeTypes`. */
export const MIR = 'MIR';
const ONLINE = ['AmlCompute', 'ComputeInstance', MIR];
const TRAINING_ONLY = ['AmlCompute', 'ComputeInstance'];
const size = (family: string, gpus = 0, types = ONLINE) => (name: string, vCPUs: number, memoryGB: number, g = gpus): VmSize => ({ name, family, vCPUs, memoryGB, gpus: g, supportedComputeTypes: types });
const ds = size('standardDSv2Family');
const dsTraining = size('standardDSv2Family', 0, TRAINING_ONLY);
const fs = size('standardFSv2Family');
const es = size('standardESv3Family');
const das = size('standardDASv4Family');
const t4 = size('standardNCASv3_T4Family', 1);
const v100 = size('standardNCSv3Family', 1);
const a100 = size('StandardNCADSA100v4Family', 1);
const h100 = size('standardNCadsH100v5Family', 1);

/**
 * Azure Machine Learning compute sizes of the region. Managed online endpoint SKUs (a subset of
 * https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list) carry MIR; the DSv2
 * family is as the REST spec's VirtualMachineSize/list example lists it: DS2–DS5 with MIR, DS1 and DS11–DS14 without.
 */
export const VM_SIZES: VmSize[] = [
  dsTraining('Standard_DS1_v2', 1, 3.5), ds('Standard_DS2_v2', 2, 7), ds('Standard_DS3_v2', 4, 14), ds('Standard_DS4_v2', 8, 28), ds('Standard_DS5_v2', 16, 56),
  dsTraining('Standard_DS11_v2', 2, 14), dsTraining('Standard_DS12_v2', 4, 28), dsTraining('Standard_DS13_v2', 8, 56), dsTraining('Standard_DS14_v2', 16, 112),
  fs('Standard_F2s_v2', 2, 4), fs('Standard_F4s_v2', 4, 8), fs('Standard_F8s_v2', 8, 16), fs('Standard_F16s_v2', 16, 32), fs('Standard_F32s_v2', 32, 64), fs('Standard_F48s_v2', 48, 96), fs('Standard_F64s_v2', 64, 128), fs('Standard_F72s_v2', 72, 144),
  es('Standard_E2s_v3', 2, 16), es('Standard_E4s_v3', 4, 32), es('Standard_E8s_v3', 8, 64), es('Standard_E16s_v3', 16, 128), es('Standard_E32s_v3', 32, 256), es('Standard_E48s_v3', 48, 384), es('Standard_E64s_v3', 64, 432),
  das('Standard_D2as_v4', 2, 8), das('Standard_D4as_v4', 4, 16), das('Standard_D8as_v4', 8, 32), das('Standard_D16as_v4', 16, 64), das('Standard_D32as_v4', 32, 128), das('Standard_D48as_v4', 48, 192), das('Standard_D64as_v4', 64, 256), das('Standard_D96as_v4', 96, 384),
  t4('Standard_NC4as_T4_v3', 4, 28), t4('Standard_NC8as_T4_v3', 8, 56), t4('Standard_NC16as_T4_v3', 16, 110), t4('Standard_NC64as_T4_v3', 64, 440, 4),
  v100('Standard_NC6s_v3', 6, 112), v100('Standard_NC12s_v3', 12, 224, 2), v100('Standard_NC24s_v3', 24, 448, 4),
  a100('Standard_NC24ads_A100_v4', 24, 220), a100('Standard_NC48ads_A100_v4', 48, 440, 2), a100('Standard_NC96ads_A100_v4', 96, 880, 4),
  h100('Standard_NC40ads_H100_v5', 40, 320), h100('Standard_NC80adis_H100_v5', 80, 640, 2),
];

/** Limit of a family the scenario does not set (assumed: generous, so scenarios that do not care never meet it). */
export const DEFAULT_FAMILY_LIMIT = 200;
/** The `quota` knob key of the regional dedicated-core total (Total Cluster Dedicated Regional vCPUs). */
export const REGIONAL = 'regional';
/** Regional total the scenario does not set (assumed: generous, like the family default). */
export const DEFAULT_REGIONAL_LIMIT = 1000;
const REGIONAL_TITLE = 'Total Cluster Dedicated Regional vCPUs';

/** A size of the region's listing (any compute type). */
export function vmSize(instanceType: string): VmSize | undefined {
  const l = instanceType.toLowerCase();
  return VM_SIZES.find((s) => s.name.toLowerCase() === l);
}

/** A size managed online deployments may use: listed with MIR. */
export function onlineVmSize(instanceType: string): VmSize | undefined {
  const s = vmSize(instanceType);
  return s?.supportedComputeTypes.includes(MIR) ? s : undefined;
}

/** `standardDSv2Family` → `Standard DSv2 Family Cluster Dedicated vCPUs` (or `… LowPriority vCPUs`), the usage titles of the REST spec example. */
const familyTitle = (family: string, tier: 'Dedicated' | 'LowPriority' = 'Dedicated'): string => `${family.replace(/^standard/i, 'Standard ').replace(/Family$/, ' Family')} Cluster ${tier} vCPUs`;

/** Cores a managed deployment holds: ceil(1.2 × instances) × vCPUs (the quota article's 20 % upgrade reserve). */
/** A100/H100 sizes and the ND families skip the 20 % reserve ("Skip 20% Reservation", managed online endpoints SKU list). */
export function reservedCores(s: VmSize, instances: number): number {
  const exempt = /A100|H100|^Standard_ND/i.test(s.name);
  return (exempt ? instances : Math.ceil(1.2 * instances)) * s.vCPUs;
}

function capacityOf(sku: Record<string, unknown>): number {
  return typeof sku['capacity'] === 'number' ? sku['capacity'] : 1;
}

/** Cores of `family` in use: the scenario's outside usage plus the emulator's managed deployments (except the one with id `skipId`). */
export function familyUsage(w: World, family: string, skipId?: string): number {
  let used = w.knobs.quota[family]?.usage ?? 0;
  for (const e of w.endpoints.values()) {
    for (const d of e.deployments.values()) {
      if (d.id.toLowerCase() === skipId?.toLowerCase() || d.properties['endpointComputeType'] === 'Kubernetes') continue;
      const s = vmSize(String(d.properties['instanceType'] ?? ''));
      if (s?.family === family && d.properties.provisioningState !== 'Failed') used += reservedCores(s, capacityOf(d.sku));
    }
  }
  return used;
}

export function familyLimit(w: World, family: string): number {
  return w.knobs.quota[family]?.limit ?? DEFAULT_FAMILY_LIMIT;
}

/** Cores of the regional dedicated total in use: the scenario's outside regional usage plus every family's usage. */
export function regionalUsage(w: World, skipId?: string): number {
  return (w.knobs.quota[REGIONAL]?.usage ?? 0) + families().reduce((n, f) => n + familyUsage(w, f, skipId), 0);
}

export function regionalLimit(w: World): number {
  return w.knobs.quota[REGIONAL]?.limit ?? DEFAULT_REGIONAL_LIMIT;
}

function families(): string[] {
  return [...new Set(VM_SIZES.map((s) => s.family))];
}

/** An instance type the service does not offer for managed online deployments (assumed wording; 400 at PUT). */
export function unknownInstanceType(instanceType: string): EmuResponse {
  return armError(400, 'UserError', `Instance type '${instanceType}' is not supported for managed online deployments. See https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list for the supported SKUs.`, { details: [], innerError: { code: 'BadArgument' } });
}

/** What a managed deployment asks for: its id (not counted twice when it is updated), instance type and sku. */
export interface QuotaAsk { id: string; computeType: unknown; instanceType: string; sku: Record<string, unknown> }

/** The check a managed deployment's PUT or scale PATCH meets; undefined = it fits. */
export function checkQuota(w: World, ask: QuotaAsk): EmuResponse | undefined {
  if (ask.computeType !== 'Managed') return undefined; // Kubernetes quota is the cluster's, not the subscription's
  const s = onlineVmSize(ask.instanceType);
  if (!s) return unknownInstanceType(ask.instanceType);
  const needed = reservedCores(s, capacityOf(ask.sku));
  const used = familyUsage(w, s.family, ask.id);
  const limit = familyLimit(w, s.family);
  if (used + needed > limit) return outOfQuota(w, s, used, limit, needed);
  const regionUsed = regionalUsage(w, ask.id);
  const regionLimit = regionalLimit(w);
  // The regional total counts every family's dedicated cores (how-to-manage-quotas); the wording names it (assumed).
  if (regionLimit >= 0 && regionUsed + needed > regionLimit) return outOfQuota(w, s, regionUsed, regionLimit, needed, REGIONAL_TITLE);
  return undefined;
}

function outOfQuota(w: World, s: VmSize, used: number, limit: number, needed: number, what?: string): EmuResponse {
  const detail = JSON.stringify({ errors: { VmSize: [`Not enough quota available for ${s.name}${what ? ` (${what})` : ''} in SubscriptionId ${w.scenario.subscriptionId}. Current usage/limit: ${used}/${limit}. Additional needed: ${needed} Please see troubleshooting guide, available here: https://aka.ms/oe-tsg#error-outofquota`] }, type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', title: 'One or more validation errors occurred.', status: 400 });
  return armError(400, 'BadRequest', 'The request is invalid.', { details: [{ code: 'InferencingClientCreateDeploymentFailed', message: `InferencingClient HttpRequest error, error detail: ${detail}` }] });
}

/** Cores of `family` the emulator's own deployments hold (the workspace's share; outside usage is the subscription's). */
function workspaceUsage(w: World, family: string): number {
  return familyUsage(w, family) - (w.knobs.quota[family]?.usage ?? 0);
}

/**
 * GET subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{loc}/usages, shaped as the REST spec's
 * Usage/list example: the cluster count (typed totalCores), the regional dedicated total, per family a workspace row and
 * the subscription's row with the same title (the workspace row first: assumed, the order is not documented), the
 * low-priority total and a low-priority row per family (limit -1). The emulator has no compute clusters, so no cluster rows.
 */
export function listUsages(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const loc = (call.params[1] ?? '').toLowerCase();
  const inRegion = loc === w.scenario.workspace.location;
  const sub = `/subscriptions/${w.scenario.subscriptionId}`;
  const row = (id: string, type: string, title: string, currentValue: number, limit: number) => ({ id, type: `Microsoft.MachineLearningServices/${type}`, currentValue, limit, name: { value: title, localizedValue: title }, unit: 'Count' });
  const value = [
    row(`${sub}/usages`, 'totalCores/usages', 'Clusters', 0, 200),
    row(`${sub}/usages`, 'dedicatedCores/usages', REGIONAL_TITLE, inRegion ? regionalUsage(w) : 0, regionalLimit(w)),
    ...families().flatMap((family) => {
      const title = familyTitle(family);
      return [
        row(`${w.workspaceId}/usages/${title.replace(/ /g, '_')}`, 'workspaces/usages', title, inRegion ? workspaceUsage(w, family) : 0, familyLimit(w, family)),
        row(`${sub}/usages/${title.replace(/ /g, '_')}`, 'vmFamily/usages', title, inRegion ? familyUsage(w, family) : 0, familyLimit(w, family)),
      ];
    }),
    row(`${sub}/usages`, 'lowPriorityCores/usages', 'Total Cluster LowPriority Regional vCPUs', 0, 100),
    ...families().map((family) => row(`${sub}/usages/${familyTitle(family, 'LowPriority').replace(/ /g, '_')}`, 'vmFamily/usages', familyTitle(family, 'LowPriority'), 0, -1)),
  ];
  return json(200, { value });
}

/** GET subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{loc}/vmSizes */
export function listVmSizes(_call: ArmCall): EmuResponse {
  return json(200, {
    value: VM_SIZES.map((s) => ({
      name: s.name, family: s.family, vCPUs: s.vCPUs, gpus: s.gpus, osVhdSizeMB: 1047552, maxResourceVolumeMB: s.vCPUs * 8192, memoryGB: s.memoryGB,
      lowPriorityCapable: true, premiumIO: true, supportedComputeTypes: s.supportedComputeTypes,
    })),
  });
}
