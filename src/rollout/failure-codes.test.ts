import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAILURE_CODES, describeFailure, failingVariables, onlyKeyVaultPermission } from './failure-codes.ts';

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

  it('retries only a Key Vault permission failure on the vaults just granted', () => {
    const denied = (vault: string) => ({ target: 'DB_PASSWORD', message: `Endpoint identity 'x' is not authorized to perform 'Microsoft.KeyVault/vaults/secrets/getSecret/action' on secret 'db' of key vault '${vault}' (ForbiddenByRbac).` });
    assert.equal(onlyKeyVaultPermission({ code: 'SecretsInjectionError', message: '', details: [denied('demo-kv')] }, ['demo-kv.vault.azure.net']), true);
    assert.equal(onlyKeyVaultPermission({ code: 'SecretsInjectionError', message: '', details: [denied('other-kv')] }, ['demo-kv.vault.azure.net']), false);
    assert.equal(onlyKeyVaultPermission({ code: 'SecretsInjectionError', message: '', details: [denied('demo-kv'), { target: 'K', message: "Secret 'db' version 'v' was not found in key vault 'demo-kv' (SecretNotFound)." }] }, ['demo-kv.vault.azure.net']), false);
    assert.equal(onlyKeyVaultPermission({ code: 'ResourceNotReady', message: 'getSecret demo-kv' }, ['demo-kv.vault.azure.net']), false);
  });
});
