// The instance type is offered for managed online endpoints in the workspace's region (`MIR` among the
// size's supportedComputeTypes), and both the VM family's dedicated-core quota and the regional
// dedicated-core total have room for the deployment (docs/online-checks.md §quota). Managed online
// deployments hold 20 % more instances than asked, for upgrades
// (https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints):
// cores = ceil(1.2 × instances) × cores per instance, except the sizes that skip the reserve.
// Deployments that keep running during the rollout (the one traffic moves away from) keep their
// cores, so nothing is counted as freed. Usage rows are told apart by type and name (classifyUsage).
//
// Arithmetic (also used by the plan):
//   reservedInstances(instances): number                  ceil(1.2 × instances), in integers
//   coresNeeded(instances, vCPUs): number
//   quotaDemands(deployments, live, vmSizes): QuotaDemand[]  what each deployment of this run adds
//   quotaByFamily(demands, usages): FamilyQuota[]            before → after per family
//   regionalQuota(demands, usages): QuotaBalance             before → after of the regional total
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { DeploymentSpec } from '../manifests/index.ts';
import { closest } from '../manifests/edit-distance.ts';
import { at, defineCheck, lookupCI, type CheckContext } from './check.ts';
import type { LiveDeploymentFacts, UsageFacts, VmSizeFacts } from './facts.ts';

/** ceil(1.2 × instances), in integer arithmetic (10 instances → 12). */
export function reservedInstances(instances: number): number {
  return Math.ceil((instances * 12) / 10);
}

export function coresNeeded(instances: number, vCPUs: number, vmSize?: string): number {
  return (vmSize && reserveExempt(vmSize) ? instances : reservedInstances(instances)) * vCPUs;
}

/**
 * SKUs the service deploys without the 20 % reserve ("Skip 20% Reservation" in the managed online endpoints SKU list,
 * https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list, as issue 16 quotes it):
 * the A100 and H100 sizes and the ND families. The SKU list table is the authority; this matches it by name pattern.
 */
export function reserveExempt(vmSize: string): boolean {
  return /A100|H100|^Standard_ND/i.test(vmSize);
}

function reserveText(d: QuotaDemand): string {
  return reserveExempt(d.vmSize)
    ? `${d.instances} instance(s) (${d.vmSize} skips the 20 % reserve)`
    : `ceil(1.2 × ${d.instances}) = ${reservedInstances(d.instances)} instances (20 % reserve for upgrades)`;
}

export interface QuotaDemand {
  deployment: string;
  file: string;
  vmSize: string;
  family: string;
  instances: number;
  vCPUs: number;
  /** ceil(1.2 × instances) × vCPUs. */
  cores: number;
  /** Cores the same deployment already holds in this family (an update in place), counted in current usage. */
  held: number;
  /** What this run adds to the family's usage: cores − held, never below 0. */
  additional: number;
}

/** One usage row before → after this run: a family's or the regional total's. */
export interface QuotaBalance {
  /** The usage row's name, as the portal shows it. */
  title: string;
  /** -1: no limit. */
  limit: number;
  current: number;
  additional: number;
  /** current + additional. */
  after: number;
  fits: boolean;
  demands: QuotaDemand[];
}

export interface FamilyQuota extends QuotaBalance {
  /** The VM size's family (`standardDSv2Family`). */
  family: string;
}

function sizeOf(vmSizes: readonly VmSizeFacts[], name: string | undefined): VmSizeFacts | undefined {
  if (!name) return undefined;
  return vmSizes.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** `MIR` in `supportedComputeTypes` marks the sizes managed online endpoints offer; a list without the field is taken as it is. */
export const ONLINE_ENDPOINT_COMPUTE_TYPE = 'MIR';

/** The region's sizes a managed online deployment may use (the vmSizes listing holds every Azure Machine Learning compute size). */
export function onlineSizes(vmSizes: readonly VmSizeFacts[]): VmSizeFacts[] {
  return vmSizes.filter((s) => !s.supportedComputeTypes || s.supportedComputeTypes.some((t) => t.toLowerCase() === ONLINE_ENDPOINT_COMPUTE_TYPE.toLowerCase()));
}

/**
 * The sizes to suggest instead of `name`: online sizes of the same family, closest in cores first (up to three);
 * else the closest name.
 */
export function nearestOnlineSizes(vmSizes: readonly VmSizeFacts[], name: string): string[] {
  const online = onlineSizes(vmSizes);
  const asked = sizeOf(vmSizes, name);
  if (asked) {
    const sameFamily = online.filter((s) => familyId(s.family) === familyId(asked.family)).sort((a, b) => Math.abs(a.vCPUs - asked.vCPUs) - Math.abs(b.vCPUs - asked.vCPUs) || a.vCPUs - b.vCPUs);
    if (sameFamily.length) return sameFamily.slice(0, 3).map((s) => s.name);
  }
  const near = closest(name, online.map((s) => s.name));
  return near ? [near] : [];
}

/**
 * What a family is called, whichever form a row uses: `standardDSv2Family` (vmSizes), `Standard DSv2 Family
 * Cluster Dedicated vCPUs` (a usage name) and `Standard_DSv2_Family_Cluster_Dedicated_vCPUs` (a usage id) are
 * all `dsv2`. Undefined when the text names no family.
 */
export function familyKey(text: string): string | undefined {
  const m = /^standard[\s_]*(.+?)[\s_]*family(?![a-z0-9])/i.exec(text);
  return m?.[1] ? m[1].toLowerCase().replace(/[^a-z0-9]/g, '') : undefined;
}

/** The key a family is compared by: familyKey, or the name itself (lower-cased) when it follows no known form. */
function familyId(text: string): string {
  return familyKey(text) ?? text.toLowerCase();
}

/**
 * A usage row, classified by its type and name, never by its display name: the subscription's dedicated-core row
 * of a VM family, the regional dedicated-core total (which every managed online deployment and compute cluster of
 * the subscription in the region counts against), or neither (low-priority rows, workspace and cluster rows, which
 * repeat a family's name with a part of its usage, and counts such as `Clusters`).
 */
export type UsageRow = { kind: 'family'; family: string; row: UsageFacts } | { kind: 'regional'; row: UsageFacts };

export function classifyUsage(u: UsageFacts): UsageRow | undefined {
  const type = u.type.toLowerCase();
  if (/\/workspaces?\//.test(type) || /\/workspaces\//i.test(u.id)) return undefined; // a workspace's or a cluster's share
  if (/lowpriority/.test(type) || /low\s*priority/i.test(u.name)) return undefined;
  if (/\/vmfamily\//.test(type)) {
    const family = familyKey(u.name) ?? familyKey(u.id.split('/').at(-1) ?? '') ?? (u.name ? u.name.toLowerCase() : undefined);
    return family ? { kind: 'family', family, row: u } : undefined;
  }
  if (/\/dedicatedcores\/usages$/.test(type) || /^total\s*(cluster\s*)?dedicated/i.test(u.name)) return { kind: 'regional', row: u };
  return undefined;
}

function display(u: UsageFacts): string {
  return u.localizedName || u.name;
}

/** -1 is no limit. */
function fitsIn(limit: number, after: number): boolean {
  return limit < 0 || after <= limit;
}

/** What each managed deployment of this run adds to its family's usage. An existing deployment of
 * the same name is updated in place: its current cores (assumed counted in usage with their
 * reserve) are subtracted when it stays in the same family. Sizes managed online endpoints do not offer are left out.
 */
export function quotaDemands(deployments: readonly DeploymentSpec[], live: Readonly<Record<string, LiveDeploymentFacts>>, vmSizes: readonly VmSizeFacts[]): QuotaDemand[] {
  const out: QuotaDemand[] = [];
  const online = onlineSizes(vmSizes);
  for (const d of deployments) {
    if (d.computeType !== 'Managed') continue;
    const size = sizeOf(online, d.instanceType);
    if (!size) continue;
    const instances = d.instanceCount ?? 1;
    const cores = coresNeeded(instances, size.vCPUs, size.name);
    const existing = lookupCI(live, d.name);
    const oldSize = sizeOf(vmSizes, existing?.instanceType);
    const held = existing && oldSize && familyId(oldSize.family) === familyId(size.family) ? coresNeeded(existing.instanceCount ?? 1, oldSize.vCPUs, oldSize.name) : 0;
    out.push({ deployment: d.name, file: d.file, vmSize: size.name, family: size.family, instances, vCPUs: size.vCPUs, cores, held, additional: Math.max(0, cores - held) });
  }
  return out;
}

/** Before → after per family, from the family's subscription row; a family without one is left out (the caller reports it). */
export function quotaByFamily(demands: readonly QuotaDemand[], usages: readonly UsageFacts[]): FamilyQuota[] {
  const rows = usages.map(classifyUsage).filter((r): r is Extract<UsageRow, { kind: 'family' }> => r?.kind === 'family');
  const families = new Map<string, QuotaDemand[]>();
  for (const d of demands) {
    const key = familyId(d.family);
    families.set(key, [...(families.get(key) ?? []), d]);
  }
  const out: FamilyQuota[] = [];
  for (const [key, list] of families) {
    const usage = rows.find((r) => r.family === key)?.row;
    if (!usage) continue;
    const additional = list.reduce((n, d) => n + d.additional, 0);
    const after = usage.current + additional;
    // A run that adds nothing to a family (an update in place that does not grow) never fails its quota.
    out.push({ family: list[0]?.family ?? key, title: display(usage), limit: usage.limit, current: usage.current, additional, after, fits: additional === 0 || fitsIn(usage.limit, after), demands: list });
  }
  return out;
}

/** Before → after of the regional dedicated-core total, which every family's additions count against; undefined without that row. */
export function regionalQuota(demands: readonly QuotaDemand[], usages: readonly UsageFacts[]): QuotaBalance | undefined {
  const usage = usages.map(classifyUsage).find((r) => r?.kind === 'regional')?.row;
  if (!usage) return undefined;
  const additional = demands.reduce((n, d) => n + d.additional, 0);
  const after = usage.current + additional;
  return { title: display(usage), limit: usage.limit, current: usage.current, additional, after, fits: additional === 0 || fitsIn(usage.limit, after), demands: [...demands] };
}

function limitText(limit: number): string {
  return limit < 0 ? 'no limit' : `${limit}`;
}

/** Plan lines: "Standard DSv2 Family Cluster Dedicated vCPUs: 8 → 20 of 100 cores", then the regional total. */
export function quotaPlanLines(ctx: CheckContext): string[] {
  const { vmSizes, usages, deployments } = ctx.facts;
  if (vmSizes.kind !== 'found' || usages.kind !== 'found') return [];
  const live = deployments.kind === 'found' ? deployments.value : {};
  const demands = quotaDemands(ctx.deployments, live, vmSizes.value);
  const line = (q: QuotaBalance) => `${q.title}: ${q.current} → ${q.after} of ${limitText(q.limit)} cores${q.fits ? '' : ' (over the limit)'}`;
  const regional = demands.length ? regionalQuota(demands, usages.value) : undefined;
  return [...quotaByFamily(demands, usages.value).map(line), ...(regional ? [line(regional)] : [])];
}

function instanceTypeAt(d: DeploymentSpec) {
  return at(d.file, d.spans.instanceType ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 });
}

export const quotaCheck = defineCheck('quota', ['instance-type-unavailable', 'quota-insufficient', 'cannot-verify'], (ctx) => {
  const managed = ctx.deployments.filter((d) => d.computeType === 'Managed' && d.instanceType);
  if (managed.length === 0) return {};
  const findings: Finding[] = [];
  const { vmSizes, usages, deployments } = ctx.facts;
  if (vmSizes.kind !== 'found') {
    const why = vmSizes.kind === 'unreadable' ? vmSizes.why : 'the region lists no VM sizes';
    for (const d of managed) findings.push(makeFinding('cannot-verify', instanceTypeAt(d), `Cannot verify instance_type ${d.instanceType} and its quota: the VM sizes of the workspace's region could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/vmSizes/read).' }));
    return { findings };
  }
  const online = onlineSizes(vmSizes.value);
  for (const d of managed) {
    if (sizeOf(online, d.instanceType)) continue;
    const near = nearestOnlineSizes(vmSizes.value, d.instanceType ?? '');
    const listed = sizeOf(vmSizes.value, d.instanceType);
    const suggestion = near.length ? `Did you mean ${near.join(' or ')}?` : 'List the sizes the region offers: az ml online-deployment list-skus, or see https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list';
    findings.push(
      makeFinding(
        'instance-type-unavailable',
        instanceTypeAt(d),
        listed
          ? `instance_type ${d.instanceType} is an Azure Machine Learning compute size of the workspace's region, but not one for managed online endpoints: its supported compute types (${(listed.supportedComputeTypes ?? []).join(', ')}) do not include ${ONLINE_ENDPOINT_COMPUTE_TYPE}, and the service refuses the deployment.`
          : `instance_type ${d.instanceType} is not offered for online endpoints in the workspace's region.`,
        { hint: listed && near.length ? `Use a size managed online endpoints offer: ${near.join(', ')}.` : suggestion },
      ),
    );
  }
  if (usages.kind !== 'found') {
    const why = usages.kind === 'unreadable' ? usages.why : 'no usage was reported';
    for (const d of managed.filter((m) => sizeOf(online, m.instanceType))) findings.push(makeFinding('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${d.instanceType}: the region's usage could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/usages/read).' }));
    return { findings };
  }
  const live = deployments.kind === 'found' ? deployments.value : {};
  const demands = quotaDemands(managed, live, vmSizes.value);
  const byFamily = quotaByFamily(demands, usages.value);
  const regional = demands.length ? regionalQuota(demands, usages.value) : undefined;
  for (const demand of demands) {
    const family = byFamily.find((f) => familyId(f.family) === familyId(demand.family));
    const d = managed.find((m) => m.name === demand.deployment && m.file === demand.file);
    if (!d) continue;
    if (!family) {
      findings.push(makeFinding('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${demand.vmSize}: no usage is reported for its family ${demand.family}.`, { hint: 'Check the family quota in the Azure portal (Quotas).' }));
    } else if (!family.fits) {
      const free = Math.max(0, family.limit - family.current);
      const others = family.demands.length > 1 ? ` Together with ${family.demands.filter((x) => x !== demand).map((x) => x.deployment).join(', ')}, this run adds ${family.additional}.` : '';
      const update = demand.held ? ` It already holds ${demand.held} cores, which it keeps until the new instances are up.` : '';
      const running = runningElsewhere(live, vmSizes.value, demand);
      findings.push(
        makeFinding('quota-insufficient', instanceTypeAt(d), `${demand.deployment} needs ${demand.cores} cores of ${demand.family} (${family.title}): ${reserveText(demand)} × ${demand.vCPUs} cores of ${demand.vmSize}; ${free} of ${family.limit} are free (${family.current} in use).${update}${others}${running}`, {
          hint: `Request at least ${family.after} cores for ${demand.family} in the region (Azure portal: Quotas), or lower instance_count, or choose a size of a family with free quota.`,
        }),
      );
    }
    if (!regional) {
      findings.push(makeFinding('cannot-verify', instanceTypeAt(d), `Cannot verify the regional core quota for ${demand.vmSize}: the region's usage has no dedicated-core total (Total Cluster Dedicated Regional vCPUs).`, { hint: 'Check the regional total in the Azure portal (Quotas).' }));
    } else if (!regional.fits) {
      const free = Math.max(0, regional.limit - regional.current);
      const together = regional.demands.length > 1 ? ` This run adds ${regional.additional} in all (${regional.demands.map((x) => `${x.deployment}: ${x.additional}`).join(', ')}).` : '';
      findings.push(
        makeFinding('quota-insufficient', instanceTypeAt(d), `${demand.deployment} adds ${demand.additional} cores to the region's total (${regional.title}), which every managed online deployment and compute cluster of the subscription in the region counts against: ${free} of ${regional.limit} are free (${regional.current} in use).${together}`, {
          hint: `Request at least ${regional.after} cores for ${regional.title} in the region (Azure portal: Quotas), or lower instance_count.`,
        }),
      );
    }
  }
  return { findings };
});

/** Which other deployments of the endpoint hold cores of the same family through the rollout. */
function runningElsewhere(live: Readonly<Record<string, LiveDeploymentFacts>>, vmSizes: readonly VmSizeFacts[], demand: QuotaDemand): string {
  const holders = Object.values(live)
    .filter((l) => l.name.toLowerCase() !== demand.deployment.toLowerCase())
    .map((l) => ({ l, size: sizeOf(vmSizes, l.instanceType) }))
    .filter((x) => x.size && familyId(x.size.family) === familyId(demand.family));
  if (!holders.length) return '';
  return ` ${holders.map((x) => `${x.l.name} (${coresNeeded(x.l.instanceCount ?? 1, x.size?.vCPUs ?? 0, x.size?.name)} cores)`).join(', ')} keep${holders.length === 1 ? 's' : ''} running during the rollout.`;
}
