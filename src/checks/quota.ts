// The instance type is offered in the workspace's region, and the VM family's core quota has room
// for the deployment (docs/online-checks.md §quota). Managed online deployments hold 20 % more
// instances than asked, for upgrades
// (https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints):
// cores = ceil(1.2 × instances) × cores per instance. Deployments that keep running during the
// rollout (the one traffic moves away from) keep their cores, so nothing is counted as freed.
//
// Arithmetic (also used by the plan):
//   reservedInstances(instances): number                  ceil(1.2 × instances), in integers
//   coresNeeded(instances, vCPUs): number
//   quotaDemands(deployments, live, vmSizes): QuotaDemand[]  what each deployment of this run adds
//   quotaByFamily(demands, usages): FamilyQuota[]            before → after per family
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

export interface FamilyQuota {
  family: string;
  limit: number;
  current: number;
  additional: number;
  /** current + additional. */
  after: number;
  fits: boolean;
  demands: QuotaDemand[];
}

function sizeOf(vmSizes: readonly VmSizeFacts[], name: string | undefined): VmSizeFacts | undefined {
  if (!name) return undefined;
  return vmSizes.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/**
 * What each managed deployment of this run adds to its family's usage. An existing deployment of
 * the same name is updated in place: its current cores (assumed counted in usage with their
 * reserve) are subtracted when it stays in the same family.
 */
export function quotaDemands(deployments: readonly DeploymentSpec[], live: Readonly<Record<string, LiveDeploymentFacts>>, vmSizes: readonly VmSizeFacts[]): QuotaDemand[] {
  const out: QuotaDemand[] = [];
  for (const d of deployments) {
    if (d.computeType !== 'Managed') continue;
    const size = sizeOf(vmSizes, d.instanceType);
    if (!size) continue;
    const instances = d.instanceCount ?? 1;
    const cores = coresNeeded(instances, size.vCPUs, size.name);
    const existing = lookupCI(live, d.name);
    const oldSize = sizeOf(vmSizes, existing?.instanceType);
    const held = existing && oldSize && oldSize.family.toLowerCase() === size.family.toLowerCase() ? coresNeeded(existing.instanceCount ?? 1, oldSize.vCPUs, oldSize.name) : 0;
    out.push({ deployment: d.name, file: d.file, vmSize: size.name, family: size.family, instances, vCPUs: size.vCPUs, cores, held, additional: Math.max(0, cores - held) });
  }
  return out;
}

/** Before → after per family; a family without a usage entry is left out (the caller reports it). */
export function quotaByFamily(demands: readonly QuotaDemand[], usages: readonly UsageFacts[]): FamilyQuota[] {
  const families = new Map<string, QuotaDemand[]>();
  for (const d of demands) families.set(d.family.toLowerCase(), [...(families.get(d.family.toLowerCase()) ?? []), d]);
  const out: FamilyQuota[] = [];
  for (const [key, list] of families) {
    const usage = usages.find((u) => u.family.toLowerCase() === key);
    if (!usage) continue;
    const additional = list.reduce((n, d) => n + d.additional, 0);
    const after = usage.current + additional;
    // A run that adds nothing to a family (an update in place that does not grow) never fails its quota.
    out.push({ family: usage.family, limit: usage.limit, current: usage.current, additional, after, fits: additional === 0 || after <= usage.limit, demands: list });
  }
  return out;
}

/** Plan lines: "standardDSv2Family: 8 → 20 of 100 cores". */
export function quotaPlanLines(ctx: CheckContext): string[] {
  const { vmSizes, usages, deployments } = ctx.facts;
  if (vmSizes.kind !== 'found' || usages.kind !== 'found') return [];
  const live = deployments.kind === 'found' ? deployments.value : {};
  return quotaByFamily(quotaDemands(ctx.deployments, live, vmSizes.value), usages.value).map(
    (f) => `${f.family}: ${f.current} → ${f.after} of ${f.limit} cores${f.fits ? '' : ' (over the limit)'}`,
  );
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
  const offered = vmSizes.value.map((s) => s.name);
  for (const d of managed) {
    if (sizeOf(vmSizes.value, d.instanceType)) continue;
    const near = closest(d.instanceType ?? '', offered);
    findings.push(makeFinding('instance-type-unavailable', instanceTypeAt(d), `instance_type ${d.instanceType} is not offered for online endpoints in the workspace's region.`, {
      hint: near ? `Did you mean ${near}?` : 'List the sizes the region offers: az ml online-deployment list-skus, or see https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list',
    }));
  }
  if (usages.kind !== 'found') {
    const why = usages.kind === 'unreadable' ? usages.why : 'no usage was reported';
    for (const d of managed.filter((m) => sizeOf(vmSizes.value, m.instanceType))) findings.push(makeFinding('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${d.instanceType}: the region's usage could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/usages/read).' }));
    return { findings };
  }
  const live = deployments.kind === 'found' ? deployments.value : {};
  const demands = quotaDemands(managed, live, vmSizes.value);
  const byFamily = quotaByFamily(demands, usages.value);
  for (const demand of demands) {
    const family = byFamily.find((f) => f.family.toLowerCase() === demand.family.toLowerCase());
    const d = managed.find((m) => m.name === demand.deployment && m.file === demand.file);
    if (!d) continue;
    if (!family) {
      findings.push(makeFinding('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${demand.vmSize}: no usage is reported for its family ${demand.family}.`, { hint: 'Check the family quota in the Azure portal (Quotas).' }));
      continue;
    }
    if (family.fits) continue;
    const free = Math.max(0, family.limit - family.current);
    const others = family.demands.length > 1 ? ` Together with ${family.demands.filter((x) => x !== demand).map((x) => x.deployment).join(', ')}, this run adds ${family.additional}.` : '';
    const update = demand.held ? ` It already holds ${demand.held} cores, which it keeps until the new instances are up.` : '';
    const running = runningElsewhere(live, vmSizes.value, demand);
    findings.push(
      makeFinding('quota-insufficient', instanceTypeAt(d), `${demand.deployment} needs ${demand.cores} cores of ${demand.family}: ${reserveText(demand)} × ${demand.vCPUs} cores of ${demand.vmSize}; ${free} of ${family.limit} are free (${family.current} in use).${update}${others}${running}`, {
        hint: `Request at least ${family.after} cores for ${demand.family} in the region (Azure portal: Quotas), or lower instance_count, or choose a size of a family with free quota.`,
      }),
    );
  }
  return { findings };
});

/** Which other deployments of the endpoint hold cores of the same family through the rollout. */
function runningElsewhere(live: Readonly<Record<string, LiveDeploymentFacts>>, vmSizes: readonly VmSizeFacts[], demand: QuotaDemand): string {
  const holders = Object.values(live)
    .filter((l) => l.name.toLowerCase() !== demand.deployment.toLowerCase())
    .map((l) => ({ l, size: sizeOf(vmSizes, l.instanceType) }))
    .filter((x) => x.size && x.size.family.toLowerCase() === demand.family.toLowerCase());
  if (!holders.length) return '';
  return ` ${holders.map((x) => `${x.l.name} (${coresNeeded(x.l.instanceCount ?? 1, x.size?.vCPUs ?? 0, x.size?.name)} cores)`).join(', ')} keep${holders.length === 1 ? 's' : ''} running during the rollout.`;
}
