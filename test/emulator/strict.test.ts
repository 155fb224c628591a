// At least as strict as Azure (issue 16): each case failed on the emulator before it followed the recordings and docs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { API, deploymentBody, mlClient, putAndPoll, raw } from './ml-test-client.ts';
import type { Json } from './ml-test-client.ts';

describe('strict as Azure', () => {
  let emu: Emu;
  const ep = (name = 'existing-ep'): string => `${wsPath(emu)}/onlineEndpoints/${name}?api-version=${API}`;
  const dep = (name: string, endpoint = 'existing-ep'): string => `${wsPath(emu)}/onlineEndpoints/${endpoint}/deployments/${name}?api-version=${API}`;
  const logs = (name: string, body: Json): ReturnType<typeof raw> => raw(mlClient(emu), 'POST', `${wsPath(emu)}/onlineEndpoints/existing-ep/deployments/${name}/getLogs?api-version=${API}`, body);
  const code = (r: { body: Json }): string => String((r.body['error'] as Json | undefined)?.['code']);
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  it('an operation nobody polls still ends with wall-clock time (recorded: Azure finishes on its own)', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 1, durationMs: 100 } });
    const put = await raw(mlClient(emu), 'PUT', dep('unpolled'), deploymentBody(emu, {}));
    assert.equal(put.status, 201);
    assert.equal((put.body['properties'] as Json)['provisioningState'], 'Updating'); // recorded: a new deployment's 201 says Updating
    await new Promise((r) => setTimeout(r, 2500)); // duration + one poll allowance, no request in between
    const st = await admin<{ operations: { resourceId: string; status: string }[] }>(emu, 'GET', '/state');
    assert.equal(st.body.operations.find((o) => o.resourceId.endsWith('/deployments/unpolled'))?.status, 'Succeeded');
    await admin(emu, 'PATCH', '/knobs', { lro: { durationMs: 0 } });
  });

  it('realistic profile: durations in Azure\'s recorded proportions, no Retry-After, polls do not decide', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { profile: 'realistic', realisticScale: 0.001, pollsBeforeDone: 5 } });
    const { put, final } = await putAndPoll(mlClient(emu), ep('real-ep'), { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } }, 400);
    assert.equal(put.headers['retry-after'], undefined);
    assert.equal(final['status'], 'Succeeded');
    await admin(emu, 'PATCH', '/knobs', { lro: { profile: 'fast', pollsBeforeDone: 1 } });
  });

  it('an endpoint update answers 201 with the traffic and tags it held, Updating; the new ones hold once it has ended (recorded)', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 1, durationMs: 300 } });
    try {
      const client = mlClient(emu);
      const live = (await raw(client, 'GET', ep())).body as { location: string; identity: Json; tags?: Record<string, string>; properties: Json };
      const body = (traffic: Record<string, number>, tags: Record<string, string>) => ({ location: live.location, identity: { type: (live.identity as { type: string }).type }, tags, properties: { authMode: live.properties['authMode'], traffic } });
      const before = live.tags ?? {};
      const { put, final } = await putAndPoll(client, ep(), body({ blue: 0 }, { ...before, owner: 'ops' }), 100);
      assert.equal(put.status, 201);
      const answered = put.body as { tags?: Record<string, string>; properties: Json };
      assert.deepEqual([answered.properties['provisioningState'], answered.properties['traffic'], answered.tags?.['owner']], ['Updating', { blue: 100 }, undefined], 'the 201 body shows what the endpoint held');
      assert.equal(final['status'], 'Succeeded');
      const after = (await raw(client, 'GET', ep())).body as { tags?: Record<string, string>; properties: Json };
      assert.deepEqual([after.properties['traffic'], after.tags?.['owner']], [{ blue: 0 }, 'ops']);
      await putAndPoll(client, ep(), body({ blue: 100 }, before), 100);
    } finally {
      await admin(emu, 'PATCH', '/knobs', { lro: { durationMs: 0 } });
    }
  });

  it('getLogs: an invalid containerType is refused; a container that never ran has no logs yet (try again later)', async () => {
    assert.equal((await logs('blue', { containerType: 'Sidecar', tail: 10 })).status, 400);
    assert.equal((await logs('blue', { containerType: 'InferenceServer', tail: 10 })).status, 200);
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 3 } });
    assert.equal((await raw(mlClient(emu), 'PUT', dep('starting'), deploymentBody(emu, {}))).status, 201);
    const early = await logs('starting', { containerType: 'InferenceServer' });
    assert.equal(early.status, 400);
    assert.match(String((early.body['error'] as Json)['message']), /try again later/);
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 1 } });
  });

  it('documented limits: request timeout ≤ 180 s, ≤ 50 instances, names start with a letter', async () => {
    const body = deploymentBody(emu, {}) as { sku: Json; properties: Json };
    assert.equal((await raw(mlClient(emu), 'PUT', dep('slow'), { ...body, properties: { ...body.properties, requestSettings: { requestTimeout: 'PT181S' } } })).status, 400);
    assert.equal((await raw(mlClient(emu), 'PUT', dep('many'), { ...body, sku: { name: 'Default', capacity: 51 } })).status, 400);
    assert.equal((await raw(mlClient(emu), 'PUT', dep('1abc'), body)).status, 400);
  });

  it('a missing endpoint is ARM\'s ResourceNotFound; ML errors spell innerError', async () => {
    const missing = await raw(mlClient(emu), 'GET', ep('no-such-ep'));
    assert.equal(missing.status, 404);
    assert.equal(code(missing), 'ResourceNotFound');
    const bad = await raw(mlClient(emu), 'PUT', dep('1abc'), deploymentBody(emu, {}));
    assert.ok((bad.body['error'] as Json)['innerError'], JSON.stringify(bad.body));
    assert.equal((bad.body['error'] as Json)['innererror'], undefined);
  });

  it('traffic to a deployment being deleted is refused', async () => {
    const created = await putAndPoll(mlClient(emu), dep('leaving'), deploymentBody(emu, {}));
    assert.equal(created.final['status'], 'Succeeded');
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 5 } });
    assert.equal((await raw(mlClient(emu), 'DELETE', dep('leaving'))).status, 202);
    const shift = await raw(mlClient(emu), 'PUT', ep(), { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic: { blue: 50, leaving: 50 } } });
    assert.equal(shift.status, 400);
    assert.match(String((shift.body['error'] as Json)['message']), /being deleted/);
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 1 } });
  });

  it('a deployment that receives mirrored traffic cannot be deleted (assumed, as for live traffic)', async () => {
    assert.equal((await putAndPoll(mlClient(emu), dep('shadow'), deploymentBody(emu, {}))).final['status'], 'Succeeded');
    const body = (mirror: Record<string, number>) => ({ location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic: { blue: 100 }, mirrorTraffic: mirror } });
    assert.equal((await putAndPoll(mlClient(emu), ep(), body({ shadow: 10 }))).final['status'], 'Succeeded');
    const refused = await raw(mlClient(emu), 'DELETE', dep('shadow'));
    assert.equal(refused.status, 400);
    assert.match(String((refused.body['error'] as Json)['message']), /10% of the mirrored traffic/);
    assert.equal((await putAndPoll(mlClient(emu), ep(), body({}))).final['status'], 'Succeeded');
    assert.equal((await raw(mlClient(emu), 'DELETE', dep('shadow'))).status, 202);
  });

  it("deleting an endpoint deletes its deployments: they are Deleting with it, then gone (the docs: 'deletes the endpoint and all the underlying deployments')", async () => {
    const endpoint = { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } };
    const made = await putAndPoll(mlClient(emu), ep('going-ep'), endpoint);
    assert.equal(made.final['status'], 'Succeeded', JSON.stringify(made.put));
    assert.equal((await putAndPoll(mlClient(emu), dep('dep1', 'going-ep'), deploymentBody(emu, {}))).final['status'], 'Succeeded');
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 5 } });
    assert.equal((await raw(mlClient(emu), 'DELETE', ep('going-ep'))).status, 202);
    const during = await raw(mlClient(emu), 'GET', dep('dep1', 'going-ep'));
    assert.equal((during.body['properties'] as Json)['provisioningState'], 'Deleting');
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 1 } });
    let gone = 0;
    for (let i = 0; i < 20 && !gone; i++) {
      const r = await raw(mlClient(emu), 'GET', ep('going-ep'));
      if (r.status === 404) gone = r.status;
      else await new Promise((res) => setTimeout(res, 200));
    }
    assert.equal(gone, 404, 'the endpoint is gone');
    assert.equal((await raw(mlClient(emu), 'GET', dep('dep1', 'going-ep'))).status, 404, 'and its deployment with it');
  });
});
