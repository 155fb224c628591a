// Secret-injection references: parsing one string into one of the five documented patterns, or
// into a near miss with what is wrong and the corrected "did you mean" form. PURE: a string in,
// data out; no positions, no findings (src/secrets/scan.ts walks the YAML and makes the findings).
//
// Source of the patterns: docs/secret-injection.md §1 (the "Deploy with secret injection" article,
// "Create a deployment"). Values of the deployment's `environment_variables`:
//   ${{azureml://connections/<connection_name>}}                           whole listsecrets JSON
//   ${{azureml://connections/<connection_name>/credentials/<credential_name>}}
//   ${{azureml://connections/<connection_name>/metadata/<metadata_name>}}
//   ${{azureml://connections/<connection_name>/target}}
//   ${{keyvault:https://<keyvault_name>.vault.azure.net/secrets/<secret_name>/<secret_version>}}
// Nothing client-side (az ml / azure-ai-ml) interprets them; the service resolves them at
// deployment creation with the endpoint identity, so the text must reach it exactly as written.
//
// DECISIONS (each one is a judgement where the docs are silent; change them here only):
//
// 1. The reference must be the WHOLE value. The docs say "If the values that are mapped to the
//    environment variables follow certain patterns, secret retrieval and injection will be
//    performed" and "if any environment variable is mapped to a value that follows the patterns"
//    (docs/secret-injection.md §1), and describe the effect as "the value of the credential is injected into the
//    environment variable": replacement of the value, not interpolation. No example embeds a
//    reference in other text. So `Bearer ${{azureml://…}}`, two references in one value, or
//    stray whitespace around one are `secret-ref-syntax` errors: at best the container receives
//    the literal text, found only after an 8–14 minute deployment.
// 2. No spaces inside the braces. Every documented form is `${{azureml:` / `${{keyvault:` with
//    no blank; whether the service trims `${{ azureml://… }}` is undocumented. Reported as an
//    error with the space-free form as the fix (a trivial, always-safe edit).
// 3. The Key Vault version is REQUIRED (the docs' pattern ends in `/<secret_version>` and the
//    text says "the value of the secret version is injected"). A missing version is an error.
//    A version that is not 32 hexadecimal characters (what Key Vault generates) is accepted
//    with a `notice`, because the docs' own example uses `secretversion1`; `validate` mode checks
//    the version against the vault. The literal `latest` gets a warning: Key Vault has no such
//    alias in a secret identifier. (One public script, an NVIDIA NGC deployment sample, writes
//    `${{keyvault:https://<vault>.vault.azure.net/secrets/NGC-KEY}}` without a version, but its
//    `az ml` call is commented out: no evidence that the service accepts it.)
// 4. GitHub expressions (`${{ secrets.X }}`, `${{ vars.X }}`, `${{ github.sha }}`…) in a file
//    the action reads are never evaluated: GitHub substitutes expressions in the workflow file
//    only. The container (or the service) would receive the literal text. This is a likely
//    mistake but not provably one (a previous step may template the file), so it is a
//    `secret-ref-syntax` WARNING, anywhere in the file, with a fix pointing at a real reference.
// 5. Case matters: the documented scheme words are lower case (`azureml:`, `keyvault:`,
//    `connections`, `credentials`, `metadata`, `target`, `secrets`); anything else is an error
//    with the lower-case form as the fix. Vault host names are DNS names, so the vault name may
//    be any case; the vault suffix is reported when not lower case.
// 6. What counts as a CANDIDATE (must then match exactly or be reported):
//    - any `${{` (documented wrapper; GitHub expressions included, see 4), or `azureml:` /
//      `keyvault:` wrapped in any mix of `$` and braces (`${…}`, `{{…}}`, `{…}`, `${{{…}}}`);
//    - `azureml:/connections…` or `keyvault://`, `keyvault:http…` without a wrapper;
//    - as a `notice` only: a value that is exactly a Key Vault secret URL
//      (`https://kv.vault.azure.net/secrets/x/v`), which is passed as text, not resolved.
//    Inside environment_variables every candidate is reported; elsewhere only wrapped references
//    (`secret-ref-placement`) and GitHub expressions (see 4) are (src/secrets/scan.ts).
//    Everything else is plain and never flagged: `multiplier@https://<KV_NAME>.vault.azure.net`
//    (an app-level convention in azureml-examples managed/keyvault), URLs, `${VAR}`, `{{VAR}}`
//    templates, `azureml:model:1` asset ids, `azureml://datastores/…` URIs.
import type { Severity } from '../findings/severity.ts';
import { CLOUDS, type CloudName } from '../azure/clouds.ts';
import { editDistance } from '../manifests/edit-distance.ts';

export type ConnectionRefKind = 'connection' | 'connection-credential' | 'connection-metadata' | 'connection-target';
export type ReferenceKind = ConnectionRefKind | 'keyvault';
export type VaultCloud = CloudName;

/** Key Vault host suffix of each cloud, from the one cloud table (src/azure/clouds.ts). */
const VAULT_SUFFIXES: ReadonlyArray<[VaultCloud, string]> = Object.values(CLOUDS).map((c) => [c.name, c.keyVaultSuffix]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `vault\.azure\.net|vault\.usgovcloudapi\.net|…` for the patterns below. */
const SUFFIX_ALTERNATIVES = VAULT_SUFFIXES.map(([, s]) => escapeRegExp(s)).join('|');

/** What a reference points at, without where it was written. */
export interface ConnectionTarget {
  kind: ConnectionRefKind;
  /** Workspace connection name. */
  connection: string;
  /** Credential or metadata name: set exactly for `connection-credential` / `connection-metadata`. */
  key?: string;
}

export interface KeyVaultTarget {
  kind: 'keyvault';
  /** `kv1` */
  vaultName: string;
  /** `kv1.vault.azure.net` (the suffix lower-cased, the name as written). */
  vaultHost: string;
  /** `https://kv1.vault.azure.net` (no trailing slash). */
  vaultUrl: string;
  cloud: VaultCloud;
  secretName: string;
  version: string;
  /** `https://kv1.vault.azure.net/secrets/<name>/<version>`: the Key Vault secret identifier. */
  secretId: string;
}

export type ReferenceTarget = ConnectionTarget | KeyVaultTarget;


/** How a value relates to the reference syntax. `null`: plain text, never reported. */
export type CandidateKind =
  /** `${{azureml:…}}` / `${{keyvault:…}}` and mis-wrapped forms of them. */
  | 'wrapped'
  /** `azureml://connections/…` or `keyvault:https://…` with no `${{ }}` around. */
  | 'unwrapped'
  /** A GitHub Actions expression such as `${{ secrets.X }}`. */
  | 'github-expression'
  /** Some other `${{ … }}`. */
  | 'other-expression'
  /** A bare Key Vault secret URL as the whole value. */
  | 'keyvault-url';

export interface ReferenceProblem {
  severity: Severity;
  message: string;
  /** A fix specific to this problem (notices and warnings on otherwise usable references). */
  hint?: string;
}

export interface ValueAnalysis {
  candidate: CandidateKind | null;
  /** Set when the value is exactly one of the five patterns (it may still carry notices). */
  target?: ReferenceTarget;
  /** Empty for plain values and clean references. */
  problems: ReferenceProblem[];
  /** The corrected whole value, when one can be given; `<placeholders>` mark what is missing. */
  suggestion?: string;
  /** The reference-looking part of the value (UTF-16 offsets into the value). */
  offset: number;
  length: number;
}

// ---------------------------------------------------------------------------------------------
// Name rules

/** Workspace connection names (the name pattern of the Workspace Connections REST API, WorkspaceConnections_Get). */
export const CONNECTION_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
/** Key Vault names: 3–24 letters, digits and hyphens, a letter first, a letter or digit last, no `--`. */
export const VAULT_NAME = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
/** Key Vault secret names: 1–127 letters, digits and hyphens. */
export const SECRET_NAME = /^[a-zA-Z0-9-]{1,127}$/;
/** What Key Vault generates for a version. */
export const SECRET_VERSION = /^[0-9a-fA-F]{32}$/;

export function connectionNameProblem(name: string): string | undefined {
  if (CONNECTION_NAME.test(name)) return undefined;
  return `connection name \`${name}\` is not valid: 3 to 33 characters, letters, digits, \`_\` or \`-\`, starting with a letter or digit`;
}

export function vaultNameProblem(name: string): string | undefined {
  if (VAULT_NAME.test(name)) return undefined;
  return `vault name \`${name}\` is not valid: 3 to 24 letters, digits or hyphens, starting with a letter, ending with a letter or digit, no consecutive hyphens`;
}

export function secretNameProblem(name: string): string | undefined {
  if (SECRET_NAME.test(name)) return undefined;
  return `secret name \`${name}\` is not valid: 1 to 127 letters, digits or hyphens`;
}

// ---------------------------------------------------------------------------------------------
// Canonical text

export function formatReference(t: ReferenceTarget): string {
  if (t.kind === 'keyvault') return `\${{keyvault:${t.secretId}}}`;
  const base = `\${{azureml://connections/${t.connection}`;
  switch (t.kind) {
    case 'connection':
      return `${base}}}`;
    case 'connection-target':
      return `${base}/target}}`;
    case 'connection-credential':
      return `${base}/credentials/${t.key ?? ''}}}`;
    case 'connection-metadata':
      return `${base}/metadata/${t.key ?? ''}}}`;
  }
}

function keyVaultTarget(vaultName: string, cloud: VaultCloud, secretName: string, version: string): KeyVaultTarget {
  const vaultHost = `${vaultName}.${CLOUDS[cloud].keyVaultSuffix}`;
  const vaultUrl = `https://${vaultHost}`;
  return {
    kind: 'keyvault',
    vaultName,
    vaultHost,
    vaultUrl,
    cloud,
    secretName,
    version,
    secretId: `${vaultUrl}/secrets/${secretName}/${version}`,
  };
}

const EXACT_CONNECTION = /^\$\{\{azureml:\/\/connections\/([^/\s{}]+)(?:\/(credentials|metadata)\/([^/\s{}]+)|\/(target))?\}\}$/;
const EXACT_KEYVAULT = new RegExp(`^\\$\\{\\{keyvault:https://([^./\\s{}]+)\\.(${SUFFIX_ALTERNATIVES})/secrets/([^/\\s{}]+)/([^/\\s{}?#]+)\\}\\}$`);

function cloudOfSuffix(suffix: string): VaultCloud | undefined {
  return VAULT_SUFFIXES.find(([, s]) => s === suffix)?.[0];
}

/** The target of a value that is exactly one of the five patterns (names not validated). */
export function parseExactReference(value: string): ReferenceTarget | undefined {
  const c = EXACT_CONNECTION.exec(value);
  if (c) {
    const connection = c[1] ?? '';
    if (c[4]) return { kind: 'connection-target', connection };
    if (c[2] === 'credentials') return { kind: 'connection-credential', connection, key: c[3] ?? '' };
    if (c[2] === 'metadata') return { kind: 'connection-metadata', connection, key: c[3] ?? '' };
    return { kind: 'connection', connection };
  }
  const k = EXACT_KEYVAULT.exec(value);
  if (k) {
    const cloud = cloudOfSuffix(k[2] ?? '');
    if (cloud) return keyVaultTarget(k[1] ?? '', cloud, k[3] ?? '', k[4] ?? '');
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Candidate detection and repair

const GITHUB_CONTEXT = /^\s*(?:github|env|vars|secrets|inputs|matrix|steps|needs|job|jobs|runner|strategy)\s*[.[]/;
const GITHUB_FUNCTION = /^\s*(?:format|contains|startsWith|endsWith|join|toJSON|fromJSON|hashFiles|success|always|cancelled|failure)\s*\(/;
/** `azureml:` or `keyvault:` inside any `$`/brace wrapper. Groups: $, {…, spaces, body, spaces, }… */
// A blank inside the body is taken in only when the run after it reaches a closing brace.
const WRAPPED = /(\$?)(\{+)([ \t]*)((?:azureml|keyvault)[ \t]*:(?:[^\s{}]|[ \t]+(?=[^\s{}]+\}))*)([ \t]*)(\}*)/i;
const UNWRAPPED = /(?:azureml:\/*connections?\/|keyvault:[ \t]*(?:\/\/|https?:))[^\s{}]*/i;
const KEYVAULT_URL = new RegExp(`^https?://[a-zA-Z0-9-]+\\.(?:${SUFFIX_ALTERNATIVES})/secrets/[^\\s{}]+$`, 'i');


const SEGMENT_ALIASES: Record<string, 'credentials' | 'metadata' | 'target'> = {
  credential: 'credentials',
  creds: 'credentials',
  cred: 'credentials',
  secrets: 'credentials',
  secret: 'credentials',
  keys: 'credentials',
  meta: 'metadata',
  metadatas: 'metadata',
  'meta-data': 'metadata',
  meta_data: 'metadata',
  tags: 'metadata',
  tag: 'metadata',
  properties: 'metadata',
  targets: 'target',
};

function guessSegment(seg: string): 'credentials' | 'metadata' | 'target' | undefined {
  const lower = seg.toLowerCase();
  if (lower === 'credentials' || lower === 'metadata' || lower === 'target') return lower;
  const alias = SEGMENT_ALIASES[lower];
  if (alias) return alias;
  let best: 'credentials' | 'metadata' | 'target' | undefined;
  let bestDistance = 3;
  for (const word of ['credentials', 'metadata', 'target'] as const) {
    const d = editDistance(lower, word);
    if (d < bestDistance) [best, bestDistance] = [word, d];
  }
  return best;
}

interface Repair {
  /** Canonical reference (with `<placeholders>` for missing parts), or undefined when none can be given. */
  canonical?: string;
  target?: ReferenceTarget;
  problems: ReferenceProblem[];
}

function err(message: string): ReferenceProblem {
  return { severity: 'error', message };
}

/** Split a path into segments, reporting (and dropping) empty ones. */
function splitPath(path: string, problems: ReferenceProblem[]): string[] {
  const segs = path.split('/');
  if (segs.length > 1 && segs[segs.length - 1] === '') {
    problems.push(err('trailing `/`'));
    while (segs.length > 1 && segs[segs.length - 1] === '') segs.pop();
  }
  if (segs.slice(0, -1).some((s) => s === '')) problems.push(err('empty path segment (`//`)'));
  return segs.filter((s) => s !== '');
}

function repairAzureml(body: string): Repair {
  const problems: ReferenceProblem[] = [];
  const m = /^(azureml)\s*:\s*(\/*)(.*)$/is.exec(body);
  if (!m) return { problems: [err('not an `azureml://connections/…` reference')] };
  const [, scheme = '', slashes = '', rest = ''] = m;
  if (scheme !== 'azureml') problems.push(err(`\`${scheme}:\` must be lower case: \`azureml:\``));
  if (slashes !== '//') problems.push(err(`\`azureml:${slashes}\` needs exactly two slashes: \`azureml://\``));
  const segs = splitPath(rest, problems);
  const [first, name, segment, key, ...extra] = segs;
  if (first === undefined) return { problems: [...problems, err('missing `connections/<connection_name>`')], canonical: '${{azureml://connections/<connection_name>}}' };
  if (first !== 'connections') {
    const lower = first.toLowerCase();
    if (lower === 'connections' || lower === 'connection' || editDistance(lower, 'connections') <= 2) {
      problems.push(err(`\`${first}\` must be \`connections\``));
    } else {
      problems.push(err(`only workspace connections are resolved (\`azureml://connections/…\`), not \`azureml://${first}/…\``));
      return { problems };
    }
  }
  let connection = name;
  if (connection === undefined) {
    problems.push(err('missing connection name after `connections/`'));
    connection = '<connection_name>';
  } else {
    const p = connectionNameProblem(connection);
    if (p) problems.push(err(p));
  }
  let target: ConnectionTarget;
  if (segment === undefined) {
    target = { kind: 'connection', connection };
  } else {
    const guessed = guessSegment(segment);
    let word: 'credentials' | 'metadata' | 'target';
    let keyName = key;
    let rest2 = extra;
    if (guessed === undefined) {
      if (key === undefined) {
        // `${{azureml://connections/aoai/api_key}}`: most likely a credential name without its segment.
        problems.push(err(`\`${segment}\` is not a segment: after the connection name write \`/credentials/<name>\`, \`/metadata/<name>\` or \`/target\``));
        word = 'credentials';
        keyName = segment;
      } else {
        problems.push(err(`\`${segment}\` is not a segment: use \`credentials\`, \`metadata\` or \`target\``));
        return { problems };
      }
    } else {
      word = guessed;
      if (segment !== guessed) problems.push(err(`\`${segment}\` must be \`${guessed}\``));
    }
    if (word === 'target') {
      if (keyName !== undefined) rest2 = [keyName, ...extra];
      if (rest2.length > 0) problems.push(err(`nothing may follow \`/target\` (found \`/${rest2.join('/')}\`)`));
      target = { kind: 'connection-target', connection };
    } else {
      if (keyName === undefined) {
        problems.push(err(`missing the ${word === 'credentials' ? 'credential' : 'metadata'} name after \`${word}/\``));
        keyName = word === 'credentials' ? '<credential_name>' : '<metadata_name>';
      }
      if (rest2.length > 0) problems.push(err(`unexpected \`/${rest2.join('/')}\` after the ${word === 'credentials' ? 'credential' : 'metadata'} name`));
      target = { kind: word === 'credentials' ? 'connection-credential' : 'connection-metadata', connection, key: keyName };
    }
  }
  return { problems, target, canonical: formatReference(target) };
}

function repairKeyVault(body: string): Repair {
  const problems: ReferenceProblem[] = [];
  const m = /^(keyvault)\s*:\s*(.*)$/is.exec(body);
  if (!m) return { problems: [err('not a `keyvault:https://…` reference')] };
  const [, scheme = '', afterScheme = ''] = m;
  if (scheme !== 'keyvault') problems.push(err(`\`${scheme}:\` must be lower case: \`keyvault:\``));
  let rest: string;
  const url = /^(https?)(:\/*)(.*)$/is.exec(afterScheme);
  if (url) {
    const [, proto = '', sep = '', tail = ''] = url;
    if (proto.toLowerCase() === 'http') problems.push(err('the vault URL must use `https:`, not `http:`'));
    else if (proto !== 'https') problems.push(err(`\`${proto}:\` must be lower case: \`https:\``));
    if (sep !== '://') problems.push(err(`\`${proto}${sep}\` must be \`https://\``));
    rest = tail;
  } else if (afterScheme.startsWith('//')) {
    problems.push(err('`keyvault://` must be `keyvault:https://` (the vault URL follows the colon)'));
    rest = afterScheme.replace(/^\/+/, '');
  } else {
    problems.push(err('missing `https://` after `keyvault:`'));
    rest = afterScheme.replace(/^\/+/, '');
  }
  const segs = splitPath(rest, problems);
  const [hostPort = '', kind, secretName, version, ...extra] = segs;
  // Host: <vault>.<suffix>, optional :443 dropped.
  let host = hostPort;
  const port = /:(\d*)$/.exec(host);
  if (port) {
    problems.push(err(`remove the port \`${port[0]}\` from the vault host`));
    host = host.slice(0, port.index);
  }
  let vaultName: string;
  let cloud: VaultCloud = 'AzureCloud';
  const lowerHost = host.toLowerCase();
  const matched = VAULT_SUFFIXES.find(([, s]) => lowerHost.endsWith(`.${s}`));
  if (matched) {
    cloud = matched[0];
    vaultName = host.slice(0, host.length - matched[1].length - 1);
    const suffix = host.slice(vaultName.length + 1);
    if (suffix !== matched[1]) problems.push(err(`write the vault host suffix in lower case: \`${matched[1]}\``));
  } else {
    const firstLabel = host.split('.')[0] ?? '';
    if (lowerHost.includes('usgov')) cloud = 'AzureUSGovernment';
    else if (lowerHost.endsWith('.cn')) cloud = 'AzureChinaCloud';
    vaultName = firstLabel === '' ? '<keyvault_name>' : firstLabel;
    if (lowerHost.includes('managedhsm')) {
      problems.push(err(`\`${host}\` is a Managed HSM, which holds keys, not secrets: reference a Key Vault (\`<name>.vault.azure.net\`)`));
    } else if (host === '') {
      problems.push(err('missing vault host'));
    } else {
      problems.push(
        err(`\`${host}\` is not a Key Vault host: use \`https://<name>.vault.azure.net\` (or \`.vault.usgovcloudapi.net\`, \`.vault.azure.cn\`)`),
      );
    }
  }
  if (vaultName.includes('.')) problems.push(err(`vault name \`${vaultName}\` must be a single DNS label`));
  else if (!vaultName.startsWith('<')) {
    const p = vaultNameProblem(vaultName);
    if (p) problems.push(err(p));
  }
  if (kind === undefined) {
    problems.push(err('missing `/secrets/<secret_name>/<secret_version>` after the vault host'));
  } else if (kind !== 'secrets') {
    const lower = kind.toLowerCase();
    if (lower === 'keys' || lower === 'key') problems.push(err('only secrets can be injected, not Key Vault keys: use `/secrets/`'));
    else if (lower === 'certificates' || lower === 'certificate')
      problems.push(err("certificates cannot be referenced directly: use the certificate's backing secret, `/secrets/<name>/<version>`"));
    else if (lower === 'secrets' || lower === 'secret' || editDistance(lower, 'secrets') <= 2) problems.push(err(`\`${kind}\` must be \`secrets\``));
    else problems.push(err(`\`/${kind}/\` must be \`/secrets/\``));
  }
  let name = secretName;
  if (name === undefined) {
    if (kind !== undefined) problems.push(err('missing secret name after `secrets/`'));
    name = '<secret_name>';
  } else {
    const p = secretNameProblem(name);
    if (p) problems.push(err(p));
  }
  let ver = version;
  if (ver !== undefined) {
    const q = /[?#]/.exec(ver);
    if (q) {
      problems.push(err(`remove \`${ver.slice(q.index)}\` from the secret identifier`));
      ver = ver.slice(0, q.index) || undefined;
    }
  }
  if (ver === undefined) {
    if (secretName !== undefined) problems.push(err('missing secret version: the pattern is `…/secrets/<secret_name>/<secret_version>` (find it with `az keyvault secret show --query id`)'));
    ver = '<secret_version>';
  }
  if (extra.length > 0) problems.push(err(`unexpected \`/${extra.join('/')}\` after the secret version`));
  const target = keyVaultTarget(vaultName, cloud, name, ver);
  return { problems, target, canonical: formatReference(target) };
}

function repairBody(body: string): Repair {
  return /^azureml/i.test(body) ? repairAzureml(body) : repairKeyVault(body);
}

/** Notices and warnings on a reference that matches a pattern exactly. */
function checkNames(t: ReferenceTarget): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  if (t.kind === 'keyvault') {
    const v = vaultNameProblem(t.vaultName);
    if (v) problems.push(err(v));
    const s = secretNameProblem(t.secretName);
    if (s) problems.push(err(s));
    const find = `find the version with: az keyvault secret show --vault-name ${t.vaultName} --name ${t.secretName} --query id`;
    if (t.version.toLowerCase() === 'latest') {
      problems.push({
        severity: 'warning',
        message: '`latest` is not a Key Vault secret version: a secret identifier has no such alias, so the service will look for a version named "latest"; pin the 32-character version',
        hint: `Pin the version (${find}).`,
      });
    } else if (!SECRET_VERSION.test(t.version)) {
      problems.push({
        severity: 'notice',
        message: `secret version \`${t.version}\` is not the 32 hexadecimal characters Key Vault generates; \`validate\` mode checks that it exists`,
        hint: `If it is a placeholder, replace it (${find}).`,
      });
    }
  } else {
    const c = connectionNameProblem(t.connection);
    if (c) problems.push(err(c));
  }
  return problems;
}

function githubHint(inner: string): string {
  return /^\s*secrets\s*[.[]/.test(inner)
    ? 'store the secret in a workspace connection or Key Vault and reference it, e.g. `${{azureml://connections/<connection_name>/credentials/<credential_name>}}`'
    : 'pass the value with the action\'s `set` input instead (`set: environment_variables.NAME=${{ … }}` in the workflow), which GitHub does evaluate';
}

/**
 * Classify one string value (see DECISIONS at the top). The caller decides what each candidate
 * kind means where the value sits: src/secrets/scan.ts reports weak candidates (unwrapped
 * references, bare Key Vault URLs, unknown `${{ }}`) only inside environment_variables.
 */
export function analyzeValue(value: string): ValueAnalysis {
  const plain: ValueAnalysis = { candidate: null, problems: [], offset: 0, length: value.length };

  const exact = parseExactReference(value);
  if (exact) return { candidate: 'wrapped', target: exact, problems: checkNames(exact), offset: 0, length: value.length };

  const w = WRAPPED.exec(value);
  if (w) return analyzeWrapped(value, w);

  const expr = /\$\{\{/.exec(value);
  if (expr) {
    const close = value.indexOf('}}', expr.index + 3);
    const end = close < 0 ? value.length : close + 2;
    const inner = value.slice(expr.index + 3, close < 0 ? value.length : close);
    const offset = expr.index;
    const length = end - offset;
    if (GITHUB_CONTEXT.test(inner) || GITHUB_FUNCTION.test(inner)) {
      return {
        candidate: 'github-expression',
        problems: [
          {
            severity: 'warning',
            message: `\`${value.slice(offset, end)}\` is a GitHub Actions expression, but GitHub evaluates expressions only in the workflow file, not in files an action reads: the literal text would be deployed`,
          },
        ],
        suggestion: githubHint(inner),
        offset,
        length,
      };
    }
    // `${{connections/aoai/credentials/key}}`, `${{https://kv.vault.azure.net/secrets/x/v}}`: scheme missing.
    const conn = /^\s*\/*connections?\//i.exec(inner);
    const kv = /^\s*https?:\/\/[^/\s]*vault/i.exec(inner);
    if (conn || kv) {
      const fixed = `${value.slice(0, offset)}\${{${conn ? `azureml://${inner.trim().replace(/^\/+/, '')}` : `keyvault:${inner.trim()}`}}}${value.slice(end)}`;
      const again = analyzeValue(fixed);
      return {
        ...again,
        candidate: 'wrapped',
        target: undefined,
        problems: [err(conn ? 'missing the `azureml://` scheme' : 'missing the `keyvault:` prefix'), ...again.problems.filter((p) => p.severity === 'error')],
        suggestion: again.suggestion ?? fixed,
        offset,
        length,
      };
    }
    return {
      candidate: 'other-expression',
      problems: [
        {
          severity: 'warning',
          message: `\`${value.slice(offset, end)}\` is not one of the five secret-reference patterns; the service will not resolve it`,
        },
      ],
      offset,
      length,
    };
  }

  const u = UNWRAPPED.exec(value);
  if (u) {
    const repair = repairBody(u[0]);
    const problems = [err('missing the `${{ … }}` around the reference'), ...repair.problems];
    if (value.trim() !== u[0]) problems.push(err('the reference must be the whole value, with nothing around it'));
    return { candidate: 'unwrapped', problems, suggestion: repair.canonical, offset: u.index, length: u[0].length };
  }

  if (KEYVAULT_URL.test(value)) {
    const repair = repairKeyVault(`keyvault:${value}`);
    return {
      candidate: 'keyvault-url',
      problems: [
        {
          severity: 'notice',
          message: 'this Key Vault secret URL is passed to the container as text; to inject the secret value, wrap it as `${{keyvault:…}}` with the secret version',
        },
      ],
      suggestion: repair.canonical,
      offset: 0,
      length: value.length,
    };
  }
  return plain;
}

function analyzeWrapped(value: string, w: RegExpExecArray): ValueAnalysis {
  const [whole, dollar = '', open = '', spaceIn = '', body = '', spaceOut = '', close = ''] = w;
  const offset = w.index;
  const length = whole.length;
  const before = value.slice(0, offset);
  const after = value.slice(offset + length);
  const problems: ReferenceProblem[] = [];
  const seen = new Set<string>();
  const add = (m: string): void => {
    if (!seen.has(m)) problems.push(err(m));
    seen.add(m);
  };
  if (dollar === '' && open.length !== 1) add('missing `$` before `{{`');
  const single = open.length === 1 && close.length === 1;
  if (single) add(dollar === '' ? 'single braces `{…}`: the pattern is `${{…}}`' : 'single braces `${…}` (shell style): the pattern is `${{…}}`');
  else if (open.length === 1) add('single opening brace: the pattern starts with `${{`');
  else if (open.length > 2) add(`\`${open}\` has ${open.length} braces: the pattern starts with \`\${{\``);
  if (single) {
    // reported above
  } else if (close.length < 2) add(close.length === 0 ? 'missing the closing `}}`' : 'missing a closing `}`: the pattern ends in `}}`');
  else if (close.length > 2) add(`too many closing braces (\`${close}\`): the pattern ends in \`}}\``);
  if (spaceIn !== '' || spaceOut !== '' || /\s/.test(body)) add('no spaces inside `${{ }}`: the documented form is `${{azureml://…}}` / `${{keyvault:…}}`');
  const repair = repairBody(body.replace(/\s+/g, ''));
  for (const p of repair.problems) add(p.message);

  let suggestion = repair.canonical;
  const otherRef = /\$?\{\{|azureml:|keyvault:/i;
  if (otherRef.test(before) || otherRef.test(after)) {
    add('a value can hold only one reference: give each reference its own environment variable');
    suggestion = undefined;
  } else if (before.trim() !== '' || after.trim() !== '') {
    add('the reference must be the whole value: the service resolves a value only when it is exactly one reference (compose any surrounding text in your scoring code)');
  } else if (before !== '' || after !== '') {
    add('remove the whitespace around the reference: the value must be exactly the reference');
  }
  // A repair that finds nothing wrong but the wrapper: the target is valid modulo the wrapper.
  return { candidate: 'wrapped', problems, ...(suggestion === undefined ? {} : { suggestion }), offset, length };
}
