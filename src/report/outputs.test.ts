import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armIdentifiers, type ReadBack, type RunReport } from './model.ts';
import { buildOutputs } from './outputs.ts';

const EP = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep';

function report(readBack: ReadBack | undefined, deploymentNames: string[] = ['blue']): RunReport {
  return { mode: 'deploy', failOn: 'error', files: [], findings: [], references: [], plan: { requests: [], assets: [] }, written: 'all', timeline: [], deploymentNames, notes: [], ...(readBack ? { readBack } : {}) };
}

describe('outputs people chain on', () => {
  // [name, ARM GET body of the endpoint, ids read from it]
  const bodies: [string, Record<string, unknown> | undefined, ReturnType<typeof armIdentifiers>][] = [
    ['system-assigned', { id: EP, identity: { type: 'SystemAssigned', principalId: 'p-sai' } }, { endpointId: EP, principalId: 'p-sai' }],
    ['system and user-assigned: the system one', { id: EP, identity: { type: 'SystemAssigned,UserAssigned', principalId: 'p-sai', userAssignedIdentities: { '/u1': { principalId: 'p-u1' } } } }, { endpointId: EP, principalId: 'p-sai' }],
    ['one user-assigned identity', { id: EP, identity: { type: 'UserAssigned', userAssignedIdentities: { '/u1': { principalId: 'p-u1', clientId: 'c' } } } }, { endpointId: EP, principalId: 'p-u1' }],
    ['two user-assigned identities: no single principal', { id: EP, identity: { type: 'UserAssigned', userAssignedIdentities: { '/u1': { principalId: 'p-u1' }, '/u2': { principalId: 'p-u2' } } } }, { endpointId: EP }],
    ['no identity, empty id', { id: '', identity: { type: 'None' } }, {}],
    ['no body', undefined, {}],
  ];
  for (const [name, body, expected] of bodies) it(`armIdentifiers: ${name}`, () => assert.deepEqual(armIdentifiers(body), expected));

  it('endpoint-id, deployment-id (per deployment, in order) and endpoint-principal-id', () => {
    const outputs = buildOutputs(report({ endpointId: EP, principalId: 'p-sai' }, ['blue', 'green']));
    assert.equal(outputs['endpoint-id'], EP);
    assert.equal(outputs['deployment-id'], `${EP}/deployments/blue,${EP}/deployments/green`);
    assert.equal(outputs['endpoint-principal-id'], 'p-sai');
  });
  it('nothing read back (lint, or a validate of a new endpoint): none of them is set', () => {
    for (const r of [report(undefined), report({ scoringUri: 'https://x' })]) {
      const outputs = buildOutputs(r);
      assert.deepEqual(['endpoint-id', 'deployment-id', 'endpoint-principal-id'].filter((k) => k in outputs), []);
    }
  });
});
