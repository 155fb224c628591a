import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadYaml } from '../manifests/yaml.ts';
import type { YNode } from '../manifests/tree.ts';
import type { Finding } from '../findings/finding.ts';
import { describeReference, scanDeployment, scanEndpoint, storeKey, type SecretScan } from './scan.ts';
import type { SecretReference } from './scan.ts';
import { SEED_DEPLOYMENT } from '../../test/fixtures/seeds.ts';

const V32 = '0123456789abcdef0123456789abcdef';

function load(text: string): YNode {
  const r = loadYaml(text, 'deployment.yml');
  assert.deepEqual(r.findings, []);
  assert.ok(r.root);
  return r.root;
}

function deployment(text: string): SecretScan {
  return scanDeployment(load(text), 'deployment.yml');
}

/** 1-based column of the first occurrence of `needle` on 1-based `line` of `text`. */
function col(text: string, line: number, needle: string): number {
  const l = text.split('\n')[line - 1] ?? '';
  const i = l.indexOf(needle);
  assert.ok(i >= 0, `${needle} on line ${line}`);
  return i + 1;
}

function brief(f: Finding): string {
  return `${f.rule}/${f.severity}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
}


// The earlier draft of the same page (azure-docs history) with trailing comments on each line.
const SEED_DRAFT_DEPLOYMENT = `name: blue
endpoint_name: my-endpoint
environment_variables:
    AOAI_CONNECTION: \${{azureml://connections/aoai_connection}} # Injecting the whole List Secrets response.
    OPENAI_KEY: \${{azureml://connections/multi_connection_langchain/credentials/OPENAI_API_KEY}} # Specifying each credential to use.
    USER_SECRET_KV1_KEY: \${{keyvault:https://mykeyvault.vault.azure.net/secrets/secret1/secretversion1}} # Specifying WS KV using the vault URI
`;

describe("the seeds' deployment examples", () => {
  test('seed 001 parses to the five references, in file order, with the value positions', () => {
    const { references, findings } = deployment(SEED_DEPLOYMENT);
    const simple = references.map((r) => {
      const { range, raw: _raw, ...rest } = r;
      return { ...rest, at: `${range.line}:${range.column}-${range.endLine}:${range.endColumn}` };
    });
    const at = (line: number, name: string): string => {
      const c = col(SEED_DEPLOYMENT, line, '${{');
      const l = SEED_DEPLOYMENT.split('\n')[line - 1] ?? '';
      assert.ok(l.includes(name));
      return `${line}:${c}-${line}:${l.length + 1}`;
    };
    assert.deepEqual(simple, [
      { kind: 'connection', connection: 'aoai_connection', variable: 'AOAI_CONNECTION', at: at(6, 'AOAI_CONNECTION') },
      { kind: 'connection', connection: 'multi_connection_langchain', variable: 'LANGCHAIN_CONNECTION', at: at(7, 'LANGCHAIN_CONNECTION') },
      {
        kind: 'connection-credential',
        connection: 'multi_connection_langchain',
        key: 'OPENAI_API_KEY',
        variable: 'OPENAI_KEY',
        at: at(9, 'OPENAI_KEY'),
      },
      {
        kind: 'connection-metadata',
        connection: 'multi_connection_langchain',
        key: 'OPENAI_API_VERSION',
        variable: 'OPENAI_VERSION',
        at: at(10, 'OPENAI_VERSION'),
      },
      {
        kind: 'keyvault',
        vaultName: 'mykeyvault',
        vaultHost: 'mykeyvault.vault.azure.net',
        vaultUrl: 'https://mykeyvault.vault.azure.net',
        cloud: 'AzureCloud',
        secretName: 'secret1',
        version: 'secretversion1',
        secretId: 'https://mykeyvault.vault.azure.net/secrets/secret1/secretversion1',
        variable: 'USER_SECRET_KV1_KEY',
        at: at(12, 'USER_SECRET_KV1_KEY'),
      },
    ]);
    // The docs' placeholder version is accepted with a single notice, no error or warning.
    assert.deepEqual(findings.map(brief), [`secret-ref-syntax/notice@12:${col(SEED_DEPLOYMENT, 12, '${{')}-12:${(SEED_DEPLOYMENT.split('\n')[11] ?? '').length + 1}`]);
    assert.equal(findings[0]?.hint, 'If it is a placeholder, replace it (find the version with: az keyvault secret show --vault-name mykeyvault --name secret1 --query id).');
    assert.equal(references[0]?.raw, '${{azureml://connections/aoai_connection}}');
  });

  test('the draft with trailing comments: comments are not part of the value', () => {
    const { references, findings } = deployment(SEED_DRAFT_DEPLOYMENT);
    assert.deepEqual(
      references.map((r) => [r.variable, r.kind, r.raw]),
      [
        ['AOAI_CONNECTION', 'connection', '${{azureml://connections/aoai_connection}}'],
        ['OPENAI_KEY', 'connection-credential', '${{azureml://connections/multi_connection_langchain/credentials/OPENAI_API_KEY}}'],
        ['USER_SECRET_KV1_KEY', 'keyvault', '${{keyvault:https://mykeyvault.vault.azure.net/secrets/secret1/secretversion1}}'],
      ],
    );
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['notice'],
    );
  });

  test('the seed endpoint files hold no references and give no findings', () => {
    const sai = 'name: my-endpoint\nauth_mode: key\nproperties:\n    enforce_access_to_default_secret_stores: enabled  # default: disabled\n';
    const uai =
      'name: my-endpoint\nauth_mode: key\nidentity:\n    type: user_assigned\n    user_assigned_identities: /subscriptions/00000000-0000-0000-000-000000000000/resourcegroups/myrg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/my-identity \n';
    for (const text of [sai, uai]) assert.deepEqual(scanEndpoint(load(text), 'endpoint.yml'), { references: [], findings: [] });
  });
});

describe('positions of a reference in plain, single- and double-quoted values', () => {
  const ref = '${{azureml://connections/aoai/credentials/key}}';
  const bad = '${{azureml://connection/aoai/credentials/key}}';
  const text = [
    'environment_variables:',
    `  PLAIN: ${ref}`,
    `  SINGLE: '${ref}'`,
    `  DOUBLE: "${ref}"`,
    `  BAD_PLAIN: ${bad}`,
    `  BAD_SINGLE: '${bad}'`,
    `  BAD_DOUBLE: "${bad}"`,
    `  EMBEDDED: 'Bearer ${ref}'`,
    `  SPACED: "  ${ref}"`,
    `  FLOW: {a: 1}`,
    '',
  ].join('\n');
  const { references, findings } = deployment(text);
  const range = (line: number, needle: string): { line: number; column: number; endLine: number; endColumn: number } => {
    const c = col(text, line, needle);
    return { line, column: c, endLine: line, endColumn: c + needle.length };
  };
  test('references: the range covers exactly the reference, inside the quotes', () => {
    assert.deepEqual(
      references.map((r) => [r.variable, r.range]),
      [
        ['PLAIN', { file: 'deployment.yml', ...range(2, ref) }],
        ['SINGLE', { file: 'deployment.yml', ...range(3, ref) }],
        ['DOUBLE', { file: 'deployment.yml', ...range(4, ref) }],
      ],
    );
  });
  test('findings: the range covers the malformed reference, not the quotes or the text around it', () => {
    const syntax = findings.filter((f) => f.rule === 'secret-ref-syntax');
    assert.deepEqual(
      syntax.map((f) => ({ line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn })),
      [range(5, bad), range(6, bad), range(7, bad), range(8, ref), range(9, ref)],
    );
    assert.ok(syntax.every((f) => f.severity === 'error' && f.file === 'deployment.yml'));
    assert.match(syntax[0]?.message ?? '', /^BAD_PLAIN: malformed secret reference: `connection` must be `connections`\.$/);
    assert.equal(syntax[0]?.hint, `Did you mean ${ref}?`);
    assert.match(syntax[3]?.message ?? '', /whole value/);
    assert.match(syntax[4]?.message ?? '', /whitespace/);
  });
  test('a nested map of plain values under environment_variables gives nothing', () => {
    assert.deepEqual(findings.filter((f) => f.line === 10), []);
  });
});

describe('maps and lists nested under environment_variables', () => {
  const ref = '${{azureml://connections/aoai/credentials/key}}';
  const text = [
    'environment_variables:',
    '  NESTED:',
    `    inner: ${ref}`,
    '  LIST:',
    '    - ${{ secrets.API_KEY }}',
    `    - ${ref}`,
    '  FLOW: {token: "${{ github.token }}"}',
    '',
  ].join('\n');
  const { references, findings } = deployment(text);
  test('a reference inside a nested value is not resolved (the value is sent as its Python text)', () => {
    assert.deepEqual(references, []);
    const placement = findings.filter((f) => f.rule === 'secret-ref-placement');
    assert.deepEqual(
      placement.map((f) => [f.line, f.column, f.severity]),
      [
        [3, col(text, 3, '${{'), 'warning'],
        [6, col(text, 6, '${{'), 'warning'],
      ],
    );
    assert.match(placement[0]?.message ?? '', /^environment_variables\.NESTED\.inner: secret reference in `environment_variables\.NESTED\.inner`/);
    assert.match(placement[1]?.message ?? '', /^environment_variables\.LIST\[1\]:/);
  });
  test('GitHub expressions inside nested values are warnings at the expression', () => {
    const github = findings.filter((f) => f.rule === 'secret-ref-syntax');
    assert.deepEqual(
      github.map((f) => [f.line, f.column, f.severity]),
      [
        [5, col(text, 5, '${{'), 'warning'],
        [7, col(text, 7, '${{'), 'warning'],
      ],
    );
    assert.match(github[0]?.message ?? '', /GitHub Actions expression/);
  });
});

describe('what is and is not a candidate in environment_variables', () => {
  test('non-string scalars are never candidates; plain strings are never flagged', () => {
    const text = `environment_variables:
  WORKER_COUNT: 4
  ENABLED: yes
  RATIO: 3.10
  EMPTY:
  KV_SECRET_MULTIPLIER: multiplier@https://<KV_NAME>.vault.azure.net
  HUGGING_FACE_HUB_TOKEN: "{{HUGGING_FACE_TOKEN}}"
  SHELL: \${HOME}
  MODEL_BASE_PATH: /var/azureml-app/azureml-models/tfserving-mounted/1
  URL: https://myaoai.openai.azure.com/
`;
    assert.deepEqual(deployment(text), { references: [], findings: [] });
  });
  test('GitHub expressions are warnings, in environment_variables and anywhere else', () => {
    const text = `name: \${{ github.sha }}
environment_variables:
  OPENAI_KEY: \${{ secrets.OPENAI_KEY }}
tags:
  commit: \${{ github.sha }}
`;
    const { references, findings } = deployment(text);
    assert.deepEqual(references, []);
    assert.deepEqual(
      findings.map((f) => `${f.rule}/${f.severity}@${f.line}`),
      ['secret-ref-syntax/warning@1', 'secret-ref-syntax/warning@3', 'secret-ref-syntax/warning@5'],
    );
    assert.match(findings[1]?.message ?? '', /^OPENAI_KEY: `\$\{\{ secrets.OPENAI_KEY \}\}` is a GitHub Actions expression/);
    assert.match(findings[1]?.hint ?? '', /workspace connection or Key Vault/);
    assert.match(findings[2]?.message ?? '', /^tags\.commit: /);
  });
  test('unwrapped references and bare Key Vault URLs count only in environment_variables', () => {
    const text = `description: see azureml://connections/aoai/credentials/key and https://kv1.vault.azure.net/secrets/db/${V32}
tags:
  source: azureml://connections/aoai
  kv: https://kv1.vault.azure.net/secrets/db/${V32}
environment_variables:
  A: azureml://connections/aoai/credentials/key
  B: https://kv1.vault.azure.net/secrets/db/${V32}
`;
    const { findings } = deployment(text);
    assert.deepEqual(
      findings.map((f) => `${f.rule}/${f.severity}@${f.line}`),
      ['secret-ref-syntax/error@6', 'secret-ref-syntax/notice@7'],
    );
    assert.equal(findings[0]?.hint, 'Did you mean ${{azureml://connections/aoai/credentials/key}}?');
  });
  test('a malformed reference is reported once, and not collected', () => {
    const { references, findings } = deployment('environment_variables:\n  K: ${azureml://connection/aoai/credential/key}\n');
    assert.deepEqual(references, []);
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /single braces.*`connection` must be `connections`.*`credential` must be `credentials`/);
    assert.equal(findings[0]?.hint, 'Did you mean ${{azureml://connections/aoai/credentials/key}}?');
  });
  test('a quoted value with escapes is reported at the reference itself (the loader keeps the raw text)', () => {
    const text = 'environment_variables:\n  K: "x\\t${{azureml://connections/aoai}}"\n';
    const { findings } = deployment(text);
    const start = col(text, 2, '${{');
    assert.deepEqual(findings.map(brief), [`secret-ref-syntax/error@2:${start}-2:${start + '${{azureml://connections/aoai}}'.length}`]);
  });
  test('a block scalar with a trailing newline is reported at the scalar', () => {
    const { findings } = deployment('environment_variables:\n  K: |\n    ${{azureml://connections/aoai/target}}\n');
    assert.deepEqual(findings.map(brief), ['secret-ref-syntax/error@2:6-3:43']);
    assert.match(findings[0]?.message ?? '', /whitespace/);
  });
});

describe('secret-ref-placement: references outside the deployment environment_variables', () => {
  test('deployment tags, properties, description, nested fields and lists', () => {
    const text = `name: blue
description: uses \${{azureml://connections/aoai/credentials/key}}
tags:
  api_key: \${{azureml://connections/aoai/credentials/key}}
properties:
  kv: '\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}}}'
model:
  path: ./model
  description: \${{azureml://connection/aoai}}
code_configuration:
  code: ./src
  scoring_script: score.py
environment:
  image: mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest
  conda_file: env.yml
args:
  - \${{azureml://connections/aoai/target}}
environment_variables:
  OK: \${{azureml://connections/aoai/target}}
`;
    const { references, findings } = deployment(text);
    assert.deepEqual(
      references.map((r) => r.variable),
      ['OK'],
    );
    assert.deepEqual(
      findings.map((f) => `${f.rule}/${f.severity}@${f.line}:${f.column}`),
      [
        `secret-ref-placement/warning@2:${col(text, 2, '${{')}`,
        `secret-ref-placement/warning@4:${col(text, 4, '${{')}`,
        `secret-ref-placement/warning@6:${col(text, 6, '${{')}`,
        `secret-ref-placement/warning@9:${col(text, 9, '${{')}`,
        `secret-ref-placement/warning@17:${col(text, 17, '${{')}`,
      ],
    );
    assert.match(findings[1]?.message ?? '', /^tags\.api_key: secret reference in `tags\.api_key`, but the service resolves secret references only in the deployment's environment_variables/);
    assert.equal(findings[1]?.hint, 'Move it to the deployment: environment_variables: { API_KEY: ${{azureml://connections/aoai/credentials/key}} }, and read API_KEY in the container.');
    assert.match(findings[3]?.hint ?? '', /Move the reference into the deployment environment_variables/);
    assert.match(findings[4]?.message ?? '', /^args\[0\]: /);
  });
  test('an endpoint file resolves nothing', () => {
    const text = `name: my-endpoint
auth_mode: key
tags:
  key: \${{azureml://connections/aoai/credentials/key}}
environment_variables:
  K: \${{azureml://connections/aoai/credentials/key}}
`;
    const { references, findings } = scanEndpoint(load(text), 'endpoint.yml');
    assert.deepEqual(references, []);
    assert.deepEqual(
      findings.map((f) => `${f.rule}@${f.file}:${f.line}`),
      ['secret-ref-placement@endpoint.yml:4', 'secret-ref-placement@endpoint.yml:6'],
    );
    assert.match(findings[0]?.message ?? '', /an endpoint file, where the service resolves no secret references/);
  });
});

describe('describeReference and storeKey', () => {
  const at = { file: 'd.yml', line: 1, column: 1 };
  const cases: [SecretReference, string, string, string][] = [
    [{ kind: 'connection', connection: 'aoai', variable: 'AOAI', raw: '', range: at }, 'connection aoai', 'all secrets (listsecrets JSON)', 'connection:aoai'],
    [
      { kind: 'connection-credential', connection: 'AOAI', key: 'key', variable: 'K', raw: '', range: at },
      'connection AOAI',
      'credentials/key',
      'connection:aoai',
    ],
    [
      { kind: 'connection-metadata', connection: 'lc_conn', key: 'OPENAI_API_VERSION', variable: 'V', raw: '', range: at },
      'connection lc_conn',
      'metadata/OPENAI_API_VERSION',
      'connection:lc_conn',
    ],
    [{ kind: 'connection-target', connection: 'aoai', variable: 'T', raw: '', range: at }, 'connection aoai', 'target', 'connection:aoai'],
    [
      {
        kind: 'keyvault',
        vaultName: 'KV1',
        vaultHost: 'KV1.vault.azure.net',
        vaultUrl: 'https://KV1.vault.azure.net',
        cloud: 'AzureCloud',
        secretName: 'db-password',
        version: `1a2b3c4d${V32.slice(8)}`,
        secretId: '',
        variable: 'DB',
        raw: '',
        range: at,
      },
      'Key Vault KV1',
      'secret db-password, version 1a2b3c4d…',
      'keyvault:https://kv1.vault.azure.net',
    ],
    [
      {
        kind: 'keyvault',
        vaultName: 'gov',
        vaultHost: 'gov.vault.usgovcloudapi.net',
        vaultUrl: 'https://gov.vault.usgovcloudapi.net',
        cloud: 'AzureUSGovernment',
        secretName: 's',
        version: 'secretversion1',
        secretId: '',
        variable: 'S',
        raw: '',
        range: at,
      },
      'Key Vault gov (AzureUSGovernment)',
      'secret s, version secretversion1',
      'keyvault:https://gov.vault.usgovcloudapi.net',
    ],
  ];
  for (const [ref, store, target, key] of cases) {
    test(`${ref.variable}: ${store} / ${target}`, () => {
      const d = describeReference(ref);
      assert.deepEqual(d, { variable: ref.variable, store, target, display: `${ref.variable}=*** ← ${store}: ${target}` });
      assert.equal(storeKey(ref), key);
    });
  }
});
