// A foreign client keeps the emulator honest: test/fixtures/foreign/azure-ai-ml-1.4.0.json is what azure-ai-ml (the
// SDK behind `az ml`) sent while it read a model, created an endpoint and a deployment, read them back, moved
// traffic, invoked and deleted (regenerate with test/emulator/foreign/azure_ai_ml_roundtrip.py). Replayed here
// without Python: its api-versions are accepted, its bodies produce the statuses it saw, and the fields it reads
// without a None check (deployment scaleSettings / requestSettings / probes, model flavors) are in the GETs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkApiVersion } from './api-versions.ts';
import { credential, scenarioPath, spawnEmulator, useEmulator } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';

interface Recorded { method: string; path: string; apiVersion: string; status: number; body: Record<string, unknown> | null }
const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/foreign/azure-ai-ml-1.4.0.json', import.meta.url)), 'utf8')) as { sdk: string; requests: Recorded[]; parsed: Record<string, unknown> };
type Json = Record<string, unknown>;

describe(`foreign client replay (${fixture.sdk})`, () => {
  let emu: Emu;
  let auth: Record<string, string>;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
    auth = { Authorization: `Bearer ${(await credential(emu).getToken('https://management.azure.com/.default')).token}`, 'Content-Type': 'application/json' };
  });
  after(() => emu.stop());

  it('the SDK parsed every GET (the run recorded what it read)', () => {
    assert.equal(fixture.parsed['deployment.scale_settings.type'], 'default');
    assert.equal(fixture.parsed['deployment.request_settings.request_timeout_ms'], 5000);
    assert.match(String(fixture.parsed['endpoint.scoring_uri']), /^https:\/\/py-ep\.eastus\.inference\.ml\.azure\.com\/score$/);
  });

  it('every api-version it sent is accepted for the resource type it sent it to', () => {
    const versions = new Set<string>();
    for (const r of fixture.requests) {
      const verdict = checkApiVersion(r.path.split('/').filter(Boolean), r.apiVersion, 'eastus');
      assert.ok(verdict.ok, `${r.method} ${r.path} api-version=${r.apiVersion}`);
      versions.add(r.apiVersion);
    }
    assert.deepEqual([...versions].sort(), ['2022-02-01-preview', '2022-05-01', '2022-10-01-preview']);
  });

  it('replaying its requests gives the statuses it saw, and the GETs carry the fields it reads unconditionally', async () => {
    const url = (r: Recorded): string => `https://management.azure.com${r.path}?api-version=${r.apiVersion}`;
    for (const r of fixture.requests) {
      if (r.path.includes('{id}')) continue; // operation status URLs: random ids, polled through the resource GET instead
      const res = await proxyFetch(emu, url(r), { method: r.method, headers: auth, body: r.body ? JSON.stringify(r.body) : undefined });
      // The fixture was captured against the emulator before it followed the Azure recording (test/fixtures/recorded):
      // Azure answers a PUT on an existing endpoint 201, not 200.
      const expected = r.method === 'PUT' && /\/onlineEndpoints\/[^/]+$/i.test(r.path) && r.status === 200 ? 201 : r.status;
      assert.equal(res.status, expected, `${r.method} ${r.path}`);
      if (r.method === 'DELETE') break;
      if (r.method === 'PUT') for (let i = 0; i < 3; i++) await proxyFetch(emu, url(r), { headers: auth }); // a GET is a poll
      if (r.method !== 'GET') continue;
      const body = JSON.parse(res.body) as Json;
      const props = body['properties'] as Json;
      if (/\/deployments\/[^/]+$/.test(r.path)) {
        assert.equal((props['scaleSettings'] as Json)['scaleType'], 'Default', r.path);
        for (const k of ['requestSettings', 'livenessProbe', 'readinessProbe']) assert.equal(typeof props[k], 'object', `${r.path} ${k}`);
      }
      if (/\/models\/[^/]+\/versions\/[^/]+$/.test(r.path)) assert.deepEqual(props['flavors'], {}, r.path);
    }
  });
});
