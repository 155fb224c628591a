// The rule catalog: one entry per stable rule id (docs/rules.md). Messages are written at the call
// site with the specifics; the catalog holds what is always true of a rule: its default severity,
// a title, the generic fix, when it fires, the first mode that detects it, and the examples
// docs/rules.md is generated from (scripts/gen-rules-doc.ts; src/findings/rules.test.ts keeps the
// two in step).
import type { Severity } from './severity.ts';

/** The action modes, in order: each one runs every check of the modes before it. */
export type DetectedIn = 'lint' | 'validate' | 'deploy';

export interface RuleExample {
  /** A YAML snippet (endpoint or deployment file, or the workflow step's `with:`) that triggers the rule. */
  bad: string;
  /** The same snippet, fixed. */
  good: string;
  /** Rules that depend on what exists in Azure: the state that makes `bad` fail and `good` pass. */
  azure?: { bad: string; good: string };
}

export interface RuleSpec {
  severity: Severity;
  /** Short, imperative-free description: shown as the annotation title after the id. */
  title: string;
  /** The generic fix, used when a call site has no more specific hint. */
  fix: string;
  /** When the rule fires, for docs/rules.md (one short paragraph). */
  when: string;
  /** The first mode that detects it; later modes run it too (lint ⊂ validate ⊂ deploy). */
  detectedIn: DetectedIn;
  /** A teardown rule: detected by validate with `teardown: true` and by mode delete, not by deploy (docs/teardown.md). */
  teardown?: boolean;
  example: RuleExample;
}

const V1 = '0123456789abcdef0123456789abcdef';
const V2 = '89abcdef0123456789abcdef01234567';
const UAI_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ml-endpoint-uai';
const KV_REF = (secret: string, version: string): string => `\${{keyvault:https://kv1.vault.azure.net/secrets/${secret}/${version}}}`;

export const RULES = {
  'yaml-syntax': {
    severity: 'error',
    title: 'File is not valid YAML',
    fix: 'Fix the YAML at the marked position: indentation, quotes, tabs (never allowed for indentation), or a second document.',
    when:
      'The file does not load the way az ml loads it (PyYAML `safe_load`, YAML 1.1): bad indentation, an unclosed quote or bracket, a tab in the indentation, an undefined alias, or more than one document (`---`) in one file. Nothing else is checked in that file.',
    detectedIn: 'lint',
    example: {
      bad: 'name: my-endpoint\n  auth_mode: key\n',
      good: 'name: my-endpoint\nauth_mode: key\n',
    },
  },
  schema: {
    severity: 'error',
    title: 'Not accepted by the az ml schema',
    fix: 'Use only the keys, types and values the az ml online endpoint/deployment schema accepts.',
    when:
      'A key az ml does not know (it rejects unknown keys at every level), a value of the wrong type, a required field that is missing (for example `instance_type` on a managed deployment), or a value outside its allowed set (for example `auth_mode` other than `key`, `aml_token` or `aad_token`).',
    detectedIn: 'lint',
    example: {
      bad: 'name: my-endpoint\nauth_mod: key\n',
      good: 'name: my-endpoint\nauth_mode: key\n',
    },
  },
  'legacy-format': {
    severity: 'error',
    title: 'Pre-GA (2021) YAML format',
    fix: 'Split the file into one endpoint YAML and one YAML per deployment in the GA format.',
    when:
      'The file uses keys of the 2021 preview format that az ml no longer accepts: an endpoint with `type: online`, `target:`, `swagger_uri:` or a `deployments:` list, or a deployment with `model.local_path`, `environment.docker`, `scale_settings.scale_type` and the like.',
    detectedIn: 'lint',
    example: {
      bad: 'name: my-endpoint\ntype: online\nauth_mode: key\ndeployments:\n  - name: blue\n    model: azureml:my-model:1\n',
      good: '# endpoint.yml\nname: my-endpoint\nauth_mode: key\n# blue.yml, a file of its own:\n#   name: blue\n#   endpoint_name: my-endpoint\n#   model: azureml:my-model:1\n',
    },
  },
  'invalid-name': {
    severity: 'error',
    title: 'Name breaks the service rules',
    fix: 'Use 3 to 32 characters: a letter first, then letters, digits or hyphens, not ending in a hyphen.',
    when:
      'An endpoint or deployment name (from the file or from the `set` input) is shorter than 3 or longer than 32 characters, does not start with a letter, contains anything but letters, digits and hyphens, or ends with a hyphen.',
    detectedIn: 'lint',
    example: { bad: 'name: my_endpoint\n', good: 'name: my-endpoint\n' },
  },
  'file-mismatch': {
    severity: 'error',
    title: 'Files do not fit together',
    fix: "Make every deployment's endpoint_name match the endpoint file's name, and give each deployment file its own deployment name.",
    when:
      "The files of one run contradict each other: a deployment's `endpoint_name` differs from the `name` in the endpoint file, or two deployment files define the same deployment. The service would deploy into another endpoint, or the second file would silently replace the first.",
    detectedIn: 'lint',
    example: {
      bad: '# endpoint.yml\nname: my-endpoint\nauth_mode: key\n---\n# deployment.yml\nname: blue\nendpoint_name: my-endpont\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
      good: '# endpoint.yml\nname: my-endpoint\nauth_mode: key\n---\n# deployment.yml\nname: blue\nendpoint_name: my-endpoint\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
    },
  },
  traffic: {
    severity: 'error',
    title: 'Traffic the service rejects',
    fix: 'Give whole-number percentages that add up to 100 (or all 0), for deployments that exist.',
    when:
      'A `traffic` or `mirror_traffic` value (in the endpoint file or the `traffic` input) is not a whole number from 0 to 100, the `traffic` values do not add up to 100 (or all 0), `mirror_traffic` names more than one deployment, the same deployment appears twice, or (with Azure access) a deployment is named that neither exists nor is deployed by this run.',
    detectedIn: 'lint',
    example: { bad: 'name: my-endpoint\nauth_mode: key\ntraffic:\n  blue: 70\n  green: 40\n', good: 'name: my-endpoint\nauth_mode: key\ntraffic:\n  blue: 60\n  green: 40\n' },
  },
  'local-path-not-found': {
    severity: 'error',
    title: 'Local path does not exist',
    fix: 'Point the path at an existing file or folder, relative to the YAML file.',
    when:
      'A local path in a deployment (`model.path`, `code_configuration.code`, `code_configuration.scoring_script`, `environment.conda_file`, `environment.build.path` or its Dockerfile) does not exist. Paths are relative to the folder of the YAML file, as az ml resolves them, not to the working directory.',
    detectedIn: 'lint',
    example: {
      bad: 'model:\n  path: ./modle\ncode_configuration:\n  code: ./onlinescoring\n  scoring_script: score.py\n',
      good: 'model:\n  path: ./model\ncode_configuration:\n  code: ./onlinescoring\n  scoring_script: score.py\n',
    },
  },
  'local-asset-empty': {
    severity: 'error',
    title: 'Local asset folder has nothing to upload',
    fix: 'Put the files in the folder, or narrow the patterns of its .amlignore (or .gitignore) so they stop matching them.',
    when:
      'A local model folder, code folder or build context holds no file once the patterns of its `.amlignore` (or, without one, its `.gitignore`) are applied. az ml refuses to upload an empty folder (EmptyDirectoryError), so the deployment would never start.',
    detectedIn: 'validate',
    example: {
      bad: 'code_configuration:\n  code: ./onlinescoring\n  scoring_script: score.py\n',
      good: 'code_configuration:\n  code: ./onlinescoring\n  scoring_script: score.py\n',
      azure: { bad: '`onlinescoring/.amlignore` holds `*`, so every file is left out.', good: '`onlinescoring/.amlignore` holds `__pycache__/` only.' },
    },
  },
  'instance-type-too-small': {
    severity: 'warning',
    title: 'Instance type may be too small',
    fix: 'Use Standard_DS3_v2 or larger; DS1/DS2 often fail to start a scoring container.',
    when:
      'A managed deployment asks for `Standard_DS1_v2` or `Standard_DS2_v2`. az ml warns about these sizes too: the scoring container often runs out of memory or disk while starting, and the failure shows only at the end of the deployment.',
    detectedIn: 'lint',
    example: { bad: 'instance_type: Standard_DS2_v2\ninstance_count: 1\n', good: 'instance_type: Standard_DS3_v2\ninstance_count: 1\n' },
  },
  'service-rejects': {
    severity: 'error',
    title: 'az ml accepts it, the service rejects it',
    fix: 'Give the value the service accepts (see the message): az ml passes it through, and the request fails at the service.',
    when:
      'A value az ml loads and sends unchanged, which the online endpoint service then refuses: a negative `instance_count` (the deployment `sku.capacity`), a negative request timeout, queue wait, probe setting or scale setting (the durations and counts the service validates), a `target_utilization_percentage` above 100, the `request_settings.request_timeout_ms` of a managed deployment above 180000 (the documented 180-second limit of online endpoints), a user-assigned identity entry without `resource_id` (az ml sends the identity id as the text "None"), `identity.type: user_assigned` with no `user_assigned_identities`, or a Kubernetes `compute: azureml:/subscriptions/…` that is not a compute id. ' +
      'Reported as a **warning**: a managed `instance_count` above 50, the documented instances-per-deployment limit, which a quota request can raise; `user_assigned_identities` under `identity.type` `system_assigned` or `none`: az ml sends both, and Azure Resource Manager managed-identity validation is expected to refuse user-assigned identities on an identity of another type (not documented for online endpoints); and a `code_configuration.code` that is a URI: az ml registers it as the code location without uploading anything.',
    detectedIn: 'lint',
    example: {
      bad: 'name: blue\nendpoint_name: my-endpoint\nmodel: azureml:my-model:1\ninstance_type: Standard_DS3_v2\ninstance_count: -1\nrequest_settings:\n  request_timeout_ms: 300000\n',
      good: 'name: blue\nendpoint_name: my-endpoint\nmodel: azureml:my-model:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\nrequest_settings:\n  request_timeout_ms: 180000\n',
    },
  },
  'enforce-flag-value': {
    severity: 'warning',
    title: 'Enforce flag value the service does not know',
    fix: 'Write enforce_access_to_default_secret_stores: enabled (or disabled), as a string.',
    when:
      'The endpoint `properties.enforce_access_to_default_secret_stores` is neither `enabled` nor `disabled`. az ml accepts any value and sends its Python text (an unquoted `on`, `yes` or `true` becomes "True"); the service documents only `enabled` and `disabled`, so the flag is not expected to take effect: the endpoint identity is not granted access to the workspace connections, and deployments that reference them fail.',
    detectedIn: 'lint',
    example: {
      bad: 'name: my-endpoint\nauth_mode: key\nproperties:\n  enforce_access_to_default_secret_stores: on\n',
      good: 'name: my-endpoint\nauth_mode: key\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
    },
  },
  'model-path': {
    severity: 'error',
    title: 'Inline model path az ml cannot use',
    fix: 'Reference a registered model as model: azureml:<name>:<version>, or give the inline model a name (and version) so az ml registers the URI without uploading it.',
    when:
      'An inline `model` whose `path` az ml cannot register: an unnamed model whose path is a URI (`azureml://locations/…`, `azureml://datastores/…`, `https://…`) or an asset id (`azureml:<name>:<version>`): az ml treats the path of an unnamed model as a local file and fails with "No such file or directory"; a named model whose path is `azureml:<name>:<version>`: az ml loads the file, then tries to upload that text as a local folder and fails; an inline model without `path`: az ml loads it, but there are no files to register, so creating the model version fails.',
    detectedIn: 'lint',
    example: {
      bad: 'name: blue\nendpoint_name: my-endpoint\nmodel:\n  path: azureml://datastores/workspaceblobstore/paths/models/sklearn\ninstance_type: Standard_DS3_v2\n',
      good: 'name: blue\nendpoint_name: my-endpoint\nmodel:\n  name: sklearn\n  version: 3\n  path: azureml://datastores/workspaceblobstore/paths/models/sklearn\ninstance_type: Standard_DS3_v2\n',
    },
  },
  'secret-ref-syntax': {
    severity: 'error',
    title: 'Malformed secret reference',
    fix: 'Write the reference as the whole value in one of the five documented forms: ${{azureml://connections/<connection>}}, …/credentials/<name>, …/metadata/<name>, …/target, or ${{keyvault:https://<vault>.vault.azure.net/secrets/<name>/<version>}}.',
    when:
      "A value in the deployment's `environment_variables` looks like a secret-injection reference (it contains `${{`, or `azureml:`/`keyvault:` wrapped in braces, or `azureml://connections/…` / `keyvault:https://…` without them) but is not exactly one of the five patterns: a misspelt segment (`connection/`, `credential/`, `secrets/`, `meta/`, `targets`), `${…}` or `{{…}}` instead of `${{…}}`, spaces inside the braces, upper case (`AzureML:`, `KeyVault:`), a missing credential or metadata name, a Key Vault URL without the secret version, with `http:`, `keyvault://`, `/keys/` or `/certificates/`, a host that is not a Key Vault, a trailing slash, text around the reference, or a connection, vault or secret name the service cannot have. The message gives the corrected reference when there is one. " +
      'Reported as a **warning**: a GitHub Actions expression such as `${{ secrets.X }}` anywhere in the file (GitHub evaluates expressions only in the workflow, never in files an action reads), another `${{ … }}` in `environment_variables`, and the Key Vault version `latest`. Reported as a **notice**: a Key Vault version that is not the 32 hexadecimal characters Key Vault generates (the docs use `secretversion1` as a placeholder; `validate` checks the version), and a bare Key Vault secret URL as a value (passed as text, not resolved).',
    detectedIn: 'lint',
    example: {
      bad: `environment_variables:\n  OPENAI_KEY: \${{azureml://connection/aoai/credentials/key}}\n  OPENAI_BASE: \${azureml://connections/aoai/target}\n  DB_PASSWORD: \${{keyvault:https://kv1.vault.azure.net/secrets/db-password}}\n`,
      good: `environment_variables:\n  OPENAI_KEY: \${{azureml://connections/aoai/credentials/key}}\n  OPENAI_BASE: \${{azureml://connections/aoai/target}}\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
    },
  },
  'secret-ref-placement': {
    severity: 'warning',
    title: 'Secret reference outside environment_variables',
    fix: 'Move the reference into the deployment environment_variables: the service resolves it nowhere else.',
    when:
      "A `${{azureml:…}}` or `${{keyvault:…}}` reference (well-formed or not) appears anywhere but the deployment's `environment_variables`: in `tags`, `properties`, a description, a model or environment field, or anywhere in the endpoint file. The service resolves references only in environment variables, so this value would be stored and sent as literal text.",
    detectedIn: 'lint',
    example: {
      bad: 'name: blue\nendpoint_name: my-endpoint\ntags:\n  api_key: ${{azureml://connections/aoai/credentials/key}}\n',
      good: 'name: blue\nendpoint_name: my-endpoint\nenvironment_variables:\n  API_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
    },
  },
  'enforce-flag-with-uai': {
    severity: 'error',
    title: 'Enforce flag on a user-assigned identity',
    fix: 'Remove enforce_access_to_default_secret_stores and grant the user-assigned identity the Workspace Connection Secrets Reader role yourself, or use a system-assigned identity.',
    when:
      'The endpoint sets `properties.enforce_access_to_default_secret_stores: enabled` and uses a user-assigned identity. The service allows the flag only with a system-assigned identity and rejects the endpoint.',
    detectedIn: 'lint',
    example: {
      bad: `name: my-endpoint\nauth_mode: key\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: ${UAI_ID}\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n`,
      good: `name: my-endpoint\nauth_mode: key\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: ${UAI_ID}\n`,
    },
  },
  'connection-not-found': {
    severity: 'error',
    title: 'Workspace connection does not exist',
    fix: 'Create the connection in the workspace or correct its name.',
    when: 'A `${{azureml://connections/<name>…}}` reference names a connection the workspace does not have.',
    detectedIn: 'validate',
    example: {
      bad: 'environment_variables:\n  OPENAI_KEY: ${{azureml://connections/aoia/credentials/key}}\n',
      good: 'environment_variables:\n  OPENAI_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
      azure: { bad: 'The workspace has the connections `aoai` and `search`; there is no `aoia`.', good: 'The workspace connection `aoai` exists.' },
    },
  },
  'connection-key-not-found': {
    severity: 'error',
    title: 'Connection has no such key',
    fix: 'Use a credential or metadata key the connection has, or add it to the connection.',
    when:
      'A `…/credentials/<name>` reference names a credential the connection does not have (for a custom connection, a key of its `credentials.keys`), a `…/metadata/<name>` reference names a metadata key it does not have, or `…/target` is used on a connection without a target.',
    detectedIn: 'validate',
    example: {
      bad: 'environment_variables:\n  OPENAI_KEY: ${{azureml://connections/aoai/credentials/apikey}}\n',
      good: 'environment_variables:\n  OPENAI_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
      azure: {
        bad: 'The connection `aoai` uses API-key authentication: its secrets hold the credential `key`, not `apikey`.',
        good: 'The connection `aoai` has the credential `key`.',
      },
    },
  },
  'keyvault-secret-not-found': {
    severity: 'error',
    title: 'Key Vault secret version does not exist',
    fix: 'Reference an existing vault, secret name and version (az keyvault secret show --vault-name <vault> --name <secret> --query id).',
    when: 'A `${{keyvault:…}}` reference names a vault that does not resolve, a secret the vault does not have, or a version the secret does not have (checked through secret metadata, never by reading the value).',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-pasword', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      azure: { bad: 'Vault `kv1` has the secret `db-password`; there is no `db-pasword`.', good: `Vault \`kv1\` has the secret \`db-password\` with version \`${V1}\`.` },
    },
  },
  'keyvault-secret-unusable': {
    severity: 'error',
    title: 'Key Vault secret version is disabled',
    fix: 'Enable the version (az keyvault secret set-attributes --vault-name <vault> --name <secret> --version <version> --enabled true), or reference an enabled version.',
    when: 'The referenced secret version exists but is disabled: Key Vault refuses to serve a disabled version, so secret injection fails. (Expired and not-yet-valid versions are still served: see `keyvault-secret-expired`.)',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V2)}\n`,
      azure: {
        bad: `Version \`${V1.slice(0, 8)}…\` of \`db-password\` is disabled.`,
        good: `Version \`${V2.slice(0, 8)}…\` is enabled.`,
      },
    },
  },
  'keyvault-secret-expired': {
    severity: 'warning',
    title: 'Key Vault secret version is expired or not yet valid',
    fix: 'Reference a current version of the secret (az keyvault secret show --vault-name <vault> --name <secret> --query id), or extend the expiry date.',
    when: 'The referenced secret version has passed its expiry date, or its activation date is still ahead. Key Vault still serves it ("A secret\'s get operation will work for not-yet-valid and expired secrets"), so the deployment succeeds, but with a secret its owner meant to retire.',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V2)}\n`,
      azure: {
        bad: `Version \`${V1.slice(0, 8)}…\` of \`db-password\` expired last month.`,
        good: `Version \`${V2.slice(0, 8)}…\` has no expiry date in the past and no activation date in the future.`,
      },
    },
  },
  'keyvault-secret-newer-version': {
    severity: 'notice',
    title: 'A newer version of the Key Vault secret exists',
    fix: 'Reference the newest enabled version if the pinned one is meant to be current.',
    when: 'The secret has an enabled version newer than the one the reference pins. Pinning is deliberate (the deployment does not change when the secret rotates), so this is a notice with the newer version\'s age, for a rotation that may have been missed.',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V2)}\n`,
      azure: {
        bad: `\`db-password\` was rotated 3 days ago: \`${V2.slice(0, 8)}…\` is newer than the pinned \`${V1.slice(0, 8)}…\`.`,
        good: `\`${V2.slice(0, 8)}…\` is the newest enabled version.`,
      },
    },
  },
  'keyvault-not-rbac': {
    severity: 'error',
    title: 'Vault does not use Azure RBAC',
    fix: 'Switch the vault to the Azure RBAC permission model (az keyvault update --name <vault> --enable-rbac-authorization true), then assign Key Vault Secrets User to the endpoint identity.',
    when: 'A referenced vault uses the access-policy permission model. Secret injection requires the Azure RBAC model (`enableRbacAuthorization: true`).',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      azure: {
        bad: 'Vault `kv1` uses vault access policies (`enableRbacAuthorization` is false or absent).',
        good: 'Vault `kv1` uses Azure RBAC (`enableRbacAuthorization: true`).',
      },
    },
  },
  'caller-cannot-read-connections': {
    severity: 'error',
    title: 'Signed-in identity cannot read connection secrets',
    fix: 'Grant the workflow identity "Azure Machine Learning Workspace Connection Secrets Reader" on the workspace, or remove the enforce flag and grant the endpoint identity that role yourself.',
    when:
      'The endpoint sets `enforce_access_to_default_secret_stores: enabled`, and the identity the workflow signs in with lacks `Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action` on the workspace. The service checks this permission when it creates the endpoint and again for every deployment, and fails the creation without it.',
    detectedIn: 'validate',
    example: {
      bad: 'name: my-endpoint\nauth_mode: key\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
      good: 'name: my-endpoint\nauth_mode: key\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
      azure: {
        bad: 'The workflow service principal holds AzureML Data Scientist on the workspace, which does not include `connections/listsecrets/action`.',
        good: 'The workflow service principal also holds Azure Machine Learning Workspace Connection Secrets Reader on the workspace.',
      },
    },
  },
  'endpoint-identity-cannot-read-connections': {
    severity: 'error',
    title: 'Endpoint identity cannot read connection secrets',
    fix: 'Set enforce_access_to_default_secret_stores: enabled (system-assigned identity), or grant the identity the Workspace Connection Secrets Reader role.',
    when:
      'A deployment references a workspace connection, and the endpoint identity will not be able to read connection secrets: a system-assigned identity without the enforce flag (the role is granted automatically only with the flag), or a user-assigned identity without a role that includes `connections/listsecrets/action` on the workspace.',
    detectedIn: 'validate',
    example: {
      bad: 'name: my-endpoint\nauth_mode: key\nidentity:\n  type: system_assigned\n',
      good: 'name: my-endpoint\nauth_mode: key\nidentity:\n  type: system_assigned\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
      azure: {
        bad: 'A deployment of this endpoint uses `${{azureml://connections/aoai/credentials/key}}`; the endpoint identity has no role on the workspace.',
        good: 'With the flag, the service grants the system-assigned identity Workspace Connection Secrets Reader when it creates the endpoint.',
      },
    },
  },
  'endpoint-identity-cannot-read-keyvault': {
    severity: 'error',
    title: 'Endpoint identity cannot read the Key Vault secret',
    fix: 'Assign "Key Vault Secrets User" on the vault to the endpoint identity (or use grant-missing-roles).',
    when:
      'A deployment references a Key Vault secret and the endpoint identity lacks `Microsoft.KeyVault/vaults/secrets/getSecret/action` on the vault. The service never grants this automatically, not even with the enforce flag. For a new system-assigned identity the plan says the role is needed after the endpoint is created; `grant-missing-roles: true` assigns it between endpoint and deployment.',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      azure: { bad: 'The endpoint identity has no role on vault `kv1`.', good: 'The endpoint identity holds Key Vault Secrets User on vault `kv1` (or on its resource group).' },
    },
  },
  'uai-missing-platform-roles': {
    severity: 'error',
    title: 'User-assigned identity lacks platform roles',
    fix: 'Assign AcrPull on the workspace registry and Storage Blob Data Reader on the workspace storage.',
    when:
      "The endpoint uses a user-assigned identity that lacks AcrPull on the workspace's container registry or Storage Blob Data Reader on the workspace's default storage account. A system-assigned identity gets both automatically; a user-assigned one does not, and the deployment cannot pull its image or model without them.",
    detectedIn: 'validate',
    example: {
      bad: `name: my-endpoint\nauth_mode: key\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: ${UAI_ID}\n`,
      good: `name: my-endpoint\nauth_mode: key\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: ${UAI_ID}\n`,
      azure: {
        bad: '`ml-endpoint-uai` holds Storage Blob Data Reader on the workspace storage but no AcrPull on the workspace registry.',
        good: '`ml-endpoint-uai` holds AcrPull on the registry and Storage Blob Data Reader on the storage account.',
      },
    },
  },
  'identity-immutable': {
    severity: 'error',
    title: 'Endpoint identity cannot change',
    fix: 'Keep the identity the endpoint was created with, or create a new endpoint.',
    when: 'The endpoint already exists with a different identity (system-assigned versus user-assigned, or other user-assigned identities) than the file asks for. The identity of an endpoint is fixed when it is created.',
    detectedIn: 'validate',
    example: {
      bad: `name: my-endpoint\nauth_mode: key\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: ${UAI_ID}\n`,
      good: 'name: my-endpoint\nauth_mode: key\nidentity:\n  type: system_assigned\n',
      azure: { bad: '`my-endpoint` exists and was created with a system-assigned identity.', good: 'The file keeps the system-assigned identity `my-endpoint` was created with.' },
    },
  },
  'cannot-verify': {
    severity: 'warning',
    title: 'Check could not be made',
    fix: 'Give the workflow identity read access to what the check needs (see the message).',
    when:
      'The signed-in identity may not read something a check needs (role assignments on a vault, the vault itself, a connection), or a role assignment has a condition the action cannot evaluate. The check is skipped, and the deployment may still fail for the reason it would have found.',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      azure: {
        bad: 'The workflow identity may not read role assignments on vault `kv1` (no `Microsoft.Authorization/roleAssignments/read`).',
        good: 'The workflow identity holds Reader on the resource group of `kv1`.',
      },
    },
  },
  'role-not-yet-effective': {
    severity: 'notice',
    title: 'Role assignment may not have taken effect yet',
    fix: 'Nothing to do if the deployment starts a few minutes from now; otherwise wait about 10 minutes and run again.',
    when: 'A permission a check relies on comes only from role assignments created less than 10 minutes ago. Azure role assignments can take several minutes to take effect, so a deployment started at once may still be refused.',
    detectedIn: 'validate',
    example: {
      bad: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      good: `environment_variables:\n  DB_PASSWORD: ${KV_REF('db-password', V1)}\n`,
      azure: {
        bad: 'Key Vault Secrets User was assigned to the endpoint identity on `kv1` two minutes ago.',
        good: 'The assignment is older than 10 minutes.',
      },
    },
  },
  'workspace-not-found': {
    severity: 'error',
    title: 'Workspace inputs name nothing that exists',
    fix: 'Correct the `subscription-id`, `resource-group` or `workspace-name` input (the message names the part ARM could not find and the names that do exist).',
    when:
      'The workspace the inputs name does not exist: ARM answers the workspace GET with `SubscriptionNotFound`, `ResourceGroupNotFound` or `ResourceNotFound`. Reported once, before any other online check (none of them can be made); with the names one level up (subscriptions the identity sees, resource groups of the subscription, workspaces of the resource group) and the closest one, when the identity may list them.',
    detectedIn: 'validate',
    example: {
      bad: '# workflow step\nwith:\n  resource-group: ml-rg\n  workspace-name: ml-wrokspace\n',
      good: '# workflow step\nwith:\n  resource-group: ml-rg\n  workspace-name: ml-workspace\n',
      azure: { bad: 'Resource group `ml-rg` holds the workspace `ml-workspace`; there is no `ml-wrokspace`.', good: 'The workspace `ml-workspace` exists in `ml-rg`.' },
    },
  },
  'workspace-unreadable': {
    severity: 'error',
    title: 'Workspace cannot be read',
    fix: 'Check the `subscription-id`, `resource-group` and `workspace-name` inputs, then give the workflow identity a role with `Microsoft.MachineLearningServices/workspaces/read` on the workspace (Reader, or AzureML Data Scientist).',
    when:
      'ARM refuses the workspace GET (401/403): the identity may not read the workspace, or the names are wrong inside a scope it may not see (ARM authorizes before it looks a resource up, so a mistyped name there is a 403 too). Nothing else can be read or deployed; reported once, before any other online check. A failure after retries (5xx) is `cannot-verify` instead.',
    detectedIn: 'validate',
    example: {
      bad: '# workflow step\nwith:\n  resource-group: ml-rg\n  workspace-name: ml-workspace\n',
      good: '# workflow step\nwith:\n  resource-group: ml-rg\n  workspace-name: ml-workspace\n',
      azure: { bad: 'The workflow identity holds no role on `ml-workspace` or above.', good: 'The workflow identity holds AzureML Data Scientist on `ml-workspace`.' },
    },
  },
  'compute-not-found': {
    severity: 'error',
    title: 'Kubernetes compute does not exist or is not Kubernetes',
    fix: 'Name an attached Kubernetes compute of the workspace in `compute:` (az ml compute list --type Kubernetes), or drop `compute:` for a managed endpoint.',
    when: 'A Kubernetes endpoint\'s `compute: azureml:<name>` names a compute the workspace does not have, or one that is not an attached Kubernetes cluster (for example an AmlCompute cluster or a compute instance).',
    detectedIn: 'validate',
    example: {
      bad: 'name: my-endpoint\ncompute: azureml:k8s-clutser\nauth_mode: key\n',
      good: 'name: my-endpoint\ncompute: azureml:k8s-cluster\nauth_mode: key\n',
      azure: { bad: 'The workspace has the Kubernetes compute `k8s-cluster`; there is no `k8s-clutser`.', good: 'The attached Kubernetes compute `k8s-cluster` exists.' },
    },
  },
  'endpoint-not-found': {
    severity: 'error',
    title: 'Target endpoint does not exist',
    fix: 'Pass the endpoint file too (endpoint-file), so the endpoint is created first, or correct endpoint_name.',
    when: "Only deployment files were given, and the endpoint their `endpoint_name` names does not exist in the workspace. The service creates a deployment only under an existing endpoint.",
    detectedIn: 'validate',
    example: {
      bad: 'name: blue\nendpoint_name: my-endpont\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
      good: 'name: blue\nendpoint_name: my-endpoint\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
      azure: { bad: 'The workspace has the endpoint `my-endpoint`; there is no `my-endpont`.', good: 'The endpoint `my-endpoint` exists.' },
    },
  },
  'endpoint-busy': {
    severity: 'warning',
    title: 'Endpoint or deployment is still being changed',
    fix: 'Nothing to do for deploy (it waits for the current operation to finish); for validate, run again once it has finished.',
    when: 'The endpoint, or a deployment this run updates, is in a non-terminal provisioning state (`Creating`, `Updating`, `Deleting`): another operation is running. The service rejects a change until it ends; deploy waits for it, up to its timeout.',
    detectedIn: 'validate',
    example: {
      bad: 'name: my-endpoint\nauth_mode: key\n',
      good: 'name: my-endpoint\nauth_mode: key\n',
      azure: { bad: '`my-endpoint` is `Updating` (another workflow is deploying to it).', good: '`my-endpoint` is `Succeeded`.' },
    },
  },
  'asset-not-found': {
    severity: 'error',
    title: 'Registered asset does not exist',
    fix: 'Register the model, environment or code version first, or correct its name or version (az ml model list --name <name>).',
    when: 'The deployment names a registered model, environment or code version (`azureml:<name>:<version>`, `azureml:<name>@latest`, an ARM id or a registry URI) that does not exist, or has no version for `@latest`.',
    detectedIn: 'validate',
    example: {
      bad: 'name: blue\nendpoint_name: my-endpoint\nmodel: azureml:my-model:3\n',
      good: 'name: blue\nendpoint_name: my-endpoint\nmodel: azureml:my-model:2\n',
      azure: { bad: '`my-model` has versions 1 and 2.', good: '`my-model` version 2 exists.' },
    },
  },
  'instance-type-unavailable': {
    severity: 'error',
    title: 'Instance type not offered in the region',
    fix: 'Pick an instance type from the managed online endpoints SKU list that the workspace region offers (az ml online-deployment list-skus).',
    when: "A managed deployment's `instance_type` is not among the VM sizes offered for online endpoints in the workspace's region (or is misspelt): the region's list holds every Azure Machine Learning compute size, and only those whose `supportedComputeTypes` include `MIR` serve managed online endpoints (a size listed for training only is named with the nearest sizes of its family that do); or a Kubernetes deployment's `instance_type` is not an instance type its attached cluster defines.",
    detectedIn: 'validate',
    example: {
      bad: 'instance_type: Standard_DS3_v3\ninstance_count: 1\n',
      good: 'instance_type: Standard_DS3_v2\ninstance_count: 1\n',
      azure: { bad: 'The region offers Standard_DS3_v2, not Standard_DS3_v3.', good: 'The region offers Standard_DS3_v2.' },
    },
  },
  'quota-insufficient': {
    severity: 'error',
    title: 'Not enough core quota',
    fix: 'Request more quota for the VM family or the regional total (Azure portal: Quotas), lower instance_count, or pick a family with room.',
    when: "The cores the deployment needs exceed the free dedicated-core quota of its VM family in the region, or of the regional total (Total Cluster Dedicated Regional vCPUs) that every managed online deployment and compute cluster of the subscription in the region counts against. A managed deployment needs ceil(1.2 × instance_count) × the size's cores: the service keeps 20 % for upgrades (A100, H100 and ND sizes skip it). Deployments that keep running during the rollout (the one being replaced, and an updated deployment until its new instances are up) keep their cores. OutOfQuota is the most reported online-deployment failure.",
    detectedIn: 'validate',
    example: {
      bad: 'instance_type: Standard_DS3_v2\ninstance_count: 10\n',
      good: 'instance_type: Standard_DS3_v2\ninstance_count: 2\n',
      azure: {
        bad: 'standardDSv2Family: 24 of 40 cores in use; 10 × DS3_v2 needs 12 × 4 = 48 cores.',
        good: '2 × DS3_v2 needs ceil(2.4) × 4 = 12 cores; 16 are free.',
      },
    },
  },
  'resource-unreadable': {
    severity: 'error',
    title: 'A resource the plan needs could not be read',
    fix: 'Run again once Azure answers; if it keeps failing, give the workflow identity read access to the workspace.',
    when:
      'The endpoint, its deployments or an asset version named by label could not be read (a server error that outlasted the retries, or a refused read). Unreadable is never missing: the plan marks the resource `unknown`, validate warns, and deploy writes nothing rather than creating over an endpoint that exists (which would reset its traffic).',
    detectedIn: 'validate',
    example: {
      bad: 'name: my-endpoint\nauth_mode: key\n',
      good: 'name: my-endpoint\nauth_mode: key\n',
      azure: {
        bad: 'The GET of endpoint `my-endpoint` answers 500 for longer than the retries last.',
        good: 'The GET of endpoint `my-endpoint` answers 200.',
      },
    },
  },
  'plan-stale': {
    severity: 'error',
    title: 'Azure changed since the plan',
    fix: 'Run validate again, review the new plan, and deploy that one.',
    when:
      'Deploy executes the plan it computed (or the approved plan given as `expected-plan`) and re-reads each resource right before writing it. When another writer changed the resource or its traffic since the plan, or the recomputed plan differs from the approved one, the run stops before that write instead of overwriting the change or silently skipping it. Only an update that Azure already holds passes silently.',
    detectedIn: 'deploy',
    example: {
      bad: 'name: my-endpoint\nauth_mode: key\n',
      good: 'name: my-endpoint\nauth_mode: key\n',
      azure: {
        bad: 'Between the plan and the write, someone sets the traffic of `my-endpoint` to blue=100.',
        good: 'Nobody else writes `my-endpoint` during the run.',
      },
    },
  },
  'delete-serving': {
    severity: 'error',
    title: 'The teardown would delete what serves traffic',
    fix: 'Move the traffic away first, or set force-delete: true when the teardown is meant (a pull-request preview endpoint).',
    when:
      '`mode: delete` (or `mode: validate` with `teardown: true`) was asked to delete an endpoint whose deployments serve live or mirrored traffic, or a deployment that serves live or mirrored traffic of an endpoint that stays. Nothing is deleted. With `force-delete: true` the endpoint is deleted anyway (this finding is then a notice), and a serving deployment first gives its share to the deployments that stay (in proportion; none left: the endpoint serves nothing), in the plan and the timeline, before its DELETE. A deployment that serves 0 % is deleted without force (docs/teardown.md).',
    detectedIn: 'validate',
    teardown: true,
    example: {
      bad: '# workflow step\nwith:\n  mode: delete\n  endpoint-file: ml/endpoint.yml\n',
      good: '# workflow step\nwith:\n  mode: delete\n  endpoint-file: ml/endpoint.yml\n  force-delete: true\n',
      azure: {
        bad: 'The endpoint serves `blue=100`: deleting it takes its scoring URI down.',
        good: 'The same endpoint, with the teardown confirmed by `force-delete: true` (a preview endpoint on `pull_request: closed`).',
      },
    },
  },
  'caller-cannot-delete': {
    severity: 'error',
    title: 'The signed-in identity may not delete it',
    fix: 'Give the workflow identity a role that may delete online endpoints and deployments on the workspace (e.g. AzureML Data Scientist or Contributor).',
    when:
      'Before a teardown writes anything, the signed-in identity\'s own permissions on the workspace (the Authorization `permissions` API) must allow each request of the plan: `onlineEndpoints/delete` for an endpoint, `onlineEndpoints/deployments/delete` for a deployment, and `onlineEndpoints/write` for the traffic step of a forced delete. Otherwise a forced delete would move the traffic and then fail on the DELETE. Permissions that could not be read are a `cannot-verify` warning.',
    detectedIn: 'validate',
    teardown: true,
    example: {
      bad: '# workflow step\nwith:\n  mode: delete\n  endpoint-file: ml/endpoint.yml\n',
      good: '# workflow step\nwith:\n  mode: delete\n  endpoint-file: ml/endpoint.yml\n',
      azure: {
        bad: 'The workflow identity holds only Reader on the workspace.',
        good: 'The workflow identity holds AzureML Data Scientist on the workspace.',
      },
    },
  },
  'already-deleted': {
    severity: 'notice',
    title: 'Already deleted: nothing to delete',
    fix: 'Nothing to do: the teardown is idempotent, so a re-run of `pull_request: closed` passes.',
    when:
      '`mode: delete` was asked to delete an endpoint or a deployment that does not exist (Azure answers 404): it was deleted before, by an earlier run or by hand. The run passes and sends no DELETE for it. A resource that could not be read (a server error, a refused read) is never taken for missing: that is `resource-unreadable`, which stops the teardown.',
    detectedIn: 'validate',
    teardown: true,
    example: {
      bad: '# workflow step\nwith:\n  mode: delete\n  endpoint-file: ml/endpoint.yml\n',
      good: '# workflow step\nwith:\n  mode: delete\n  endpoint-file: ml/endpoint.yml\n',
      azure: {
        bad: 'The endpoint was deleted by the first run of the workflow; the re-run finds it gone (a notice, exit 0).',
        good: 'The endpoint exists; the run deletes it and reads back 404.',
      },
    },
  },
  'deployment-failed': {
    severity: 'error',
    title: 'The service failed the operation',
    fix: 'Read the service error and the container logs in the job summary.',
    when:
      'Azure refused a write, or accepted it but the long-running operation ended in failure or did not end within `timeout`, or what Azure holds afterwards is not what was asked for (a read-back mismatch: a silent revert is never reported as success). The message carries the service error code (for example `SecretsInjectionError`, on the line of each variable it names, `ResourceNotReady`, `OutOfQuota`) with the remedy from the troubleshooting guide; both containers\' logs are in the run log only (a log line may hold what a container printed of its secrets, so it never reaches a finding, the summary or SARIF).',
    detectedIn: 'deploy',
    example: {
      bad: 'environment_variables:\n  OPENAI_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
      good: 'environment_variables:\n  OPENAI_KEY: ${{azureml://connections/aoai/credentials/key}}\n',
      azure: {
        bad: 'The role was assigned to the endpoint identity a minute ago and has not propagated yet: the deployment fails with `SecretsInjectionError`.',
        good: 'The role assignment has propagated: the deployment succeeds.',
      },
    },
  },
  'rollout-gate-failed': {
    severity: 'error',
    title: 'Rollout gate failed',
    fix: 'Inspect the smoke response and the deployment logs; traffic was rolled back.',
    when:
      'A traffic step (`rollout-steps`, `traffic`, `mirror-percent`) did not pass its gates after `bake-time`: the smoke request (`smoke-request-file`) did not answer 2xx or not the expected answer (`smoke-expected-file`); the comparison found the new deployment answering with another JSON shape or numbers outside `comparison-tolerance` than the serving one; or Azure Monitor showed an error rate or P99 latency over `max-error-rate` / `max-latency-p99-ms`. Fewer than `min-request-count` requests is no data, which fails the gate too unless `on-no-data: pass`. With `rollback-on-failure` (the default) the traffic map read before the run is restored exactly and read back (docs/rollout.md).',
    detectedIn: 'deploy',
    example: {
      bad: '# workflow step\nwith:\n  deployment-file: ml/green.yml\n  rollout-steps: 10,50,100\n  smoke-request-file: ml/sample-request.json\n',
      good: '# workflow step\nwith:\n  deployment-file: ml/green.yml\n  rollout-steps: 10,50,100\n  smoke-request-file: ml/sample-request.json\n',
      azure: {
        bad: '`green` answers the smoke request with HTTP 500 at the 10 % step; traffic returns to `blue`.',
        good: '`green` answers 200 at every step and ends with 100 % of the traffic.',
      },
    },
  },
  'traffic-changed-elsewhere': {
    severity: 'error',
    title: 'Someone else changed the traffic mid-rollout',
    fix: 'Find out who changed the endpoint (its activity log), then run again once it is settled; the action left their traffic as it is.',
    when:
      'Before each traffic write (a step, or the rollback) the endpoint must hold the map this run last wrote (or the map it started from). When it holds another one, a person (an emergency `blue=100` mid-bake) or another run changed it: the rollout stops at once, writes nothing more, does not roll back over that change, and names the map Azure holds. Run one rollout per endpoint at a time (a `concurrency:` group, README).',
    detectedIn: 'deploy',
    example: {
      bad: '# workflow step\nwith:\n  deployment-file: ml/green.yml\n  rollout-steps: 10,50,100\n  bake-time: 10m\n',
      good: '# workflow step\nwith:\n  deployment-file: ml/green.yml\n  rollout-steps: 10,50,100\n  bake-time: 10m\n',
      azure: {
        bad: 'During the bake at `blue=90,green=10` an operator sets `blue=100`: the next step would overwrite it.',
        good: 'Nobody else writes the endpoint during the rollout: every step starts from the map the previous one left.',
      },
    },
  },
  'endpoint-leased': {
    severity: 'error',
    title: 'Another run holds the endpoint',
    fix: 'Let the other run finish (or raise lease-wait), then run again; give every workflow that deploys the endpoint one `concurrency:` group.',
    when:
      'A deploy run holds its endpoint while it writes: a lease recorded as the endpoint tag `azureml-online-deploy.lease` (the holder — repository, run, attempt, job — and an expiry), taken right before the first write, checked before every later write and released at the end. A run that finds a live lease of another run waits for it (`lease-wait`, default 5m), naming who holds it and until when; when the lease is still held after that, the run stops before any write. A run whose lease was taken by another run meanwhile stops before its next write, without rolling back over the other run. A lease past its expiry (a run that died) is taken over with a notice (docs/rollout.md §6).',
    detectedIn: 'deploy',
    example: {
      bad: '# workflow step\nwith:\n  deployment-file: ml/green.yml\n  lease-wait: 1m\n',
      good: '# workflow step\nwith:\n  deployment-file: ml/green.yml\n  lease-wait: 1m\n',
      azure: {
        bad: 'Another run of the workflow is rolling `my-endpoint` out (its lease runs for 30 more minutes): this run waits one minute, then stops without writing.',
        good: 'No other run holds `my-endpoint` (or its lease expired): the run takes the lease and deploys.',
      },
    },
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
