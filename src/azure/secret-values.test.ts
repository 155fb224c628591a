// Secret values the run holds are masks the moment they arrive: a listsecrets answer's credentials
// (every leaf, CustomKeys included) become ::add-mask:: commands and report redactions; short
// values and the answer's non-secret fields do not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConnection } from './ml.ts';
import type { ArmClient } from './rest.ts';
import { heldSecretValues, holdSecretValues } from './secret-values.ts';

function captureStdout<T>(fn: () => Promise<T>): Promise<{ value: T; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  return fn().then(
    (value) => ((process.stdout.write = write), { value, out }),
    (error: unknown) => {
      process.stdout.write = write;
      throw error;
    },
  );
}

describe('secret values are masks the moment they arrive', () => {
  it('a listsecrets answer: every credential value, not the target or the key names', async () => {
    const body = { name: 'aoai', properties: { authType: 'CustomKeys', target: 'https://aoai.example', credentials: { keys: { api_key: 'conn-secret-value-1', other: 'conn-secret-value-2' } }, metadata: { api_version: '2024-02-01' } } };
    const arm = { send: async () => ({ status: 200, headers: {}, body }) } as unknown as ArmClient;
    const { value, out } = await captureStdout(() => readConnection({ arm, subscriptionId: 's', workspacePath: '/ws' }, 'aoai'));
    assert.equal(value.kind, 'found');
    for (const secret of ['conn-secret-value-1', 'conn-secret-value-2']) {
      assert.match(out, new RegExp(`::add-mask::${secret}`));
      assert.ok(heldSecretValues().includes(secret));
    }
    assert.ok(!heldSecretValues().includes('https://aoai.example'));
    assert.ok(!heldSecretValues().includes('api_key'));
  });

  const cases: Array<[string, unknown, string[], string[]]> = [
    ['nested objects and arrays', { a: ['nested-secret-a', { b: 'nested-secret-b' }] }, ['nested-secret-a', 'nested-secret-b'], []],
    ['values under the minimum length are not masks', { pin: 'abc', n: 1234 }, [], ['abc']],
  ];
  for (const [name, input, held, notHeld] of cases) {
    it(name, async () => {
      const { out } = await captureStdout(async () => holdSecretValues(input));
      for (const v of held) {
        assert.ok(heldSecretValues().includes(v));
        assert.match(out, new RegExp(`::add-mask::${v}`));
      }
      for (const v of notHeld) assert.ok(!heldSecretValues().includes(v));
    });
  }
});
