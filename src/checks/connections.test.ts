import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionsCheck } from './connections.ts';
import { brief, context, facts, ref } from './testkit.ts';
import type { ConnectionFacts, Lookup } from './facts.ts';

const aoai: ConnectionFacts = { name: 'aoai', authType: 'ApiKey', target: true, credentialKeys: ['key'], metadataKeys: ['ApiVersion', 'ApiType'] };
const custom: ConnectionFacts = { name: 'custom', authType: 'CustomKeys', target: false, credentialKeys: ['api_key', 'client_secret'], metadataKeys: [] };

describe('connections check', () => {
  const table: Array<{ name: string; raw: string; connections: Record<string, Lookup<ConnectionFacts>>; names?: string[]; want: string[]; status: string; message?: RegExp; hint?: RegExp }> = [
    { name: 'credential exists', raw: '${{azureml://connections/aoai/credentials/key}}', connections: { aoai: { kind: 'found', value: aoai } }, want: [], status: 'pass' },
    { name: 'connection name case-insensitive', raw: '${{azureml://connections/AOAI/credentials/key}}', connections: { aoai: { kind: 'found', value: aoai } }, want: [], status: 'pass' },
    { name: 'whole connection', raw: '${{azureml://connections/aoai}}', connections: { aoai: { kind: 'found', value: aoai } }, want: [], status: 'pass' },
    { name: 'target exists', raw: '${{azureml://connections/aoai/target}}', connections: { aoai: { kind: 'found', value: aoai } }, want: [], status: 'pass' },
    { name: 'metadata exists', raw: '${{azureml://connections/aoai/metadata/ApiVersion}}', connections: { aoai: { kind: 'found', value: aoai } }, want: [], status: 'pass' },
    {
      name: 'misspelt credential: keys listed, did you mean',
      raw: '${{azureml://connections/custom/credentials/api_kye}}', connections: { custom: { kind: 'found', value: custom } },
      want: ['connection-key-not-found@4:error'], status: 'fail', message: /has no credential api_kye\. It has: api_key, client_secret\./, hint: /Did you mean api_key\? \$\{\{azureml:\/\/connections\/custom\/credentials\/api_key\}\}/,
    },
    { name: 'credential differs in case only', raw: '${{azureml://connections/aoai/credentials/Key}}', connections: { aoai: { kind: 'found', value: aoai } }, want: ['connection-key-not-found@4:error'], status: 'fail', message: /case-sensitive/, hint: /Did you mean key\?/ },
    { name: 'no such metadata, nothing close', raw: '${{azureml://connections/aoai/metadata/deployment}}', connections: { aoai: { kind: 'found', value: aoai } }, want: ['connection-key-not-found@4:error'], status: 'fail', message: /It has: ApiVersion, ApiType\./, hint: /^Use one of the metadata keys/ },
    {
      name: 'a metadata key used as a credential: says so',
      raw: '${{azureml://connections/aoai/credentials/ApiVersion}}', connections: { aoai: { kind: 'found', value: aoai } },
      want: ['connection-key-not-found@4:error'], status: 'fail', message: /no credential ApiVersion: ApiVersion is a metadata key of the connection/, hint: /Reference it as metadata: \$\{\{azureml:\/\/connections\/aoai\/metadata\/ApiVersion\}\}/,
    },
    {
      name: 'a credential used as metadata (case differs too): says so',
      raw: '${{azureml://connections/aoai/metadata/KEY}}', connections: { aoai: { kind: 'found', value: aoai } },
      want: ['connection-key-not-found@4:error'], status: 'fail', message: /no metadata key KEY: key is a credential/, hint: /Reference it as a credential: \$\{\{azureml:\/\/connections\/aoai\/credentials\/key\}\}/,
    },
    { name: 'target on a connection without one', raw: '${{azureml://connections/custom/target}}', connections: { custom: { kind: 'found', value: custom } }, want: ['connection-key-not-found@4:error'], status: 'fail', message: /has no target/ },
    { name: 'connection missing, names listed, closest suggested', raw: '${{azureml://connections/aoia/credentials/key}}', connections: { aoia: { kind: 'missing' } }, names: ['aoai', 'search'], want: ['connection-not-found@4:error'], status: 'fail', message: /The workspace has: aoai, search\./, hint: /Did you mean aoai\?/ },
    { name: 'connection missing, no list', raw: '${{azureml://connections/zzz}}', connections: { zzz: { kind: 'missing' } }, want: ['connection-not-found@4:error'], status: 'fail', hint: /Create the connection/ },
    { name: 'unreadable: cannot-verify naming the permission', raw: '${{azureml://connections/aoai/credentials/key}}', connections: { aoai: { kind: 'unreadable', why: 'AuthorizationFailed' } }, want: ['cannot-verify@4:warning'], status: 'unknown', message: /connections\/listsecrets\/action/ },
    { name: 'not read at all: unknown, no finding', raw: '${{azureml://connections/aoai/credentials/key}}', connections: {}, want: [], status: 'unknown' },
  ];
  for (const c of table) {
    test(c.name, () => {
      const reference = ref('OPENAI_KEY', c.raw, 4);
      const out = connectionsCheck.evaluate?.(context({ references: [reference], facts: facts({ connections: c.connections, ...(c.names ? { connectionNames: c.names } : {}) }) }));
      assert.ok(out);
      assert.deepEqual(brief(out.findings), c.want);
      assert.equal(out.verdicts[0]?.status.state, c.status);
      if (c.message) assert.match(out.findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(out.findings[0]?.hint ?? '', c.hint);
      for (const f of out.findings) assert.deepEqual([f.file, f.line, f.column], ['deployment.yml', 4, 5], 'on the value of the variable');
    });
  }
  test('run() returns the findings of evaluate()', () => {
    const ctx = context({ references: [ref('K', '${{azureml://connections/x}}', 2)], facts: facts({ connections: { x: { kind: 'missing' } } }) });
    assert.deepEqual(connectionsCheck.run(ctx), connectionsCheck.evaluate?.(ctx).findings);
  });
});
