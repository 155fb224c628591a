import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeValue,
  connectionNameProblem,
  formatReference,
  parseExactReference,
  secretNameProblem,
  vaultNameProblem,
  type ReferenceTarget,
} from './parse.ts';
import { suggestionHint } from './scan.ts';

const V32 = '0123456789abcdef0123456789abcdef';

describe('the five patterns parse exactly', () => {
  const cases: [string, Partial<ReferenceTarget> & Record<string, unknown>][] = [
    ['${{azureml://connections/aoai_connection}}', { kind: 'connection', connection: 'aoai_connection' }],
    [
      '${{azureml://connections/multi_connection_langchain/credentials/OPENAI_API_KEY}}',
      { kind: 'connection-credential', connection: 'multi_connection_langchain', key: 'OPENAI_API_KEY' },
    ],
    [
      '${{azureml://connections/multi_connection_langchain/metadata/OPENAI_API_VERSION}}',
      { kind: 'connection-metadata', connection: 'multi_connection_langchain', key: 'OPENAI_API_VERSION' },
    ],
    ['${{azureml://connections/aoai/target}}', { kind: 'connection-target', connection: 'aoai' }],
    ['${{azureml://connections/my-conn-1/credentials/key}}', { kind: 'connection-credential', connection: 'my-conn-1', key: 'key' }],
    [
      `\${{keyvault:https://kv1.vault.azure.net/secrets/db-password/${V32}}}`,
      {
        kind: 'keyvault',
        vaultName: 'kv1',
        vaultHost: 'kv1.vault.azure.net',
        vaultUrl: 'https://kv1.vault.azure.net',
        cloud: 'AzureCloud',
        secretName: 'db-password',
        version: V32,
        secretId: `https://kv1.vault.azure.net/secrets/db-password/${V32}`,
      },
    ],
    [
      `\${{keyvault:https://gov-kv.vault.usgovcloudapi.net/secrets/s/${V32}}}`,
      { kind: 'keyvault', vaultName: 'gov-kv', vaultUrl: 'https://gov-kv.vault.usgovcloudapi.net', cloud: 'AzureUSGovernment' },
    ],
    [
      `\${{keyvault:https://cn-kv.vault.azure.cn/secrets/s/${V32}}}`,
      { kind: 'keyvault', vaultName: 'cn-kv', vaultUrl: 'https://cn-kv.vault.azure.cn', cloud: 'AzureChinaCloud' },
    ],
  ];
  for (const [value, expected] of cases) {
    test(value, () => {
      const a = analyzeValue(value);
      assert.equal(a.candidate, 'wrapped');
      assert.deepEqual(a.problems, []);
      assert.ok(a.target);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual((a.target as unknown as Record<string, unknown>)[k], v, k);
      assert.equal(formatReference(a.target), value, 'round-trips');
      assert.deepEqual(parseExactReference(value), a.target);
    });
  }
});

describe('Key Vault versions', () => {
  test("the docs' own `secretversion1` is accepted with a notice", () => {
    const a = analyzeValue('${{keyvault:https://mykeyvault.vault.azure.net/secrets/secret1/secretversion1}}');
    assert.equal(a.target?.kind, 'keyvault');
    assert.deepEqual(
      a.problems.map((p) => p.severity),
      ['notice'],
    );
    assert.match(a.problems[0]?.message ?? '', /32 hexadecimal/);
  });
  test('upper-case hex is a real version', () => {
    assert.deepEqual(analyzeValue(`\${{keyvault:https://kv1.vault.azure.net/secrets/s/${V32.toUpperCase()}}}`).problems, []);
  });
  for (const latest of ['latest', 'Latest', 'LATEST']) {
    test(`\`${latest}\` is a warning, not the notice of an unusual version`, () => {
      const a = analyzeValue(`\${{keyvault:https://kv1.vault.azure.net/secrets/s/${latest}}}`);
      assert.deepEqual(
        a.problems.map((p) => [p.severity, /is not a Key Vault secret version/.test(p.message)]),
        [['warning', true]],
      );
      assert.equal(a.target?.kind === 'keyvault' && a.target.version, latest);
    });
  }
});

describe('near misses: secret-ref-syntax with the corrected reference', () => {
  const conn = '${{azureml://connections/aoai/credentials/key}}';
  const kv = `\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}}}`;
  // [value, suggested fix, a fragment of the message]
  const cases: [string, string | undefined, RegExp][] = [
    ['${{azureml://connection/aoai/credentials/key}}', conn, /`connection` must be `connections`/],
    ['${{azureml://Connections/aoai/credentials/key}}', conn, /must be `connections`/],
    ['${{azureml://connections/aoai/credential/key}}', conn, /`credential` must be `credentials`/],
    ['${{azureml://connections/aoai/secrets/key}}', conn, /`secrets` must be `credentials`/],
    ['${{azureml://connections/aoai/credentails/key}}', conn, /must be `credentials`/],
    ['${{azureml://connections/aoai/meta/version}}', '${{azureml://connections/aoai/metadata/version}}', /`meta` must be `metadata`/],
    ['${{azureml://connections/aoai/tags/version}}', '${{azureml://connections/aoai/metadata/version}}', /`tags` must be `metadata`/],
    ['${{azureml://connections/aoai/targets}}', '${{azureml://connections/aoai/target}}', /`targets` must be `target`/],
    ['${{azureml://connections/aoai/target/x}}', '${{azureml://connections/aoai/target}}', /nothing may follow `\/target`/],
    ['${{azureml://connections/aoai/api_key}}', '${{azureml://connections/aoai/credentials/api_key}}', /not a segment/],
    ['${azureml://connections/aoai/credentials/key}', conn, /single braces `\$\{…\}`/],
    ['{{azureml://connections/aoai/credentials/key}}', conn, /missing `\$`/],
    ['{azureml://connections/aoai/credentials/key}', conn, /single braces/],
    ['$${{azureml://connections/aoai/credentials/key}}', conn, /whole value/],
    ['${{{azureml://connections/aoai/credentials/key}}}', conn, /3 braces/],
    ['${{azureml://connections/aoai/credentials/key}', conn, /missing a closing `\}`/],
    ['${{azureml://connections/aoai/credentials/key', conn, /missing the closing `\}\}`/],
    ['${{ azureml://connections/aoai/credentials/key }}', conn, /no spaces inside/],
    ['${{azureml://connections/aoai/credentials/key }}', conn, /no spaces inside/],
    ['${{azureml:// connections/aoai/credentials/key}}', conn, /no spaces inside/],
    [' ${{azureml://connections/aoai/credentials/key}}', conn, /whitespace around/],
    ['${{azureml://connections/aoai/credentials/key}}\n', conn, /whitespace around/],
    ['${{azureml://connections/aoai/credentials}}', '${{azureml://connections/aoai/credentials/<credential_name>}}', /missing the credential name/],
    ['${{azureml://connections/aoai/metadata}}', '${{azureml://connections/aoai/metadata/<metadata_name>}}', /missing the metadata name/],
    ['${{azureml://connections/aoai/credentials/key/}}', conn, /trailing `\/`/],
    ['${{azureml://connections/aoai/}}', '${{azureml://connections/aoai}}', /trailing `\/`/],
    ['${{azureml://connections//aoai/credentials/key}}', conn, /empty path segment/],
    ['${{azureml://connections}}', '${{azureml://connections/<connection_name>}}', /missing connection name/],
    ['${{azureml:/connections/aoai/credentials/key}}', conn, /exactly two slashes/],
    ['${{azureml:connections/aoai/credentials/key}}', conn, /exactly two slashes/],
    ['${{azureml:///connections/aoai/credentials/key}}', conn, /exactly two slashes/],
    ['${{AzureML://connections/aoai/credentials/key}}', conn, /`AzureML:` must be lower case/],
    ['${{connections/aoai/credentials/key}}', conn, /missing the `azureml:\/\/` scheme/],
    ['azureml://connections/aoai/credentials/key', conn, /missing the `\$\{\{ … \}\}`/],
    ['Bearer ${{azureml://connections/aoai/credentials/key}}', conn, /must be the whole value/],
    ['${{azureml://connections/aoai/credentials/key}}?x=1', conn, /must be the whole value/],
    ['${{azureml://connections/aa/credentials/key}}', undefined, /connection name `aa` is not valid/],
    ['${{azureml://connections/_aoai/credentials/key}}', undefined, /connection name `_aoai` is not valid/],
    ['${{azureml://datastores/workspaceblobstore}}', undefined, /only workspace connections/],
    ['${{azureml://connections/a1b/credentials/k}}${{azureml://connections/a1b/target}}', undefined, /only one reference/],
    ['${{keyvault:https://kv1.vault.azure.net/secrets/db}}', '${{keyvault:https://kv1.vault.azure.net/secrets/db/<secret_version>}}', /missing secret version/],
    ['${{keyvault:https://kv1.vault.azure.net/secrets/db/}}', '${{keyvault:https://kv1.vault.azure.net/secrets/db/<secret_version>}}', /missing secret version/],
    [`\${{keyvault:http://kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /must use `https:`, not `http:`/],
    [`\${{keyvault:HTTPS://kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /must be lower case: `https:`/],
    [`\${{keyvault:https:/kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /must be `https:\/\/`/],
    [`\${{keyvault://kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /`keyvault:\/\/` must be `keyvault:https:\/\/`/],
    [`\${{keyvault:kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /missing `https:\/\/`/],
    [`\${{keyvault:https://kv1.vault.azure.net/keys/db/${V32}}}`, kv, /not Key Vault keys/],
    [`\${{keyvault:https://kv1.vault.azure.net/certificates/db/${V32}}}`, kv, /backing secret/],
    [`\${{keyvault:https://kv1.vault.azure.net/secret/db/${V32}}}`, kv, /`secret` must be `secrets`/],
    [`\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}/}}`, kv, /trailing `\/`/],
    [`\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}/extra}}`, kv, /unexpected `\/extra`/],
    [`\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}?api-version=7.4}}`, kv, /remove `\?api-version=7.4`/],
    [`\${{keyvault:https://kv1.vault.azure.net:443/secrets/db/${V32}}}`, kv, /remove the port/],
    [`\${{KeyVault:https://kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /`KeyVault:` must be lower case/],
    [`\${{keyvault:https://kv1.VAULT.AZURE.NET/secrets/db/${V32}}}`, kv, /lower case: `vault.azure.net`/],
    [`\${{keyvault:https://kv1.vault.azure.com/secrets/db/${V32}}}`, kv, /not a Key Vault host/],
    [`\${{keyvault:https://kv1.azure.net/secrets/db/${V32}}}`, kv, /not a Key Vault host/],
    [`\${{keyvault:https://kv1/secrets/db/${V32}}}`, kv, /`kv1` is not a Key Vault host/],
    [
      `\${{keyvault:https://kv1.vault.usgovcloudapi.us/secrets/db/${V32}}}`,
      `\${{keyvault:https://kv1.vault.usgovcloudapi.net/secrets/db/${V32}}}`,
      /not a Key Vault host/,
    ],
    [`\${{keyvault:https://kv1.managedhsm.azure.net/secrets/db/${V32}}}`, kv, /Managed HSM/],
    [`\${{https://kv1.vault.azure.net/secrets/db/${V32}}}`, kv, /missing the `keyvault:` prefix/],
    [`keyvault:https://kv1.vault.azure.net/secrets/db/${V32}`, kv, /missing the `\$\{\{ … \}\}`/],
    [`\${{ keyvault:https://kv1.vault.azure.net/secrets/db/${V32} }}`, kv, /no spaces inside/],
    [`\${{keyvault:https://1kv.vault.azure.net/secrets/db/${V32}}}`, undefined, /vault name `1kv` is not valid/],
    [`\${{keyvault:https://kv--1.vault.azure.net/secrets/db/${V32}}}`, undefined, /vault name `kv--1` is not valid/],
    [`\${{keyvault:https://kv1.vault.azure.net/secrets/db_password/${V32}}}`, undefined, /secret name `db_password` is not valid/],
  ];
  for (const [value, fix, message] of cases) {
    test(JSON.stringify(value), () => {
      const a = analyzeValue(value);
      assert.ok(a.candidate === 'wrapped' || a.candidate === 'unwrapped', `candidate: ${a.candidate}`);
      assert.equal(a.target === undefined || a.problems.some((p) => p.severity === 'error'), true);
      const errors = a.problems.filter((p) => p.severity === 'error');
      assert.ok(errors.length > 0, 'is an error');
      assert.ok(
        errors.some((p) => message.test(p.message)),
        `message ${message} in ${errors.map((p) => p.message).join(' | ')}`,
      );
      const hint = suggestionHint(a);
      if (fix === undefined) {
        assert.ok(hint === undefined || !hint.startsWith('Did you mean'), `no did-you-mean expected, got ${hint}`);
      } else {
        assert.equal(a.suggestion, fix);
        assert.equal(hint, fix.includes('<') ? `Complete the reference: ${fix}` : `Did you mean ${fix}?`);
        // The suggestion itself is a clean reference (placeholders aside).
        if (!fix.includes('<')) assert.equal(analyzeValue(fix).problems.filter((p) => p.severity === 'error').length, 0);
      }
    });
  }
});

describe('GitHub and other expressions', () => {
  const cases: [string, 'github-expression' | 'other-expression', RegExp | undefined][] = [
    ['${{ secrets.OPENAI_KEY }}', 'github-expression', /workspace connection or Key Vault/],
    ['${{secrets.OPENAI_KEY}}', 'github-expression', /workspace connection or Key Vault/],
    ["${{ secrets['OPENAI_KEY'] }}", 'github-expression', /workspace connection or Key Vault/],
    ['${{ vars.REGION }}', 'github-expression', /`set` input/],
    ['${{ github.sha }}', 'github-expression', /`set` input/],
    ['v-${{ github.run_number }}', 'github-expression', /`set` input/],
    ["${{ format('{0}', env.X) }}", 'github-expression', /`set` input/],
    ['${{foo}}', 'other-expression', undefined],
    ['${{ parent.inputs.x }}', 'other-expression', undefined],
  ];
  for (const [value, kind, hint] of cases) {
    test(value, () => {
      const a = analyzeValue(value);
      assert.equal(a.candidate, kind);
      assert.deepEqual(
        a.problems.map((p) => p.severity),
        ['warning'],
      );
      if (hint) assert.match(suggestionHint(a) ?? '', hint);
      assert.equal(a.target, undefined);
    });
  }
});

describe('plain values are never candidates', () => {
  const plain = [
    'multiplier@https://<KV_NAME>.vault.azure.net', // azureml-examples managed/keyvault: app-level convention
    'https://kv1.vault.azure.net/',
    'https://kv1.vault.azure.net',
    'https://myaoai.openai.azure.com/',
    'https://example.com/secrets/x/y',
    '${VAR}',
    '$VAR',
    '{{HUGGING_FACE_TOKEN}}', // azureml-examples template placeholder
    '{{model_base_path}}',
    'azureml:my-model:1',
    'azureml://registries/azureml/models/x/versions/1',
    'azureml://datastores/workspaceblobstore/paths/data/',
    'azureml://subscriptions/s/resourcegroups/r/workspaces/w/datastores/d/paths/p',
    'deployment.subscription_id=<subscription_id>,deployment.endpoint_name=basic-chat-endpoint',
    '/var/azureml-app/azureml-models/tfserving-mounted/1',
    'keyvault',
    'use keyvault: later',
    'connections/aoai',
    '',
    'true',
    '["answer"]',
  ];
  for (const value of plain) {
    test(JSON.stringify(value), () => {
      const a = analyzeValue(value);
      assert.equal(a.candidate, null);
      assert.deepEqual(a.problems, []);
    });
  }
  test('a whole Key Vault secret URL is only a notice, with the wrapped form as suggestion', () => {
    const a = analyzeValue(`https://kv1.vault.azure.net/secrets/db/${V32}`);
    assert.equal(a.candidate, 'keyvault-url');
    assert.deepEqual(
      a.problems.map((p) => p.severity),
      ['notice'],
    );
    assert.equal(a.suggestion, `\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}}}`);
  });
});

describe('name rules', () => {
  const cases: [(s: string) => string | undefined, string, boolean][] = [
    [connectionNameProblem, 'aoai', true],
    [connectionNameProblem, 'a_b', true],
    [connectionNameProblem, '1ab', true],
    [connectionNameProblem, 'ab', false],
    [connectionNameProblem, `a${'b'.repeat(32)}`, true],
    [connectionNameProblem, `a${'b'.repeat(33)}`, false],
    [connectionNameProblem, '-ab', false],
    [connectionNameProblem, 'a.b.c', false],
    [vaultNameProblem, 'kv1', true],
    [vaultNameProblem, 'my-vault-01', true],
    [vaultNameProblem, 'kv', false],
    [vaultNameProblem, 'k'.repeat(24), true],
    [vaultNameProblem, 'k'.repeat(25), false],
    [vaultNameProblem, '1kv', false],
    [vaultNameProblem, 'kv-', false],
    [vaultNameProblem, 'k--v', false],
    [vaultNameProblem, 'k_v', false],
    [secretNameProblem, 'a', true],
    [secretNameProblem, 'db-password-2', true],
    [secretNameProblem, 'x'.repeat(127), true],
    [secretNameProblem, 'x'.repeat(128), false],
    [secretNameProblem, 'db_password', false],
    [secretNameProblem, 'db.password', false],
  ];
  for (const [fn, name, ok] of cases) {
    test(`${fn.name}(${name.length > 20 ? `${name.slice(0, 8)}…(${name.length})` : name}) is ${ok ? 'valid' : 'invalid'}`, () => {
      assert.equal(fn(name) === undefined, ok);
    });
  }
});

describe('unwrapped references', () => {
  // [value, corrected reference]
  const cases: [string, string][] = [
    ['azureml://connections/aoai/target', '${{azureml://connections/aoai/target}}'],
    ['azureml://connection/aoai/target', '${{azureml://connections/aoai/target}}'],
    ['azureml://connection/aoai/credentials/key', '${{azureml://connections/aoai/credentials/key}}'],
    ['AzureML://Connection/aoai', '${{azureml://connections/aoai}}'],
    [`keyvault:https://kv1.vault.azure.net/secrets/db/${V32}`, `\${{keyvault:https://kv1.vault.azure.net/secrets/db/${V32}}}`],
  ];
  for (const [value, fixed] of cases) {
    test(value, () => {
      const a = analyzeValue(value);
      assert.equal(a.candidate, 'unwrapped');
      assert.equal(a.suggestion, fixed);
      assert.ok(a.problems.some((p) => p.severity === 'error' && /missing the `\$\{\{ … \}\}`/.test(p.message)));
      assert.equal(a.problems.some((p) => /must be `connections`/.test(p.message)), /connection\//i.test(value));
      assert.deepEqual([a.offset, a.length], [0, value.length]);
    });
  }
});

describe('near misses: every problem is named exactly (the message is the finding)', () => {
  const kv = (rest: string): string => `\${{keyvault:${rest}}}`;
  // [value, the exact problems, the suggestion]
  const cases: [string, string[], string | undefined][] = [
    [kv(`https://kv1.managedhsm.azure.net/secrets/db/${V32}`), ['`kv1.managedhsm.azure.net` is a Managed HSM, which holds keys, not secrets: reference a Key Vault (`<name>.vault.azure.net`)'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.example.com/secrets/db/${V32}`), ['`kv1.example.com` is not a Key Vault host: use `https://<name>.vault.azure.net` (or `.vault.usgovcloudapi.net`, `.vault.azure.cn`)'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.usgov.example/secrets/db/${V32}`), ['`kv1.vault.usgov.example` is not a Key Vault host: use `https://<name>.vault.azure.net` (or `.vault.usgovcloudapi.net`, `.vault.azure.cn`)'], kv(`https://kv1.vault.usgovcloudapi.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.example.cn/secrets/db/${V32}`), ['`kv1.vault.example.cn` is not a Key Vault host: use `https://<name>.vault.azure.net` (or `.vault.usgovcloudapi.net`, `.vault.azure.cn`)'], kv(`https://kv1.vault.azure.cn/secrets/db/${V32}`)],
    [kv(`https://kv1.VAULT.AZURE.NET/secrets/db/${V32}`), ['write the vault host suffix in lower case: `vault.azure.net`'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/keys/db/${V32}`), ['only secrets can be injected, not Key Vault keys: use `/secrets/`'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/key/db/${V32}`), ['only secrets can be injected, not Key Vault keys: use `/secrets/`'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/certificates/db/${V32}`), ["certificates cannot be referenced directly: use the certificate's backing secret, `/secrets/<name>/<version>`"], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/secret/db/${V32}`), ['`secret` must be `secrets`'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/scerets/db/${V32}`), ['`scerets` must be `secrets`'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/blobs/db/${V32}`), ['`/blobs/` must be `/secrets/`'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv('https://kv1.vault.azure.net'), ['missing `/secrets/<secret_name>/<secret_version>` after the vault host'], kv('https://kv1.vault.azure.net/secrets/<secret_name>/<secret_version>')],
    [kv('https://kv1.vault.azure.net/secrets'), ['missing secret name after `secrets/`'], kv('https://kv1.vault.azure.net/secrets/<secret_name>/<secret_version>')],
    [kv(`https://kv1.vault.azure.net/secrets/db/${V32}?api-version=7.4`), ['remove `?api-version=7.4` from the secret identifier'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net:443/secrets/db/${V32}`), ['remove the port `:443` from the vault host'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://kv1.vault.azure.net/secrets/db/${V32}/extra`), ['unexpected `/extra` after the secret version'], kv(`https://kv1.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://a.b.vault.azure.net/secrets/db/${V32}`), ['vault name `a.b` must be a single DNS label'], kv(`https://a.b.vault.azure.net/secrets/db/${V32}`)],
    [kv(`https://k1.vault.azure.net/secrets/db/${V32}`), ['vault name `k1` is not valid: 3 to 24 letters, digits or hyphens, starting with a letter, ending with a letter or digit, no consecutive hyphens'], undefined],
    [kv(`https://kv1.vault.azure.net/secrets/db_pw/${V32}`), ['secret name `db_pw` is not valid: 1 to 127 letters, digits or hyphens'], undefined],
    ['${{azureml:/connections/aoai}}', ['`azureml:/` needs exactly two slashes: `azureml://`'], '${{azureml://connections/aoai}}'],
    ['${{azureml://}}', ['missing `connections/<connection_name>`'], '${{azureml://connections/<connection_name>}}'],
    ['${{azureml://datastores/x}}', ['only workspace connections are resolved (`azureml://connections/…`), not `azureml://datastores/…`'], undefined],
    ['${{azureml://connections}}', ['missing connection name after `connections/`'], '${{azureml://connections/<connection_name>}}'],
    ['${{azureml://connections/aoai/api_key}}', ['`api_key` is not a segment: after the connection name write `/credentials/<name>`, `/metadata/<name>` or `/target`'], '${{azureml://connections/aoai/credentials/api_key}}'],
    ['${{azureml://connections/aoai/foo/bar}}', ['`foo` is not a segment: use `credentials`, `metadata` or `target`'], undefined],
    ['${{azureml://connections/aoai/target/x}}', ['nothing may follow `/target` (found `/x`)'], '${{azureml://connections/aoai/target}}'],
    ['${{azureml://connections/aoai/metadata}}', ['missing the metadata name after `metadata/`'], '${{azureml://connections/aoai/metadata/<metadata_name>}}'],
    ['${{azureml://connections/aoai/credentials/key/x}}', ['unexpected `/x` after the credential name'], '${{azureml://connections/aoai/credentials/key}}'],
    ['${{azureml://connections/aoai//target}}', ['empty path segment (`//`)'], '${{azureml://connections/aoai/target}}'],
    ['${{azureml://connections/aoai/target/}}', ['trailing `/`'], '${{azureml://connections/aoai/target}}'],
    ['${{azureml://connections/a/target}}', ['connection name `a` is not valid: 3 to 33 characters, letters, digits, `_` or `-`, starting with a letter or digit'], undefined],
  ];
  for (const [value, problems, suggestion] of cases) {
    test(value, () => {
      const a = analyzeValue(value);
      assert.deepEqual(
        a.problems.map((p) => [p.severity, p.message]),
        problems.map((m) => ['error', m]),
      );
      assert.equal(a.suggestion, suggestion);
    });
  }
});
