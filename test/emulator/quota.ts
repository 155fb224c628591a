// Quota and VM sizes of Microsoft.MachineLearningServices in the workspace region: `locations/{loc}/usages`,
// `locations/{loc}/vmSizes`, and the check a managed deployment's PUT / scale PATCH meets. The rule comes from
// https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas (managed online endpoints reserve 20 % extra:
// ceil(1.2 × instances) × cores of the SKU must be free); the refusal is the service's synchronous 400, as public reports
// quote it (e.g. Azure-Samples/rag-data-openai-python-promptflow#4, MicrosoftLearning/mslearn-azure-ml#30).
import type { ArmCall } from './arm-common.ts';
import { armError } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { World } from './state.ts';

export interface VmSize { name: string; family: string; vCPUs: number; memoryGB: number; gpus: number }

const size = (family: string, gpus = 0) => (name: string, vCPUs: number, memoryGB: number, g = gpus): VmSize => ({ name, family, vCPUs, memoryGB, gpus: g });
const ds = size('standardDSv2Family');
const fs = size('standardFSv2Family');
const es = size('standardESv3Family');
const das = size('standardDASv4Family');
const t4 = size('standardNCASv3_T4Family', 1);
const v100 = size('standardNCSv3Family', 1);
const a100 = size('StandardNCADSA100v4Family', 1);
const h100 = size('standardNCadsH100v5Family', 1);

/** Managed online endpoint SKUs (a subset of https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list). */
export const VM_SIZES: VmSize[] = [
  ds('Standard_DS1_v2', 1, 3.5), ds('Standard_DS2_v2', 2, 7), ds('Standard_DS3_v2', 4, 14), ds('Standard_DS4_v2', 8, 28), ds('Standard_DS5_v2', 16, 56),
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

export function vmSize(instanceType: string): VmSize | undefined {
  const l = instanceType.toLowerCase();
  return VM_SIZES.find((s) => s.name.toLowerCase() === l);
}

const FAMILY_TITLE = (family: string): string => family.replace(/^standard/i, 'Standard ').replace(/Family$/, ' Family vCPUs');

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

/** An instance type the service does not offer for managed online deployments (assumed wording; 400 at PUT). */
export function unknownInstanceType(instanceType: string): EmuResponse {
  return armError(400, 'UserError', `Instance type '${instanceType}' is not supported for managed online deployments. See https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list for the supported SKUs.`, { details: [], innerError: { code: 'BadArgument' } });
}

/** What a managed deployment asks for: its id (not counted twice when it is updated), instance type and sku. */
export interface QuotaAsk { id: string; computeType: unknown; instanceType: string; sku: Record<string, unknown> }

/** The check a managed deployment's PUT or scale PATCH meets; undefined = it fits. */
export function checkQuota(w: World, ask: QuotaAsk): EmuResponse | undefined {
  if (ask.computeType !== 'Managed') return undefined; // Kubernetes quota is the cluster's, not the subscription's
  const s = vmSize(ask.instanceType);
  if (!s) return unknownInstanceType(ask.instanceType);
  const needed = reservedCores(s, capacityOf(ask.sku));
  const used = familyUsage(w, s.family, ask.id);
  const limit = familyLimit(w, s.family);
  if (used + needed <= limit) return undefined;
  const detail = JSON.stringify({ errors: { VmSize: [`Not enough quota available for ${s.name} in SubscriptionId ${w.scenario.subscriptionId}. Current usage/limit: ${used}/${limit}. Additional needed: ${needed} Please see troubleshooting guide, available here: https://aka.ms/oe-tsg#error-outofquota`] }, type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', title: 'One or more validation errors occurred.', status: 400 });
  return armError(400, 'BadRequest', 'The request is invalid.', { details: [{ code: 'InferencingClientCreateDeploymentFailed', message: `InferencingClient HttpRequest error, error detail: ${detail}` }] });
}

/** GET subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{loc}/usages */
export function listUsages(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const loc = (call.params[1] ?? '').toLowerCase();
  const families = [...new Set(VM_SIZES.map((s) => s.family))];
  const inRegion = loc === w.scenario.workspace.location;
  const value = families.map((family) => ({
    id: `/subscriptions/${w.scenario.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${loc}/usages/${family}`,
    amlWorkspaceLocation: loc, type: 'Microsoft.MachineLearningServices/vmFamily/usages', unit: 'Count',
    currentValue: inRegion ? familyUsage(w, family) : 0, limit: familyLimit(w, family),
    name: { value: family, localizedValue: FAMILY_TITLE(family) },
  }));
  return json(200, { value });
}

/** GET subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{loc}/vmSizes */
export function listVmSizes(_call: ArmCall): EmuResponse {
  return json(200, {
    value: VM_SIZES.map((s) => ({
      name: s.name, family: s.family, vCPUs: s.vCPUs, gpus: s.gpus, osVhdSizeMB: 1047552, maxResourceVolumeMB: s.vCPUs * 8192, memoryGB: s.memoryGB,
      lowPriorityCapable: true, premiumIO: true, supportedComputeTypes: ['ComputeInstance', 'AmlCompute'],
    })),
  });
}
