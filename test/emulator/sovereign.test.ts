// Sovereign clouds: an endpoint created through a government or China ARM host gets that cloud's scoring host,
// a vault read through it that cloud's vaultUri, and both hosts answer; a scenario's `cloud` sets the seeded
// endpoints' scoring host.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientAssertionCredential } from '@azure/identity';
import { admin, githubIdToken, scenarioPath, spawnEmulator, useEmulator } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';
import { parseReference } from './secret-injection.ts';

const API = '2026-09-01';
const CLOUDS = [
  { name: 'US Government', login: 'https://login.microsoftonline.us', arm: 'https://management.usgovcloudapi.net', vault: 'vault.usgovcloudapi.net', scoring: 'inference.ml.azure.us' },
  { name: 'China', login: 'https://login.chinacloudapi.cn', arm: 'https://management.chinacloudapi.cn', vault: 'vault.azure.cn', scoring: 'inference.ml.azure.cn' },
];
type Json = Record<string, unknown>;

describe('sovereign clouds', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  const tokenFor = async (login: string, resource: string): Promise<string> =>
    (await new ClientAssertionCredential(emu.inputs['tenant-id'] ?? '', emu.inputs['client-id'] ?? '', () => githubIdToken(emu), { authorityHost: login }).getToken(`${resource}/.default`)).token;
  const rg = (): string => `/subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourceGroups/demo-rg`;

  for (const c of CLOUDS) {
    it(`${c.name}: an endpoint PUT through that cloud's ARM host has its scoringUri on *.${c.scoring}, which scores (cloud of the request: assumed)`, async () => {
      const auth = { Authorization: `Bearer ${await tokenFor(c.login, c.arm)}`, 'Content-Type': 'application/json' };
      const name = `sov-${c.scoring.split('.').at(-1) ?? ''}`;
      const url = `${c.arm}${rg()}/providers/Microsoft.MachineLearningServices/workspaces/demo-ws/onlineEndpoints/${name}?api-version=${API}`;
      const put = await proxyFetch(emu, url, { method: 'PUT', headers: auth, body: JSON.stringify({ location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } }) });
      assert.equal(put.status, 201);
      let get: Json = {};
      for (let i = 0; i < 4; i++) get = JSON.parse((await proxyFetch(emu, url, { headers: auth })).body) as Json;
      const props = get['properties'] as Json;
      assert.equal(props['scoringUri'], `https://${name}.eastus.${c.scoring}/score`);
      assert.equal(props['swaggerUri'], `https://${name}.eastus.${c.scoring}/swagger.json`);
      const keys = JSON.parse((await proxyFetch(emu, url.replace('?', '/listKeys?'), { method: 'POST', headers: auth })).body) as { primaryKey: string };
      // No deployment yet: the scoring host answers (404 "No valid deployments"), so it is served, not a DNS miss.
      const score = await proxyFetch(emu, String(props['scoringUri']), { method: 'POST', headers: { Authorization: `Bearer ${keys.primaryKey}`, 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(score.status, 404);
      assert.match(score.body, /No valid deployments/);
    });

    it(`${c.name}: a vault read through that ARM host has vaultUri https://{name}.${c.vault}/, and the data plane answers there (cloud of the request: assumed)`, async () => {
      const arm = { Authorization: `Bearer ${await tokenFor(c.login, c.arm)}` };
      const vault = JSON.parse((await proxyFetch(emu, `${c.arm}${rg()}/providers/Microsoft.KeyVault/vaults/demo-kv?api-version=2026-04-01`, { headers: arm })).body) as { properties: { vaultUri: string } };
      assert.equal(vault.properties.vaultUri, `https://demo-kv.${c.vault}/`);
      const challenge = await proxyFetch(emu, `${vault.properties.vaultUri}secrets/db-password/versions?api-version=2025-07-01`);
      assert.equal(challenge.status, 401);
      assert.match(challenge.headers['www-authenticate'] ?? '', new RegExp(`resource="https://${c.vault.replace(/\./g, '\\.')}"`));
    });
  }

  it('Key Vault references on a sovereign vault host resolve like public ones (assumed: the docs show only *.vault.azure.net)', () => {
    for (const c of CLOUDS) {
      assert.deepEqual(parseReference(`\${{keyvault:https://kv1.${c.vault}/secrets/db/0a1b2c3d4e5f40718293a4b5c6d7e8f9}}`), { kind: 'keyvault', vault: 'kv1', secret: 'db', version: '0a1b2c3d4e5f40718293a4b5c6d7e8f9' });
    }
    assert.equal(parseReference('${{keyvault:https://kv1.vault.example.com/secrets/db/0a1b}}'), undefined);
  });

  it('a scenario with cloud: AzureUSGovernment seeds endpoints with *.inference.ml.azure.us scoring hosts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-sov-'));
    try {
      const file = join(dir, 'gov.yml');
      writeFileSync(file, `cloud: AzureUSGovernment\n${readFileSync(scenarioPath('demo.yml'), 'utf8')}`);
      const gov = await spawnEmulator(file);
      try {
        const st = await admin<{ onlineEndpoints: { name: string; properties: { scoringUri: string } }[] }>(gov, 'GET', '/state');
        assert.equal(st.body.onlineEndpoints.find((e) => e.name === 'existing-ep')?.properties.scoringUri, 'https://existing-ep.eastus.inference.ml.azure.us/score');
      } finally {
        await gov.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
