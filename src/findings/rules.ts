// The rule catalog: one entry per stable rule id (DESIGN §1). Messages are written at the call
// site with the specifics; the catalog holds what is always true of a rule: its default severity,
// a title, the generic fix, and the examples docs/rules.md is generated from.
import type { Finding, Severity, SourceRange } from './finding.ts';

export interface RuleSpec {
  severity: Severity;
  /** Short, imperative-free description: shown as the annotation title after the id. */
  title: string;
  /** The generic fix, used when a call site has no more specific hint. */
  fix: string;
  /** For docs/rules.md: a YAML (or input) snippet that triggers the rule, and its fixed form. */
  example: { bad: string; good: string };
}

export const RULES = {
  'yaml-syntax': {
    severity: 'error',
    title: 'YAML does not parse',
    fix: 'Fix the YAML syntax at the marked position.',
    example: { bad: 'name: my-endpoint\n  auth_mode: key\n', good: 'name: my-endpoint\nauth_mode: key\n' },
  },
  schema: {
    severity: 'error',
    title: 'Not accepted by the az ml schema',
    fix: 'Use only the keys, types and values the az ml online endpoint/deployment schema accepts.',
    example: { bad: 'name: my-endpoint\nauth_mod: key\n', good: 'name: my-endpoint\nauth_mode: key\n' },
  },
  'legacy-format': {
    severity: 'error',
    title: 'Pre-GA (2021) YAML format',
    fix: 'Split the file into one endpoint YAML and one YAML per deployment in the GA format.',
    example: { bad: 'name: my-endpoint\ntype: online\ndeployments:\n  - name: blue\n', good: 'name: my-endpoint\nauth_mode: key\n' },
  },
  'invalid-name': {
    severity: 'error',
    title: 'Name breaks the service rules',
    fix: 'Use 3 to 32 characters: a letter first, then letters, digits or hyphens, not ending in a hyphen.',
    example: { bad: 'name: my_endpoint\n', good: 'name: my-endpoint\n' },
  },
  traffic: {
    severity: 'error',
    title: 'Traffic the service rejects',
    fix: 'Give whole-number percentages that add up to 100 (or all 0), for deployments that exist.',
    example: { bad: 'traffic:\n  blue: 70\n  green: 40\n', good: 'traffic:\n  blue: 60\n  green: 40\n' },
  },
  'local-path-not-found': {
    severity: 'error',
    title: 'Local path does not exist',
    fix: 'Point the path at an existing file or folder, relative to the YAML file.',
    example: { bad: 'model:\n  path: ./modle\n', good: 'model:\n  path: ./model\n' },
  },
  'instance-type-too-small': {
    severity: 'warning',
    title: 'Instance type may be too small',
    fix: 'Use Standard_DS3_v2 or larger; DS1/DS2 often fail to start a scoring container.',
    example: { bad: 'instance_type: Standard_DS2_v2\n', good: 'instance_type: Standard_DS3_v2\n' },
  },
  'secret-ref-syntax': {
    severity: 'error',
    title: 'Malformed secret reference',
    fix: 'Write the reference in one of the five documented forms.',
    example: {
      bad: 'environment_variables:\n  API_KEY: ${{azureml://connection/aoai/credentials/key}}\n',
      good: 'environment_variables:\n  API_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
    },
  },
  'secret-ref-placement': {
    severity: 'warning',
    title: 'Secret reference outside environment_variables',
    fix: 'Move the reference into the deployment environment_variables: the service resolves it nowhere else.',
    example: {
      bad: 'tags:\n  key: ${{azureml://connections/aoai/credentials/key}}\n',
      good: 'environment_variables:\n  API_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
    },
  },
  'enforce-flag-with-uai': {
    severity: 'error',
    title: 'Enforce flag on a user-assigned identity',
    fix: 'Remove enforce_access_to_default_secret_stores, or use a system-assigned identity.',
    example: {
      bad: 'identity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: /subscriptions/…/userAssignedIdentities/uai\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
      good: 'identity:\n  type: system_assigned\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
    },
  },
  'connection-not-found': {
    severity: 'error',
    title: 'Workspace connection does not exist',
    fix: 'Create the connection in the workspace or correct its name.',
    example: { bad: 'OPENAI_KEY: ${{azureml://connections/aoia/credentials/key}}\n', good: 'OPENAI_KEY: ${{azureml://connections/aoai/credentials/key}}\n' },
  },
  'connection-key-not-found': {
    severity: 'error',
    title: 'Connection has no such key',
    fix: 'Use a credential or metadata key the connection has, or add it to the connection.',
    example: { bad: 'KEY: ${{azureml://connections/aoai/credentials/apikey}}\n', good: 'KEY: ${{azureml://connections/aoai/credentials/key}}\n' },
  },
  'keyvault-secret-not-found': {
    severity: 'error',
    title: 'Key Vault secret version does not exist',
    fix: 'Reference an existing vault, secret name and version.',
    example: {
      bad: 'DB: ${{keyvault:https://kv1.vault.azure.net/secrets/db-pasword/0123456789abcdef0123456789abcdef}}\n',
      good: 'DB: ${{keyvault:https://kv1.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef}}\n',
    },
  },
  'keyvault-secret-unusable': {
    severity: 'error',
    title: 'Key Vault secret version is not usable',
    fix: 'Enable the version, or reference a version that is enabled and within its validity window.',
    example: { bad: '# version disabled in the vault\n', good: '# an enabled, unexpired version\n' },
  },
  'keyvault-not-rbac': {
    severity: 'error',
    title: 'Vault does not use Azure RBAC',
    fix: 'Switch the vault to the Azure RBAC permission model (enableRbacAuthorization: true).',
    example: { bad: '# vault with access policies\n', good: '# vault with enableRbacAuthorization: true\n' },
  },
  'caller-cannot-read-connections': {
    severity: 'error',
    title: 'Signed-in identity cannot read connection secrets',
    fix: 'Grant the workflow identity "Azure Machine Learning Workspace Connection Secrets Reader" on the workspace.',
    example: { bad: '# enforce flag set, caller without connections/listsecrets/action\n', good: '# caller holds the Workspace Connection Secrets Reader role\n' },
  },
  'endpoint-identity-cannot-read-connections': {
    severity: 'error',
    title: 'Endpoint identity cannot read connection secrets',
    fix: 'Set enforce_access_to_default_secret_stores: enabled (system-assigned), or grant the identity the Workspace Connection Secrets Reader role.',
    example: { bad: 'identity:\n  type: system_assigned\n', good: 'identity:\n  type: system_assigned\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n' },
  },
  'endpoint-identity-cannot-read-keyvault': {
    severity: 'error',
    title: 'Endpoint identity cannot read the Key Vault secret',
    fix: 'Assign "Key Vault Secrets User" on the vault to the endpoint identity (or use grant-missing-roles).',
    example: { bad: '# no role on the vault\n', good: '# Key Vault Secrets User on the vault\n' },
  },
  'uai-missing-platform-roles': {
    severity: 'error',
    title: 'User-assigned identity lacks platform roles',
    fix: 'Assign AcrPull on the workspace registry and Storage Blob Data Reader on the workspace storage.',
    example: { bad: '# UAI without AcrPull\n', good: '# UAI with AcrPull and Storage Blob Data Reader\n' },
  },
  'identity-immutable': {
    severity: 'error',
    title: 'Endpoint identity cannot change',
    fix: 'Keep the identity the endpoint was created with, or create a new endpoint.',
    example: { bad: 'identity:\n  type: user_assigned\n', good: 'identity:\n  type: system_assigned\n' },
  },
  'cannot-verify': {
    severity: 'warning',
    title: 'Check could not be made',
    fix: 'Give the workflow identity read access to what the check needs (see the message).',
    example: { bad: '# caller may not read role assignments\n', good: '# caller holds Reader on the scope\n' },
  },
  'deployment-failed': {
    severity: 'error',
    title: 'The service failed the operation',
    fix: 'Read the service error and the container logs in the job summary.',
    example: { bad: '# SecretsInjectionError\n', good: '# deployment Succeeded\n' },
  },
  'rollout-gate-failed': {
    severity: 'error',
    title: 'Rollout gate failed',
    fix: 'Inspect the smoke response and the deployment logs; traffic was rolled back.',
    example: { bad: '# smoke request answered 500\n', good: '# smoke request answered 200\n' },
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** Build a finding with the catalog's severity (unless overridden) and the rule's fix as hint. */
export function makeFinding(
  rule: RuleId,
  at: SourceRange,
  message: string,
  options: { hint?: string; severity?: Severity } = {},
): Finding {
  const spec: RuleSpec = RULES[rule];
  return {
    rule,
    severity: options.severity ?? spec.severity,
    message,
    ...at,
    hint: options.hint ?? spec.fix,
  };
}
