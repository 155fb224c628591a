// What an online check is (docs/online-checks.md): a named module that decides, from the plain
// facts the adapters read (facts.ts), which findings the files deserve. Pure: no I/O, no clock
// but `facts.now`. The registry (registry.ts) lists them and merges their outputs.
import type { Finding, SourceRange } from '../findings/finding.ts';
import type { RuleId } from '../findings/rules.ts';
import type { ReferenceStatus } from '../report/model.ts';
import type { SecretReference } from '../secrets/scan.ts';
import type { DeploymentSpec, EndpointSpec } from '../manifests/index.ts';
import type { Span } from '../manifests/tree.ts';
import type { ValidateFacts } from './facts.ts';

export interface CheckContext {
  /** From the offline analysis (absent when only deployment files were given). */
  endpoint?: EndpointSpec;
  /** The endpoint the deployments target. */
  endpointName: string;
  deployments: DeploymentSpec[];
  references: SecretReference[];
  facts: ValidateFacts;
  /** Deploy's input: a missing Key Vault role of the endpoint identity becomes a planned grant (notice), not an error. */
  grantMissingRoles: boolean;
  mode: 'validate' | 'deploy';
}

/** A role the deploy step is to assign (grant-missing-roles), after the endpoint exists when the identity is new. */
export interface PlannedGrant {
  roleName: string;
  /** GUID of the built-in role definition. */
  roleDefinitionId: string;
  scope: string;
  /** Undefined for the endpoint's system identity before the endpoint exists. */
  principalId?: string;
  principalType: 'ServicePrincipal';
  /** `after-endpoint`: the identity is created with the endpoint; `before-deployment`: it exists already. */
  when: 'after-endpoint' | 'before-deployment';
  reason: string;
}

/** What one check decided: findings, and for the references it looked at, a status each. */
export interface CheckOutput {
  findings: Finding[];
  /** Per reference it examined: pass, fail (with the rule) or unknown (with why). */
  verdicts: Array<{ reference: SecretReference; status: ReferenceStatus }>;
  /** Plan lines, e.g. the roles a new system identity needs once it exists. */
  identityPlan: string[];
  grants: PlannedGrant[];
}

export interface Check {
  name: string;
  rules: RuleId[];
  run(ctx: CheckContext): Finding[];
  /** The full output; `run` returns its findings. Optional so that a check may be findings-only. */
  evaluate?(ctx: CheckContext): CheckOutput;
}

/** A check from its evaluation: `run` is the findings of `evaluate`. */
export function defineCheck(name: string, rules: RuleId[], evaluate: (ctx: CheckContext) => Partial<CheckOutput>): Check {
  const full = (ctx: CheckContext): CheckOutput => ({ findings: [], verdicts: [], identityPlan: [], grants: [], ...evaluate(ctx) });
  return { name, rules, run: (ctx) => full(ctx).findings, evaluate: full };
}

/** A finding position from a spec span. */
export function at(file: string, span: Span): SourceRange {
  return { file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** Where an endpoint-level finding goes: the span asked for, else the endpoint's name, else the first deployment's endpoint_name. */
export function endpointPosition(ctx: CheckContext, pick: (spans: EndpointSpec['spans']) => Span | undefined): SourceRange {
  if (ctx.endpoint) {
    const span = pick(ctx.endpoint.spans) ?? ctx.endpoint.spans.name;
    if (span) return at(ctx.endpoint.file, span);
    return { file: ctx.endpoint.file, line: 1, column: 1 };
  }
  const d = ctx.deployments[0];
  if (d) return at(d.file, d.spans.endpointName ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 });
  return { file: '', line: 1, column: 1 };
}

/** Case-insensitive lookup in a record keyed by names, hosts or ARM ids. */
export function lookupCI<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  if (key in record) return record[key];
  const low = key.toLowerCase();
  for (const [k, v] of Object.entries(record)) if (k.toLowerCase() === low) return v;
  return undefined;
}

/** The references, one per (file, store) pair: findings about a store go on its first reference in each file. */
export function firstPerFile(refs: readonly SecretReference[], storeOf: (r: SecretReference) => string): SecretReference[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.range.file}\u0000${storeOf(r).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
