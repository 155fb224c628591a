// A mistyped workspace address end to end (`node dist/index.js` against Azure in a box, the
// validate world): a wrong `workspace-name`, `resource-group` or `subscription-id` is ONE finding on
// the inputs, with the names that do exist and the closest one, before any other online check; no
// stack trace, exit 1, no write (validate and deploy). A refusal is `workspace-unreadable`, and a
// workspace GET that keeps failing (5xx) is `cannot-verify`, never "does not exist".
// docs/online-checks.md §workspace.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, type Emu } from '../emulator/harness.ts';
import type { ActionRun } from './harness.ts';
import { CONN, KV, OPERATOR_CLIENT_ID, SUB, deploymentYaml, lineOf, runValidate, startWorld, writesLogged } from './validate-world.ts';

const CURRENT = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
const DEPLOYMENT = deploymentYaml({ endpoint: 'ep-uai-good', env: { T: CONN('aoai_connection/target'), DB: KV('val-kv', 'db-password', CURRENT) } });

interface Seen { rule: string; severity: string; file?: string; line: number; message: string }

function findings(run: ActionRun): Seen[] {
  return run.annotations
    .filter((a) => a.properties.title && a.properties.file)
    .map((a) => ({ rule: a.properties.title?.split(':')[0] ?? '', severity: a.command, file: a.properties.file, line: Number(a.properties.line), message: a.message }));
}

function assertNoStackTrace(run: ActionRun): void {
  assert.doesNotMatch(`${run.stdout}\n${run.stderr}`, /\n\s+at .+\(.*:\d+:\d+\)/, 'no Node stack trace');
}

describe('workspace address (emulator, dist/index.js)', () => {
  let emu: Emu;
  before(async () => {
    emu = await startWorld();
  });
  beforeEach(async () => {
    await admin(emu, 'POST', '/reset');
    await admin(emu, 'DELETE', '/requests');
  });
  after(async () => {
    await emu.stop();
  });

  const cases: { name: string; inputs: Record<string, string>; rule: string; message: RegExp; hint?: RegExp }[] = [
    { name: 'a mistyped workspace-name', inputs: { 'workspace-name': 'val-wss' }, rule: 'workspace-not-found', message: /workspace-name val-wss: resource group val-rg has no such workspace.*It has: val-ws\./s, hint: /Did you mean val-ws\?/ },
    { name: 'a mistyped resource-group', inputs: { 'resource-group': 'val-rgg' }, rule: 'workspace-not-found', message: /resource-group val-rgg: subscription .* has no such resource group \(404 ResourceGroupNotFound.*It has: val-rg\b/s, hint: /Did you mean val-rg\?/ },
    { name: 'a mistyped subscription-id', inputs: { 'subscription-id': SUB.replace(/4$/, '5') }, rule: 'workspace-not-found', message: /subscription-id .*5: no such subscription \(404 SubscriptionNotFound/, hint: new RegExp(`Did you mean ${SUB}\\?`) },
    { name: 'a resource group the caller may not see (403): unreadable, not missing', inputs: { 'resource-group': 'val-rgg', 'client-id': OPERATOR_CLIENT_ID }, rule: 'workspace-unreadable', message: /could not be read \(403 AuthorizationFailed/ },
  ];
  for (const c of cases) {
    for (const mode of ['validate', 'deploy'] as const) {
      it(`${c.name} (${mode}): one finding on the inputs, exit 1, no stack trace, no write`, async () => {
        const run = await runValidate(emu, { deployment: DEPLOYMENT }, { ...c.inputs, mode });
        assertNoStackTrace(run);
        assert.doesNotMatch(run.summary, /Passed/, 'never a passed summary');
        assert.equal(run.code, 1, run.stdout.slice(-2000));
        const seen = findings(run);
        assert.equal(seen.length, 1, JSON.stringify(seen, null, 1));
        const [only] = seen;
        assert.equal(only?.rule, c.rule);
        assert.equal(only?.severity, 'error');
        assert.equal(only?.file, 'deployment.yml');
        assert.equal(only?.line, lineOf(DEPLOYMENT, 'endpoint_name'));
        assert.match(only?.message ?? '', c.message);
        if (c.hint) assert.match(only?.message ?? '', c.hint);
        assert.doesNotMatch(run.stdout, /create the connection|Register it first/i, 'no false errors about things that exist');
        assert.deepEqual(await writesLogged(emu), [], 'nothing written');
      });
    }
  }

  it('a workspace GET that keeps failing (503 after the retries) is cannot-verify, never "does not exist"', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', path: '/workspaces/val-ws$', method: 'GET', status: 503, times: 0 });
    const run = await runValidate(emu, { deployment: DEPLOYMENT });
    assertNoStackTrace(run);
    // A warning, not an error: the other checks ran on what they could read.
    assert.equal(run.code, 0, run.stdout.slice(-2000));
    const seen = findings(run);
    assert.ok(!seen.some((f) => f.rule === 'workspace-not-found' || f.rule === 'workspace-unreadable'), JSON.stringify(seen, null, 1));
    assert.ok(seen.some((f) => f.rule === 'cannot-verify' && /Cannot read the workspace/.test(f.message)), JSON.stringify(seen, null, 1));
    assert.doesNotMatch(run.stdout, /does not exist/);
  });
});
