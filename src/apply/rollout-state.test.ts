import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseState, serializeState, type RolloutState } from './rollout-state.ts';
import { traceTags, withTraceTags } from './trace-tags.ts';

describe('rollout state', () => {
  const state: RolloutState = {
    version: 1, status: 'inProgress', endpointPath: '/subscriptions/s/…/onlineEndpoints/ep', apiVersion: '2026-09-01', endpointName: 'ep',
    body: { location: 'eastus', properties: { authMode: 'Key' } }, previous: { traffic: { blue: 100 }, mirrorTraffic: {} }, startedAt: '2026-01-01T00:00:00Z',
  };
  it('round-trips', () => assert.deepEqual(parseState(serializeState(state)), state));
  it('round-trips the maps asked for', () => {
    const withWritten = { ...state, written: [{ traffic: { blue: 90, green: 10 }, mirrorTraffic: {} }] };
    assert.deepEqual(parseState(serializeState(withWritten)), withWritten);
  });
  const damaged: [string, string][] = [['empty', ''], ['not JSON', '{'], ['other version', JSON.stringify({ ...state, version: 2 })], ['traffic not numbers', JSON.stringify({ ...state, previous: { traffic: { blue: '100' }, mirrorTraffic: {} } })], ['written not maps', JSON.stringify({ ...state, written: [{ traffic: { blue: 'x' }, mirrorTraffic: {} }] })]];
  for (const [name, text] of damaged) it(`ignores ${name}`, () => assert.equal(parseState(text), undefined));
});

describe('trace tags', () => {
  it('names repository, commit, workflow and run', () => {
    const tags = traceTags({ GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc', GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/d.yml@refs/heads/main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' });
    assert.deepEqual(tags, {
      'deployed-by': 'azureml-online-deploy', 'github.repository': 'o/r', 'github.commit': 'abc', 'github.workflow': 'o/r/.github/workflows/d.yml@refs/heads/main', 'github.run': 'https://github.com/o/r/actions/runs/7/attempts/2',
    });
    assert.deepEqual(withTraceTags({ tags: { team: 'ml', 'deployed-by': 'me' } }, tags).tags, { ...tags, team: 'ml', 'deployed-by': 'me' });
  });
});
