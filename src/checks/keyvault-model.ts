// The vault's permission model: secret injection reads Key Vault through Azure RBAC, so a vault
// that uses access policies refuses the endpoint identity whatever its roles
// (docs/online-checks.md §keyvault-model; docs/secret-injection.md §2). One finding per vault and
// file, on the first reference to it; every reference to the vault gets the status.
import { makeFinding } from '../findings/finding.ts';
import type { KeyVaultRef } from '../secrets/scan.ts';
import { defineCheck, firstPerFile, lookupCI, type CheckOutput } from './check.ts';

export const keyVaultModelCheck = defineCheck('keyvault-model', ['keyvault-not-rbac', 'cannot-verify'], (ctx) => {
  const out: Pick<CheckOutput, 'findings' | 'verdicts'> = { findings: [], verdicts: [] };
  const refs = ctx.references.filter((r): r is KeyVaultRef => r.kind === 'keyvault');
  const first = new Set(firstPerFile(refs, (r) => (r as KeyVaultRef).vaultHost));
  for (const ref of refs) {
    const vault = lookupCI(ctx.facts.vaults, ref.vaultHost);
    if (!vault || vault.kind === 'missing') continue; // not read, or reported by keyvault-secrets
    if (vault.kind === 'unreadable') {
      const permission = vault.permission ?? 'Microsoft.KeyVault/vaults/read';
      if (first.has(ref)) {
        out.findings.push(
          makeFinding('cannot-verify', ref.range, `Cannot verify that vault ${ref.vaultName} uses Azure RBAC: it could not be read (${vault.why}); the signed-in identity needs ${permission}.`, {
            hint: `Grant the workflow identity Reader (or Key Vault Reader) on vault ${ref.vaultName}.`,
          }),
        );
      }
      out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `vault ${ref.vaultName} could not be read: ${permission} needed` } });
      continue;
    }
    if (vault.value.rbacAuthorization) {
      out.verdicts.push({ reference: ref, status: { state: 'pass' } });
      continue;
    }
    if (first.has(ref)) {
      out.findings.push(
        makeFinding('keyvault-not-rbac', ref.range, `${ref.variable}: vault ${ref.vaultName} uses vault access policies; secret injection reads Key Vault only through Azure RBAC, so the deployment would fail with SecretsInjectionError.`, {
          hint: `az keyvault update --name ${ref.vaultName} --enable-rbac-authorization true, then assign "Key Vault Secrets User" on the vault to the endpoint identity (existing access policies stop applying).`,
        }),
      );
    }
    out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-not-rbac' } });
  }
  return out;
});
