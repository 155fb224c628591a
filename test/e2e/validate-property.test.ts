// Property: validate says "no error" exactly when the emulator's own deployment creation succeeds.
// Worlds are generated (endpoint identity, its roles, connection key spelling, vault permission
// model, secret version state); in each, `node dist/index.js` runs validate, then the test sends the
// deployment PUT from validate's plan straight to the emulator's ARM, as `az ml` would, and follows
// the long-running operation. PROPERTY_SEED and PROPERTY_WORLDS change the sample.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, type Emu } from '../emulator/harness.ts';
import { CONN, EP_SAI_PRINCIPAL, KV, armAs, deploymentYaml, grant, plannedPuts, putAndWait, runValidate, startWorld } from './validate-world.ts';
import { seededRandom as random } from '../fixtures/random.ts';

const BARE_UAI_PRINCIPAL = '2d000000-0000-4000-8000-000000000002';
const VERSIONS = { current: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3', disabled: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', missing: '0123456789abcdef0123456789abcdef' } as const;

interface World {
  identity: 'system' | 'user';
  connectionRole: boolean;
  keyVaultRole: boolean;
  platformRoles: boolean;
  keySpelledRight: boolean;
  vault: 'val-kv' | 'legacy-kv';
  version: keyof typeof VERSIONS;
}

function generate(rand: () => number): World {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Most worlds should be close to passing, or every world fails for many reasons at once.
  const likely = () => rand() < 0.75;
  return {
    identity: pick(['system', 'user'] as const),
    connectionRole: likely(),
    keyVaultRole: likely(),
    platformRoles: likely(),
    keySpelledRight: likely(),
    vault: rand() < 0.85 ? 'val-kv' : 'legacy-kv',
    version: rand() < 0.8 ? 'current' : pick(['disabled', 'missing'] as const),
  };
}

const SEED = Number(process.env.PROPERTY_SEED ?? 20261130);
const COUNT = Number(process.env.PROPERTY_WORLDS ?? 14);

describe(`validate agrees with the emulator's deployment creation (seed ${SEED}, ${COUNT} worlds)`, () => {
  let emu: Emu;
  before(async () => {
    emu = await startWorld();
  });
  after(async () => {
    await emu.stop();
  });

  const rand = random(SEED);
  const worlds = Array.from({ length: COUNT }, () => generate(rand));
  // Always include the all-good world and the done-when world, whatever the seed.
  worlds.unshift(
    { identity: 'system', connectionRole: true, keyVaultRole: true, platformRoles: true, keySpelledRight: true, vault: 'val-kv', version: 'current' },
    { identity: 'system', connectionRole: true, keyVaultRole: false, platformRoles: true, keySpelledRight: false, vault: 'val-kv', version: 'current' },
  );
  let verdicts = { pass: 0, fail: 0 };

  for (const [i, world] of worlds.entries()) {
    it(`world ${i}: ${JSON.stringify(world)}`, async () => {
      await admin(emu, 'POST', '/reset');
      const principal = world.identity === 'system' ? EP_SAI_PRINCIPAL : BARE_UAI_PRINCIPAL;
      if (world.connectionRole) await grant(emu, principal, 'Azure Machine Learning Workspace Connection Secrets Reader', 'workspace');
      if (world.keyVaultRole) await grant(emu, principal, 'Key Vault Secrets User', `keyvault:${world.vault}`);
      if (world.identity === 'user' && world.platformRoles) {
        await grant(emu, principal, 'AcrPull', 'registry');
        await grant(emu, principal, 'Storage Blob Data Reader', 'storage');
      }
      const secret = world.vault === 'val-kv' ? 'db-password' : 'legacy-secret';
      const version = world.vault === 'val-kv' ? VERSIONS[world.version] : world.version === 'current' ? 'f6f6f6f6f6f6f6f6f6f6f6f6f6f6f6f6' : VERSIONS[world.version];
      const deployment = deploymentYaml({
        endpoint: world.identity === 'system' ? 'ep-sai' : 'ep-uai-bare',
        env: { KEY: CONN(`keys_connection/credentials/${world.keySpelledRight ? 'OPENAI_API_KEY' : 'OPENAI_KEY'}`), DB: KV(world.vault, secret, version) },
      });

      const run = await runValidate(emu, { deployment });
      const errors = run.annotations.filter((a) => a.command === 'error' && a.properties.file).map((a) => a.properties.title);
      const [put] = plannedPuts(run);
      assert.ok(put, 'validate plans the deployment PUT even when it finds errors');
      const created = await putAndWait(armAs(emu), put.path, put.body);

      const validateSaysOk = errors.length === 0;
      const emulatorSaysOk = created.status === 'Succeeded';
      if (validateSaysOk) verdicts.pass++;
      else verdicts.fail++;
      assert.equal(
        validateSaysOk,
        emulatorSaysOk,
        `validate: ${validateSaysOk ? 'no error' : errors.join('; ')} — emulator: ${created.status} ${created.code ?? ''} ${created.message ?? ''}`,
      );
      assert.equal(run.code, validateSaysOk ? 0 : 1);
    });
  }

  it('the sample has worlds on both sides', () => {
    assert.ok(verdicts.pass > 0 && verdicts.fail > 0, JSON.stringify(verdicts));
    verdicts = { pass: 0, fail: 0 };
  });
});
