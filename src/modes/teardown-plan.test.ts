// The teardown plan (docs/teardown.md), table-driven: what mode: delete deletes for each combination
// of files and live state — an endpoint with its deployments, deployments only, serving or idle,
// forced or not, already gone, unreadable — and the traffic a forced delete moves first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../analyze.ts';
import type { LiveDeploymentFacts, LiveEndpointFacts, Lookup, PermissionFacts } from '../checks/facts.ts';
import { comparePlans } from './approved-plan.ts';
import { planTeardown, withoutDeployment, type TeardownInput } from './teardown-plan.ts';

const ENDPOINT = 'name: pr-7-shop\nauth_mode: key\n';
const deployment = (name: string) => `name: ${name}\nendpoint_name: pr-7-shop\nmodel: azureml:m:1\nenvironment: azureml:e:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`;
const WS = { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws', location: 'eastus' };
const EP_PATH = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/pr-7-shop';

function specs(files: { endpoint?: boolean; deployments?: string[] }) {
  const source = (displayPath: string, text: string) => ({ displayPath, dir: '/work/ml', text });
  const a = analyze({
    endpoint: files.endpoint ? source('ml/endpoint.yml', ENDPOINT) : undefined,
    deployments: (files.deployments ?? []).map((d) => source(`ml/${d}.yml`, deployment(d))),
    overrides: [],
    fs: { exists: () => 'file' },
    unknownTrafficSeverity: 'notice',
  });
  assert.deepEqual(a.findings.filter((f) => f.severity === 'error'), [], 'the files are clean');
  return { endpoint: a.endpoint, endpointName: 'pr-7-shop', deployments: a.deployments };
}

type Live = { traffic?: Record<string, number>; mirror?: Record<string, number>; deployments?: string[]; state?: string };
function found(live: Live): TeardownInput['facts'] {
  const endpoint: Lookup<LiveEndpointFacts> = {
    kind: 'found',
    value: { name: 'pr-7-shop', provisioningState: live.state ?? 'Succeeded', identity: { type: 'SystemAssigned', userAssigned: {} } as unknown as LiveEndpointFacts['identity'], traffic: live.traffic ?? {}, mirrorTraffic: live.mirror ?? {}, properties: {}, body: { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic: live.traffic ?? {}, mirrorTraffic: live.mirror ?? {} } } },
  };
  const deployments: Lookup<Record<string, LiveDeploymentFacts>> = { kind: 'found', value: Object.fromEntries((live.deployments ?? []).map((n) => [n, { name: n, provisioningState: 'Succeeded', body: {} }])) };
  return { endpoint, deployments };
}
const MISSING: TeardownInput['facts'] = { endpoint: { kind: 'missing' }, deployments: { kind: 'missing' } };
const UNREADABLE: TeardownInput['facts'] = { endpoint: { kind: 'unreadable', why: 'GET …/onlineEndpoints/pr-7-shop failed: 500 InternalServerError' }, deployments: { kind: 'unreadable', why: '500' } };

interface Case {
  name: string;
  files: { endpoint?: boolean; deployments?: string[] };
  facts: TeardownInput['facts'];
  force?: boolean;
  mode?: 'validate' | 'delete';
  /** `change kind name` per request, in order. */
  requests: string[];
  /** `rule severity` per finding. */
  findings: string[];
  changes: boolean;
  /** The planned traffic step, `before → after` (live maps). */
  traffic?: string;
  diff?: RegExp;
}

const map = (m: Record<string, number>) => Object.entries(m).map(([n, p]) => `${n}=${p}`).join(',') || '(none)';

const CASES: Case[] = [
  { name: 'an endpoint that serves traffic is refused without force-delete; the plan still shows its DELETE', files: { endpoint: true }, facts: found({ traffic: { blue: 100 }, deployments: ['blue'] }), requests: ['delete endpoint pr-7-shop'], findings: ['delete-serving error'], changes: true, diff: /deployment blue: deleted with the endpoint \(serves 100 % of live traffic\)/ },
  { name: 'the same endpoint with force-delete: one DELETE, a notice', files: { endpoint: true, deployments: ['blue'] }, facts: found({ traffic: { blue: 100 }, deployments: ['blue', 'green'] }), force: true, requests: ['delete endpoint pr-7-shop'], findings: ['delete-serving notice'], changes: true, diff: /deployment green: deleted with the endpoint$/ },
  { name: 'an endpoint that serves nothing (no deployment) goes without force', files: { endpoint: true }, facts: found({}), requests: ['delete endpoint pr-7-shop'], findings: [], changes: true },
  { name: 'an endpoint that only mirrors counts as serving', files: { endpoint: true }, facts: found({ traffic: {}, mirror: { green: 10 }, deployments: ['green'] }), requests: ['delete endpoint pr-7-shop'], findings: ['delete-serving error'], changes: true },
  { name: 'an endpoint already gone is a notice and nothing to send', files: { endpoint: true }, facts: MISSING, requests: [], findings: ['already-deleted notice'], changes: false },
  { name: 'an unreadable endpoint is never missing: an error that stops mode delete', files: { endpoint: true }, facts: UNREADABLE, requests: ['unknown endpoint pr-7-shop'], findings: ['resource-unreadable error'], changes: false },
  { name: 'validate with teardown: true warns instead', files: { endpoint: true }, facts: UNREADABLE, mode: 'validate', requests: ['unknown endpoint pr-7-shop'], findings: ['resource-unreadable warning'], changes: false },
  { name: 'deployments that could not be listed stop it too', files: { endpoint: true }, facts: { endpoint: found({}).endpoint, deployments: { kind: 'unreadable', why: '503' } }, requests: ['unknown endpoint pr-7-shop'], findings: ['resource-unreadable error'], changes: false },
  { name: 'a deployment at 0 % of an endpoint that stays is deleted, no force needed, no traffic moves', files: { deployments: ['green'] }, facts: found({ traffic: { blue: 100 }, deployments: ['blue', 'green'] }), requests: ['delete deployment green'], findings: [], changes: true },
  { name: 'a deployment serving 10 % is refused without force-delete', files: { deployments: ['green'] }, facts: found({ traffic: { blue: 90, green: 10 }, deployments: ['blue', 'green'] }), requests: ['delete deployment green'], findings: ['delete-serving error'], changes: true, diff: /traffic: 10 % of live traffic → 0/ },
  { name: 'forced, its share goes to the others first, in proportion', files: { deployments: ['green'] }, facts: found({ traffic: { blue: 60, red: 20, green: 20 }, deployments: ['blue', 'red', 'green'] }), force: true, requests: ['delete deployment green'], findings: ['delete-serving notice'], changes: true, traffic: 'blue=60,green=20,red=20 → blue=75,red=25' },
  { name: 'a mirrored deployment is serving too; forced, the mirror stops', files: { deployments: ['green'] }, facts: found({ traffic: { blue: 100 }, mirror: { green: 20 }, deployments: ['blue', 'green'] }), force: true, requests: ['delete deployment green'], findings: ['delete-serving notice'], changes: true, traffic: 'blue=100 → blue=100' },
  { name: 'forced, the only serving deployment: the endpoint then serves nothing', files: { deployments: ['blue'] }, facts: found({ traffic: { blue: 100 }, deployments: ['blue'] }), force: true, requests: ['delete deployment blue'], findings: ['delete-serving notice'], changes: true, traffic: 'blue=100 → (none)' },
  { name: 'a deployment already gone is a notice; the other one is deleted', files: { deployments: ['green', 'gone'] }, facts: found({ traffic: { blue: 100 }, deployments: ['blue', 'green'] }), requests: ['delete deployment green'], findings: ['already-deleted notice'], changes: true },
  { name: 'deployments of an endpoint that is gone: a notice each', files: { deployments: ['green', 'blue'] }, facts: MISSING, requests: [], findings: ['already-deleted notice', 'already-deleted notice'], changes: false },
];

describe('planTeardown: what mode: delete deletes', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const t = planTeardown({ ...specs(c.files), facts: c.facts, workspace: WS, forceDelete: c.force ?? false, mode: c.mode ?? 'delete' });
      assert.deepEqual(t.plan.requests.map((r) => `${r.change} ${r.resource?.kind} ${r.resource?.name}`), c.requests);
      assert.ok(t.plan.requests.every((r) => r.method === 'DELETE' && r.path.startsWith(EP_PATH)), 'DELETEs of the endpoint or under it');
      assert.deepEqual(t.findings.map((f) => `${f.rule} ${f.severity}`), c.findings, t.findings.map((f) => f.message).join('\n'));
      assert.ok(t.findings.every((f) => f.file.startsWith('ml/') && f.line >= 1), 'each finding is on a file line');
      assert.equal(t.changes, c.changes);
      const step = t.plan.traffic?.steps[0];
      assert.equal(step ? `${map(t.plan.traffic?.before ?? {})} → ${map(step.traffic)}` : undefined, c.traffic);
      if (c.traffic) {
        assert.ok(t.trafficBody, 'a traffic step has the endpoint body it sends');
        assert.deepEqual(step?.mirrorTraffic, {}, 'mirroring never goes to what is deleted');
      }
      if (c.diff) assert.ok(t.plan.requests.some((r) => (r.diff ?? []).some((l) => c.diff?.test(l))), JSON.stringify(t.plan.requests));
    });
  }

  it('an approved teardown plan differs once another deployment appeared on the endpoint', () => {
    const input = { ...specs({ endpoint: true }), workspace: WS, forceDelete: true, mode: 'delete' as const };
    const approved = planTeardown({ ...input, facts: found({ traffic: { blue: 100 }, deployments: ['blue'] }) }).plan;
    const now = planTeardown({ ...input, facts: found({ traffic: { blue: 100 }, deployments: ['blue', 'green'] }) }).plan;
    assert.deepEqual(comparePlans(JSON.parse(JSON.stringify(approved)), approved), []);
    assert.match(comparePlans(JSON.parse(JSON.stringify(approved)), now).join('\n'), /pr-7-shop: the field changes differ/);
  });
});

describe("planTeardown: the caller's own permissions allow every request, before any write", () => {
  const block = (actions: string[], notActions: string[] = []) => ({ actions, notActions, dataActions: [], notDataActions: [] });
  const cases: [string, { endpoint?: boolean; deployments?: string[] }, Live, boolean, Lookup<PermissionFacts[]>, string[]][] = [
    ['Contributor may delete the endpoint', { endpoint: true }, {}, false, { kind: 'found', value: [block(['*'], ['Microsoft.Authorization/*/Write'])] }, []],
    ['Reader may not', { endpoint: true }, {}, false, { kind: 'found', value: [block(['*/read'])] }, ['caller-cannot-delete error']],
    ['a role whose notActions remove deployments/delete may not delete a deployment', { deployments: ['green'] }, { traffic: { blue: 100 }, deployments: ['blue', 'green'] }, false, { kind: 'found', value: [block(['Microsoft.MachineLearningServices/workspaces/onlineEndpoints/*'], ['Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/delete'])] }, ['caller-cannot-delete error']],
    ['a forced delete that moves traffic needs onlineEndpoints/write too', { deployments: ['green'] }, { traffic: { blue: 50, green: 50 }, deployments: ['blue', 'green'] }, true, { kind: 'found', value: [block(['Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/delete'])] }, ['delete-serving notice', 'caller-cannot-delete error']],
    ['permissions that could not be read: cannot-verify, not a refusal', { endpoint: true }, {}, false, { kind: 'unreadable', why: '403 AuthorizationFailed' }, ['cannot-verify warning']],
    ['nothing to delete: nothing to check', { endpoint: true }, {}, false, { kind: 'found', value: [] }, []],
  ];
  for (const [name, files, live, force, callerPermissions, expected] of cases) {
    it(name, () => {
      const facts = name.startsWith('nothing') ? MISSING : found(live);
      const t = planTeardown({ ...specs(files), facts, workspace: WS, forceDelete: force, callerPermissions, mode: 'delete' });
      assert.deepEqual(t.findings.filter((f) => f.rule !== 'already-deleted').map((f) => `${f.rule} ${f.severity}`), expected, t.findings.map((f) => f.message).join('\n'));
    });
  }
});

describe('withoutDeployment: the others keep their proportions of 100', () => {
  const cases: [Record<string, number>, string, Record<string, number>][] = [
    [{ blue: 50, green: 30, red: 20 }, 'blue', { green: 60, red: 40 }],
    [{ a: 33, b: 33, c: 34 }, 'c', { a: 50, b: 50 }],
    [{ a: 34, b: 33, c: 33 }, 'a', { b: 50, c: 50 }],
    [{ blue: 90, green: 10 }, 'Green', { blue: 100 }],
    [{ blue: 100 }, 'blue', {}],
    [{ blue: 100 }, 'green', { blue: 100 }],
  ];
  for (const [live, name, expected] of cases) {
    it(`${map(live)} without ${name} → ${map(expected)}`, () => {
      const out = withoutDeployment(live, name);
      assert.deepEqual(out, expected);
      if (Object.keys(out).length) assert.equal(Object.values(out).reduce((s, p) => s + p, 0), 100);
    });
  }
});
