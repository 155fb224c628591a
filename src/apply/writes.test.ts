// writeLro: a busy resource's 409 ("… is in Updating provisioning state", another operation started
// after the check) is waited out and the PUT sent again (docs/rollout.md §1); other 409s are final.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armError, fakeClock, FakeEndpoint } from '../../test/fixtures/fake-endpoint.ts';
import { ApplyLog, writeLro } from './writes.ts';

const put = { method: 'PUT' as const, path: '/x/onlineEndpoints/ep/deployments/green', apiVersion: 'v', body: { properties: { traffic: {} } } };

describe('writeLro and a 409', () => {
  const cases: Array<[string, string, 'succeeded' | 'failed', number]> = [
    ['a deployment PUT on an endpoint in Updating state waits and is sent again', 'Cannot create a deployment in endpoint ep because it is in Updating provisioning state.', 'succeeded', 3],
    ['a deployment still in its own operation waits too', 'Deployment green is in state Updating; wait until the current operation finishes.', 'succeeded', 3],
    ['a conflict that waiting cannot fix is final', 'A deployment named green already exists with another compute type.', 'failed', 1],
  ];
  for (const [name, message, kind, sends] of cases) {
    it(name, async () => {
      const ep = new FakeEndpoint({});
      ep.putFault = (n) => (n <= 2 ? armError(409, 'UserError', message) : undefined);
      const clock = fakeClock();
      const log = new ApplyLog([]);
      const outcome = await writeLro(ep.session, log, put, 'Deployment green', clock.now() + 60_000, { clock });
      assert.equal(outcome.kind, kind);
      assert.equal(ep.asked.length, sends);
      assert.equal(log.writes, kind === 'succeeded' ? 1 : 0);
    });
  }
});
