// Pure: the documented online-deployment failure codes with a remedy each, after
// "Troubleshooting online endpoints deployment and scoring"
// (https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints#common-deployment-errors).
// A `deployment-failed` finding carries the service's code and this remedy.

export interface FailureCode {
  code: string;
  meaning: string;
  remedy: string;
}

const TSG = 'https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints';

const CODES: FailureCode[] = [
  {
    code: 'SecretsInjectionError',
    meaning: 'a secret reference in environment_variables could not be resolved with the endpoint identity',
    remedy:
      'Give the endpoint identity the role the reference needs (Key Vault Secrets User on the vault; Azure Machine Learning Workspace Connection Secrets Reader on the workspace for connections), check that the connection, key or secret version exists, and allow a few minutes for a new role assignment to propagate.',
  },
  {
    code: 'ImageBuildFailure',
    meaning: 'the environment image could not be built',
    remedy: 'Open the image build log linked in the message; fix the conda file or Dockerfile (a package that does not resolve is the usual cause) and check that the workspace can reach its container registry.',
  },
  {
    code: 'OutOfQuota',
    meaning: 'not enough quota for the instance type (cores, or role assignments, endpoints, disk, memory)',
    remedy: 'Lower instance_count or use another instance type, delete unused deployments, or request more quota for the VM family in this region. Managed deployments keep 20 % extra cores for upgrades.',
  },
  {
    code: 'BadArgument',
    meaning: 'the request names something the service cannot use (model, environment, code, identity, or a setting)',
    remedy: 'Check that the model, environment and code versions exist in this workspace, that the endpoint identity may read the workspace storage and registry, and that the scoring script path is right.',
  },
  {
    code: 'ResourceNotReady',
    meaning: 'the container did not become ready: it failed to start, crashed, or its liveness probe failed',
    remedy: 'Read the inference-server log tail below: an exception in init() of the scoring script, a missing package, or a model path that does not exist are the usual causes. A user-assigned identity also needs AcrPull on the registry and Storage Blob Data Reader on the storage.',
  },
  {
    code: 'ResourceNotFound',
    meaning: 'a resource the deployment needs does not exist, or the environment image never became available',
    remedy: 'Check that every asset and identity named in the files exists; for "Environment Image" timeouts, open the image build log of the environment version in the message.',
  },
  {
    code: 'OperationCanceled',
    meaning: 'the operation was cancelled, usually by a newer operation on the same endpoint or deployment',
    remedy: 'Make sure no other run or person updates the same endpoint at the same time (use a GitHub concurrency group), then run again.',
  },
  {
    code: 'WorkspaceManagedNetworkNotReady',
    meaning: 'the workspace managed network is not provisioned yet',
    remedy: 'Provision the managed network (az ml workspace provision-network) and run again.',
  },
  {
    code: 'InternalServerError',
    meaning: 'the service failed on its side',
    remedy: 'Run again; if it repeats, open a support request with the correlation id from the log.',
  },
  {
    code: 'AuthorizationFailed',
    meaning: 'the signed-in identity may not perform the operation',
    remedy: 'Grant the workflow identity a role with the action in the message (for example AzureML Data Scientist on the workspace).',
  },
  {
    code: 'UserError',
    meaning: 'the service rejected the request or the deployment setup',
    remedy: 'Read the service message above; it names the setting to fix.',
  },
  {
    code: 'DeploymentTimeout',
    meaning: 'the operation did not finish within the wait budget',
    remedy: 'Raise the timeout input, or check the container logs for a slow start (a large model or image pull).',
  },
];

const BY_CODE = new Map(CODES.map((c) => [c.code.toLowerCase(), c]));

export const FAILURE_CODES: readonly FailureCode[] = CODES;

/** The catalog entry for a service error code; unknown codes get the general advice and the guide. */
export function describeFailure(code: string): FailureCode & { docs: string } {
  const entry = BY_CODE.get(code.toLowerCase());
  const docs = `${TSG}#error-${code.toLowerCase()}`;
  if (entry) return { ...entry, docs };
  return { code, meaning: 'the service failed the operation', remedy: `Read the service message and the container logs; see ${TSG}.`, docs: TSG };
}

export interface ServiceError {
  code: string;
  message: string;
  details?: Array<{ code?: string; target?: string; message?: string }>;
}

/** A deployment variable whose value is a secret reference, and the vault host when it is a Key Vault one. */
export interface ReferenceVariable {
  variable: string;
  vaultHost?: string;
}

/**
 * The environment variables a SecretsInjectionError names: `details[].target` when the service gives them, else the
 * known variable names its message spells out. The contract's text names none ("The endpoint identity could not read one
 * or more referenced secrets …", contracts MfeOperationsStatus_examples.json), so this is often empty.
 */
export function failingVariables(error: ServiceError, known: readonly string[]): string[] {
  const fromDetails = (error.details ?? []).map((d) => d.target).filter((t): t is string => typeof t === 'string' && t.length > 0);
  if (fromDetails.length) return [...new Set(fromDetails)];
  return known.filter((name) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(error.message));
}

/**
 * Where to point a SecretsInjectionError: the variables the service names (`named: true`), or, when it names none,
 * every secret reference of the deployment as a possible cause (`named: false`).
 */
export function injectionSuspects(error: ServiceError, references: readonly ReferenceVariable[]): { named: boolean; variables: string[] } {
  const named = failingVariables(error, references.map((r) => r.variable));
  if (named.length) return { named: true, variables: named };
  return { named: false, variables: references.map((r) => r.variable) };
}

/**
 * Whether one retry after a propagation delay can help, decided from what the action itself just assigned, not from the
 * message's wording (which the contract does not give): a SecretsInjectionError on a deployment whose suspect references
 * are all Key Vault references to vaults the action granted a role on a moment ago.
 */
export function retryAfterGrant(error: ServiceError, references: readonly ReferenceVariable[], grantedVaultHosts: readonly string[]): boolean {
  if (error.code !== 'SecretsInjectionError' || grantedVaultHosts.length === 0) return false;
  const granted = new Set(grantedVaultHosts.map((h) => h.toLowerCase()));
  const suspects = new Set(injectionSuspects(error, references).variables);
  const involved = references.filter((r) => suspects.has(r.variable));
  return involved.length > 0 && involved.every((r) => r.vaultHost !== undefined && granted.has(r.vaultHost.toLowerCase()));
}
