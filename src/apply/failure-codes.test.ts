import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAILURE_CODES, describeFailure, failingVariables, injectionSuspects, retryAfterGrant } from './failure-codes.ts';

/** The contract's text (contracts machinelearningservices/fixtures/MfeOperationsStatus_examples.json). */
const CONTRACT = { code: 'SecretsInjectionError', message: 'The endpoint identity could not read one or more referenced secrets (missing permission, bad reference format, or secret not found).' };

describe('failure catalog', () => {
  it('covers the documented deployment errors, each with a remedy and its anchor in the guide', () => {
    for (const code of ['SecretsInjectionError', 'BadArgument', 'ResourceNotReady', 'OutOfQuota', 'ImageBuildFailure', 'ResourceNotFound', 'OperationCanceled']) {
      const entry = describeFailure(code);
      assert.equal(entry.code, code);
      assert.ok(entry.remedy.length > 40, code);
      assert.match(entry.docs, new RegExp(`#error-${code.toLowerCase()}$`));
    }
    assert.equal(new Set(FAILURE_CODES.map((c) => c.code)).size, FAILURE_CODES.length);
    assert.match(describeFailure('SomethingNew').remedy, /container logs/);
  });

  it('finds the variables a SecretsInjectionError names, from details or from the message', () => {
    assert.deepEqual(failingVariables({ code: 'SecretsInjectionError', message: 'x', details: [{ target: 'DB_PASSWORD' }, { target: 'DB_PASSWORD' }] }, []), ['DB_PASSWORD']);
    assert.deepEqual(failingVariables({ code: 'SecretsInjectionError', message: 'Failed to inject secrets into environment variable(s) DB_PASSWORD, API_KEY using…' }, ['DB', 'DB_PASSWORD', 'API_KEY', 'OTHER']), ['DB_PASSWORD', 'API_KEY']);
  });

  it('on the contract\'s text (no variable named) every reference of the deployment is a possible cause', () => {
    const refs = [{ variable: 'DB_PASSWORD', vaultHost: 'demo-kv.vault.azure.net' }, { variable: 'AOAI_KEY' }];
    assert.deepEqual(failingVariables(CONTRACT, refs.map((r) => r.variable)), []);
    assert.deepEqual(injectionSuspects(CONTRACT, refs), { named: false, variables: ['DB_PASSWORD', 'AOAI_KEY'] });
    assert.deepEqual(injectionSuspects({ ...CONTRACT, details: [{ target: 'AOAI_KEY' }] }, refs), { named: true, variables: ['AOAI_KEY'] });
  });

  it('retries after a grant decided from what the action assigned, not from the message wording', () => {
    const kvOnly = [{ variable: 'DB_PASSWORD', vaultHost: 'demo-kv.vault.azure.net' }];
    assert.equal(retryAfterGrant(CONTRACT, kvOnly, ['demo-kv.vault.azure.net']), true);
    assert.equal(retryAfterGrant(CONTRACT, kvOnly, []), false); // nothing granted: a retry cannot help
    assert.equal(retryAfterGrant(CONTRACT, kvOnly, ['other-kv.vault.azure.net']), false);
    const mixed = [...kvOnly, { variable: 'AOAI_KEY' }];
    assert.equal(retryAfterGrant(CONTRACT, mixed, ['demo-kv.vault.azure.net']), false); // the connection may be the cause
    assert.equal(retryAfterGrant({ ...CONTRACT, details: [{ target: 'DB_PASSWORD' }] }, mixed, ['demo-kv.vault.azure.net']), true); // the service named only the vault one
    assert.equal(retryAfterGrant({ code: 'ResourceNotReady', message: '' }, kvOnly, ['demo-kv.vault.azure.net']), false);
  });
});
