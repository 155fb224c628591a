// The offline analysis every mode starts with: load each file (YAML 1.1 with positions), apply the
// `set` overrides, validate it as an endpoint or a deployment, find its secret references, check
// the files against each other, and build the plan. Pure: file contents and a file-system view
// come in, findings and a plan go out.
import { makeFinding, type Finding } from './findings/finding.ts';
import type { Severity } from './findings/severity.ts';
import type { PlannedRequest, Plan } from './plan.ts';
import { scanDeployment, scanEndpoint, type SecretReference } from './secrets/scan.ts';
import {
  OFFLINE_WORKSPACE,
  analyzeDeployment,
  analyzeEndpoint,
  checkTraffic,
  deploymentRestBody,
  endpointRestBody,
  type AssetToRegister,
  type DeploymentSpec,
  type EndpointSpec,
  type SpecEnvironment,
  type WorkspaceContext,
} from './manifests/index.ts';
import { overridesFor, secretOverrideValues, type ScopedOverride } from './manifests/override-scope.ts';
import { applyOverrides, type Override } from './manifests/overrides.ts';
import type { YNode } from './manifests/tree.ts';
import { loadYaml } from './manifests/yaml.ts';

export interface SourceText {
  displayPath: string;
  dir: string;
  text: string;
}

export interface AnalysisInput {
  endpoint?: SourceText;
  deployments: SourceText[];
  overrides: ScopedOverride[];
  fs: SpecEnvironment;
  /** Known in validate/deploy (the workspace was read); offline placeholders in lint. */
  workspace?: Partial<WorkspaceContext>;
  /** Severity of traffic naming a deployment in no file: a warning offline (it may exist server-side). */
  unknownTrafficSeverity: Severity;
}

export interface Analysis {
  findings: Finding[];
  references: SecretReference[];
  endpoint?: EndpointSpec;
  deployments: DeploymentSpec[];
  plan: Plan;
  /**
   * The values to mask: those of `secret-set` lines (empty ones dropped). The pipeline masks them in
   * the log, the plan diff and the report redact them; `set` values stay readable (docs/inputs: set).
   */
  overrideValues: string[];
}

export function analyze(input: AnalysisInput): Analysis {
  const findings: Finding[] = [];
  const references: SecretReference[] = [];
  const overrideValues = secretOverrideValues(input.overrides);
  const secretLines = new Set(input.overrides.filter((o) => o.secret).map((o) => o.line));
  const overriddenEnv = new Map<string, Set<string>>();

  let endpoint: EndpointSpec | undefined;
  if (input.endpoint) {
    const root = prepare(input.endpoint, overridesFor('endpoint', input.overrides), findings);
    if (root) {
      const result = analyzeEndpoint({ root, file: input.endpoint.displayPath, dir: input.endpoint.dir }, input.fs);
      findings.push(...result.findings);
      const scan = scanEndpoint(root, input.endpoint.displayPath);
      findings.push(...scan.findings);
      endpoint = result.spec;
    }
  }

  const deployments: DeploymentSpec[] = [];
  for (const source of input.deployments) {
    const root = prepare(source, overridesFor('deployment', input.overrides), findings);
    if (!root) continue;
    const result = analyzeDeployment({ root, file: source.displayPath, dir: source.dir }, { ...input.fs, parseYaml: loadYaml });
    findings.push(...result.findings);
    const scan = scanDeployment(root, source.displayPath);
    findings.push(...scan.findings);
    references.push(...scan.references);
    if (result.spec) {
      deployments.push(result.spec);
      overriddenEnv.set(result.spec.name, secretEnvironmentVariables(root, secretLines));
    }
  }

  findings.push(...crossFileFindings(endpoint, deployments, input.unknownTrafficSeverity));
  const workspace = { ...OFFLINE_WORKSPACE, ...definedOnly(input.workspace ?? {}) };
  return { findings, references, endpoint, deployments, plan: buildPlan(endpoint, deployments, workspace, overriddenEnv), overrideValues };
}

/** YAML → tree with `set` overrides applied; syntax findings are collected, never thrown. */
function prepare(source: SourceText, overrides: Override[], findings: Finding[]): YNode | undefined {
  const loaded = loadYaml(source.text, source.displayPath);
  findings.push(...loaded.findings);
  if (loaded.findings.some((f) => f.severity === 'error')) return undefined;
  if (!loaded.root && overrides.length === 0) {
    findings.push(
      makeFinding('schema', { file: source.displayPath, line: 1, column: 1 }, 'The file is empty: az ml needs at least a name.', {
        hint: 'Write the endpoint or deployment YAML into the file, or point the input at the right file.',
      }),
    );
    return undefined;
  }
  const applied = applyOverrides(loaded.root, overrides, source.displayPath);
  findings.push(...applied.findings);
  return applied.root;
}

/** Names of environment variables whose value came from a `set` override. */
/** The environment variables whose value a `secret-set` line gave (YNode.override is the line that set it). */
function secretEnvironmentVariables(root: YNode, secretLines: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  if (root.kind !== 'map') return names;
  const env = root.entries.find((e) => e.key === 'environment_variables')?.value;
  if (env?.kind !== 'map') return names;
  for (const e of env.entries) if (e.value.kind === 'scalar' && e.value.override !== undefined && secretLines.has(e.value.override)) names.add(e.key);
  return names;
}

function crossFileFindings(endpoint: EndpointSpec | undefined, deployments: DeploymentSpec[], unknownTrafficSeverity: Severity): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, DeploymentSpec>();
  for (const d of deployments) {
    const first = seen.get(d.name);
    if (first) {
      const span = d.spans.name ?? { line: 1, column: 1 };
      findings.push(
        makeFinding('file-mismatch', { file: d.file, ...span }, `Deployment '${d.name}' is also defined in ${first.file}; one run deploys each deployment once.`, {
          hint: 'Give each deployment file its own deployment name, or pass only one of the two files.',
        }),
      );
    }
    seen.set(d.name, d);
    if (endpoint && d.endpointName !== endpoint.name) {
      const span = d.spans.endpointName ?? { line: 1, column: 1 };
      findings.push(
        makeFinding(
          'file-mismatch',
          { file: d.file, ...span },
          `Deployment '${d.name}' targets endpoint '${d.endpointName}', but the endpoint file ${endpoint.file} defines '${endpoint.name}'.`,
          { hint: `Set endpoint_name: ${endpoint.name} in the deployment (or endpoint_name=${endpoint.name} in the set input).` },
        ),
      );
    }
  }
  if (endpoint) findings.push(...checkTraffic(endpoint, deployments.map((d) => d.name), endpoint.file, unknownTrafficSeverity));
  return findings;
}

function buildPlan(
  endpoint: EndpointSpec | undefined,
  deployments: DeploymentSpec[],
  workspace: WorkspaceContext,
  overriddenEnv: Map<string, Set<string>>,
): Plan {
  const requests: PlannedRequest[] = [];
  const assets: AssetToRegister[] = [];
  if (endpoint) {
    const rest = endpointRestBody(endpoint, workspace);
    requests.push({ method: 'PUT', path: rest.path, apiVersion: rest.apiVersion, description: `create or update endpoint ${endpoint.name}`, body: rest.body });
  }
  for (const d of deployments) {
    const rest = deploymentRestBody(d, workspace);
    redactEnvironment(rest.body, overriddenEnv.get(d.name) ?? new Set());
    assets.push(...rest.assets.filter((a) => !a.resolved || a.action === 'register'));
    requests.push({ method: 'PUT', path: rest.path, apiVersion: rest.apiVersion, description: `create or update deployment ${d.name} on endpoint ${d.endpointName}`, body: rest.body });
  }
  return { requests, assets: assets.map(describeAsset) };
}

/** Values from `secret-set`: the plan shows that they are set, not what they are. */
function redactEnvironment(body: Record<string, unknown>, names: Set<string>): void {
  const env = (body.properties as { environmentVariables?: Record<string, string> } | undefined)?.environmentVariables;
  if (!env) return;
  for (const name of names) if (name in env && !/^\$\{\{.*\}\}$/s.test(env[name] ?? '')) env[name] = '***';
}

function describeAsset(a: AssetToRegister): { kind: string; description: string } {
  const what = a.localPath ? `upload ${a.localPath}` : a.action === 'resolve-label' ? `resolve ${a.name}@${a.label}` : `register ${a.name ?? 'anonymous'}`;
  const version = a.name && a.version ? ` as ${a.name}:${a.version}` : a.anonymous ? ' (anonymous)' : '';
  return { kind: a.kind, description: `${what}${version} (${a.file}:${a.span.line})` };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
