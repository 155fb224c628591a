// Walk a parsed endpoint or deployment file for secret references. PURE.
//
// Where the service resolves references: only in the deployment's `environment_variables`
// (docs/secret-injection.md §1: "If the values that are mapped to the environment variables follow
// certain patterns, secret retrieval and injection will be performed"; they travel in the
// deployment body's `properties.environmentVariables`). The docs mention no other field, and the
// endpoint has no environment variables at all. So a reference anywhere else (tags, properties,
// description, model, an endpoint file) is sent as literal text: `secret-ref-placement`.
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { YMap, YNode, YScalar } from '../manifests/tree.ts';
import type { SourceRange } from '../findings/finding.ts';
import { locateInScalar } from '../manifests/scalar-geometry.ts';
import { analyzeValue, formatReference, type ConnectionTarget, type KeyVaultTarget, type ReferenceTarget, type ValueAnalysis } from './parse.ts';

/** Where a clean reference was written. */
interface Located {
  /** The environment variable whose value this is. */
  variable: string;
  /** The reference text exactly as written (it is the whole value). */
  raw: string;
  /** Where the reference text is in the file (inside the quotes for a quoted scalar). */
  range: SourceRange;
}

export type ConnectionRef = ConnectionTarget & Located;
export type KeyVaultRef = KeyVaultTarget & Located;
export type SecretReference = ConnectionRef | KeyVaultRef;

export interface SecretScan {
  /** Clean references in `environment_variables`, in file order (at most one per variable). */
  references: SecretReference[];
  findings: Finding[];
}

export type DocumentRole = 'deployment' | 'endpoint';

export function scanDeployment(root: YNode, file: string): SecretScan {
  return scanDocument(root, file, 'deployment');
}

export function scanEndpoint(root: YNode, file: string): SecretScan {
  return scanDocument(root, file, 'endpoint');
}

export function scanDocument(root: YNode, file: string, role: DocumentRole): SecretScan {
  const out: SecretScan = { references: [], findings: [] };
  if (role === 'deployment' && root.kind === 'map') {
    for (const entry of root.entries) {
      if (entry.key === 'environment_variables' && entry.value.kind === 'map') scanEnvironmentVariables(entry.value, file, out);
      else walk(entry.value, entry.key, file, role, out);
    }
  } else {
    walk(root, '', file, role, out);
  }
  return out;
}

function scanEnvironmentVariables(map: YMap, file: string, out: SecretScan): void {
  for (const { key, value } of map.entries) {
    if (value.kind !== 'scalar') {
      walk(value, `environment_variables.${key}`, file, 'deployment', out);
      continue;
    }
    const r = analyzeScalar(key, value, file);
    if (r.reference) out.references.push(r.reference);
    out.findings.push(...r.findings);
  }
}

/** One environment variable's value: its reference, if it is a clean one, and any findings. */
export function analyzeScalar(variable: string, scalar: YScalar, file: string): { reference?: SecretReference; findings: Finding[] } {
  if (scalar.value.type !== 'str') return { findings: [] };
  const value = scalar.value.value;
  const a = analyzeValue(value);
  if (a.candidate === null) return { findings: [] };
  const at: SourceRange = { file, ...locateInScalar(scalar, a.offset, a.length) };
  const findings = findingsFor(variable, a, at);
  if (a.target && !a.problems.some((p) => p.severity === 'error')) {
    return { reference: { ...a.target, variable, raw: value, range: at } as SecretReference, findings };
  }
  return { findings };
}

function findingsFor(variable: string, a: ValueAnalysis, at: SourceRange): Finding[] {
  if (a.problems.length === 0) return [];
  const errors = a.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const message = `${variable}: malformed secret reference: ${errors.map((p) => p.message).join('; ')}.`;
    return [makeFinding('secret-ref-syntax', at, message, hintOptions(a))];
  }
  // Clean enough to use: each notice or warning on its own.
  return a.problems.map((p) =>
    makeFinding('secret-ref-syntax', at, `${variable}: ${p.message}.`, { severity: p.severity, ...(p.hint === undefined ? hintOptions(a) : { hint: p.hint }) }),
  );
}

/** The fix hint for an analysis: "Did you mean …?" when a concrete form exists. */
export function suggestionHint(a: ValueAnalysis): string | undefined {
  if (a.suggestion === undefined) return undefined;
  if (a.candidate === 'github-expression') return `GitHub will not substitute it here: ${a.suggestion}.`;
  return /<[a-z_]+>/.test(a.suggestion) ? `Complete the reference: ${a.suggestion}` : `Did you mean ${a.suggestion}?`;
}

function hintOptions(a: ValueAnalysis): { hint?: string } {
  const hint = suggestionHint(a);
  return hint === undefined ? {} : { hint };
}

function walk(node: YNode, path: string, file: string, role: DocumentRole, out: SecretScan): void {
  switch (node.kind) {
    case 'map':
      for (const e of node.entries) walk(e.value, path === '' ? e.key : `${path}.${e.key}`, file, role, out);
      return;
    case 'seq':
      node.items.forEach((item, i) => walk(item, `${path}[${i}]`, file, role, out));
      return;
    case 'scalar':
      misplaced(node, path, file, role, out);
  }
}

function misplaced(scalar: YScalar, path: string, file: string, role: DocumentRole, out: SecretScan): void {
  if (scalar.value.type !== 'str') return;
  const a = analyzeValue(scalar.value.value);
  const at: SourceRange = { file, ...locateInScalar(scalar, a.offset, a.length) };
  if (a.candidate === 'github-expression') {
    out.findings.push(...findingsFor(path, a, at));
    return;
  }
  // Only the unmistakable form counts outside environment_variables: `${{azureml:…}}` /
  // `${{keyvault:…}}` and its mis-wrapped variants. Bare URLs and other text stay plain here.
  if (a.candidate !== 'wrapped') return;
  const where =
    role === 'endpoint'
      ? 'an endpoint file, where the service resolves no secret references'
      : `\`${path}\`, but the service resolves secret references only in the deployment's environment_variables`;
  const hint = a.target ? moveHint(a.target, path) : RULE_PLACEMENT_FIX;
  out.findings.push(makeFinding('secret-ref-placement', at, `${path}: secret reference in ${where}; it would be sent as literal text.`, { hint }));
}

const RULE_PLACEMENT_FIX =
  'Move the reference into the deployment environment_variables, the only place the service resolves it, and read it from the environment in the container.';

function moveHint(t: ReferenceTarget, path: string): string {
  const name = (path.split('.').pop() ?? 'SECRET').replace(/\[\d+\]$/, '').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase() || 'SECRET';
  return `Move it to the deployment: environment_variables: { ${name}: ${formatReference(t)} }, and read ${name} in the container.`;
}

// ---------------------------------------------------------------------------------------------
// Job summary

export interface ReferenceDescription {
  /** Environment variable name. */
  variable: string;
  /** `connection aoai`, `Key Vault kv1` (with the cloud when not public). */
  store: string;
  /** `credentials/key`, `metadata/api_version`, `target`, `all secrets (listsecrets JSON)`, `secret db, version 0123abcd…` (a 32-hex version shortened). */
  target: string;
  /** One line for a table cell: the variable, a redacted value and where it comes from. Never a secret. */
  display: string;
}

/** A secret-free description of a reference for the job summary (references are not secret; values are). */
export function describeReference(ref: SecretReference): ReferenceDescription {
  let store: string;
  let target: string;
  switch (ref.kind) {
    case 'keyvault': {
      store = ref.cloud === 'AzureCloud' ? `Key Vault ${ref.vaultName}` : `Key Vault ${ref.vaultName} (${ref.cloud})`;
      const version = /^[0-9a-fA-F]{32}$/.test(ref.version) ? `${ref.version.slice(0, 8)}…` : ref.version;
      target = `secret ${ref.secretName}, version ${version}`;
      break;
    }
    case 'connection':
      store = `connection ${ref.connection}`;
      target = 'all secrets (listsecrets JSON)';
      break;
    case 'connection-target':
      store = `connection ${ref.connection}`;
      target = 'target';
      break;
    case 'connection-credential':
      store = `connection ${ref.connection}`;
      target = `credentials/${ref.key ?? ''}`;
      break;
    case 'connection-metadata':
      store = `connection ${ref.connection}`;
      target = `metadata/${ref.key ?? ''}`;
      break;
  }
  return { variable: ref.variable, store, target, display: `${ref.variable}=*** ← ${store}: ${target}` };
}

/** One key per secret store, to de-duplicate look-ups: one listsecrets per connection, one vault per vault. */
export function storeKey(ref: SecretReference): string {
  return ref.kind === 'keyvault' ? `keyvault:${ref.vaultUrl.toLowerCase()}` : `connection:${ref.connection.toLowerCase()}`;
}
