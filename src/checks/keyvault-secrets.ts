// Key Vault references: the vault resolves, the pinned secret version exists and is enabled, and
// whether it is expired, not yet valid, or superseded by a newer enabled version
// (docs/online-checks.md §keyvault-secrets; docs/secret-injection.md §4). Metadata only: no value
// is ever read.
import { makeFinding } from '../findings/finding.ts';
import type { KeyVaultRef } from '../secrets/scan.ts';
import { closest } from '../manifests/edit-distance.ts';
import { defineCheck, lookupCI, type CheckOutput } from './check.ts';
import type { Lookup, SecretVersionFacts } from './facts.ts';
import { describeAge } from './rbac.ts';

const READ_METADATA = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';

export const keyVaultSecretsCheck = defineCheck(
  'keyvault-secrets',
  ['keyvault-secret-not-found', 'keyvault-secret-unusable', 'keyvault-secret-expired', 'keyvault-secret-newer-version', 'cannot-verify'],
  (ctx) => {
    const out: Pick<CheckOutput, 'findings' | 'verdicts'> = { findings: [], verdicts: [] };
    const now = Date.parse(ctx.facts.now);
    for (const ref of ctx.references) {
      if (ref.kind !== 'keyvault') continue;
      const vault = lookupCI(ctx.facts.vaults, ref.vaultHost);
      if (vault?.kind === 'missing') {
        out.findings.push(
          makeFinding('keyvault-secret-not-found', ref.range, `${ref.variable}: no Key Vault named ${ref.vaultName} exists (${ref.vaultHost} does not resolve to a vault this subscription can see).`, {
            hint: 'Correct the vault name in the reference (az keyvault list --query [].name).',
          }),
        );
        out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
        continue;
      }
      const version = lookupCI(ctx.facts.secretVersions, ref.secretId);
      if (!version) {
        out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `secret ${ref.secretName} in ${ref.vaultName} was not read` } });
        continue;
      }
      if (version.kind === 'unreadable') {
        const permission = version.permission ?? READ_METADATA;
        out.findings.push(
          makeFinding('cannot-verify', ref.range, `Cannot verify ${ref.variable}: the metadata of secret ${ref.secretName} in vault ${ref.vaultName} could not be read (${version.why}); the signed-in identity needs ${permission} on the vault.`, {
            hint: `Grant the workflow identity "Key Vault Reader" (which includes ${READ_METADATA}, never the value) on vault ${ref.vaultName}.`,
          }),
        );
        out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `secret metadata could not be read: ${permission} needed on ${ref.vaultName}` } });
        continue;
      }
      const noSecret = ctx.facts.secretNames?.[ref.vaultHost.toLowerCase()];
      if (version.kind === 'missing' && noSecret?.missing.some((n) => n.toLowerCase() === ref.secretName.toLowerCase())) {
        out.findings.push(missingSecret(ref, noSecret.names));
        out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
        continue;
      }
      if (version.kind === 'missing') {
        out.findings.push(
          makeFinding('keyvault-secret-not-found', ref.range, `${ref.variable}: vault ${ref.vaultName} has no secret ${ref.secretName} with version ${ref.version}.`, {
            hint: `List what exists: az keyvault secret list-versions --vault-name ${ref.vaultName} --name ${ref.secretName} --query "[?attributes.enabled].id"`,
          }),
        );
        out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
        continue;
      }
      const v = version.value;
      if (!v.enabled) {
        out.findings.push(
          makeFinding('keyvault-secret-unusable', ref.range, `${ref.variable}: version ${short(ref.version)} of secret ${ref.secretName} in vault ${ref.vaultName} is disabled; Key Vault refuses to serve it, so the deployment would fail with SecretsInjectionError.`, {
            hint: v.newerEnabled
              ? `Reference the enabled version ${v.newerEnabled.version}, or enable this one (az keyvault secret set-attributes --vault-name ${ref.vaultName} --name ${ref.secretName} --version ${ref.version} --enabled true).`
              : `Enable it (az keyvault secret set-attributes --vault-name ${ref.vaultName} --name ${ref.secretName} --version ${ref.version} --enabled true), or reference an enabled version.`,
          }),
        );
        out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-unusable' } });
        continue;
      }
      out.verdicts.push({ reference: ref, status: { state: 'pass' } });
      const validity = validityProblem(v, now);
      if (validity) out.findings.push(makeFinding('keyvault-secret-expired', ref.range, `${ref.variable}: version ${short(ref.version)} of secret ${ref.secretName} in vault ${ref.vaultName} ${validity}. Key Vault still serves it, so the deployment will succeed with this value.`, {
        hint: v.newerEnabled ? `Reference the newer version: \${{keyvault:${ref.vaultUrl}/secrets/${ref.secretName}/${v.newerEnabled.version}}}` : RULE_FIX_EXPIRED,
      }));
      if (v.newerEnabled && v.newerEnabled.version.toLowerCase() !== ref.version.toLowerCase()) out.findings.push(newerVersion(ref, v.newerEnabled, now));
    }
    return out;
  },
);

/** How many secret names a message lists before "…and N more". */
const LISTED = 15;

/** The secret itself does not exist: the vault's secret names (when listed) and the closest, or how to create it. */
function missingSecret(ref: KeyVaultRef, names: Lookup<string[]>) {
  const listed = names.kind === 'found' ? names.value : undefined;
  const near = listed ? closest(ref.secretName, listed) : undefined;
  const has = !listed ? '' : listed.length === 0 ? ' The vault has no secrets.' : ` The vault has: ${listed.slice(0, LISTED).join(', ')}${listed.length > LISTED ? ` and ${listed.length - LISTED} more` : ''}.`;
  const create = `az keyvault secret set --vault-name ${ref.vaultName} --name ${ref.secretName} --file <file with the value>`;
  return makeFinding('keyvault-secret-not-found', ref.range, `${ref.variable}: vault ${ref.vaultName} has no secret named ${ref.secretName}.${has}`, {
    hint: near
      ? `Did you mean ${near}? Then pin one of its versions (az keyvault secret list-versions --vault-name ${ref.vaultName} --name ${near} --query "[?attributes.enabled].id"). Or create the secret: ${create}, and pin the version it prints.`
      : `Create it: ${create}, and pin the version it prints; or correct the name${listed ? '' : ' (az keyvault secret list --vault-name ' + ref.vaultName + ' --query "[].name" lists them)'}.`,
  });
}

const RULE_FIX_EXPIRED = 'Reference a current version of the secret, or extend this version\'s expiry (az keyvault secret set-attributes --expires …).';

function short(version: string): string {
  return /^[0-9a-f]{32}$/i.test(version) ? `${version.slice(0, 8)}…` : version;
}

/** "expired 3 days ago (2026-11-27)", "is not valid until …": undefined when within its window. */
export function validityProblem(v: Pick<SecretVersionFacts, 'expiresOn' | 'notBefore'>, now: number): string | undefined {
  const expires = v.expiresOn ? Date.parse(v.expiresOn) : NaN;
  if (!Number.isNaN(expires) && expires <= now) return `expired ${describeAge(now - expires)} ago (${v.expiresOn})`;
  const notBefore = v.notBefore ? Date.parse(v.notBefore) : NaN;
  if (!Number.isNaN(notBefore) && notBefore > now) return `is not valid until ${v.notBefore} (in ${describeAge(notBefore - now)})`;
  return undefined;
}

function newerVersion(ref: KeyVaultRef, newer: NonNullable<SecretVersionFacts['newerEnabled']>, now: number) {
  const created = newer.createdOn ? Date.parse(newer.createdOn) : NaN;
  const age = Number.isNaN(created) ? '' : ` (created ${describeAge(Math.max(0, now - created))} ago)`;
  return makeFinding('keyvault-secret-newer-version', ref.range, `${ref.variable}: secret ${ref.secretName} in vault ${ref.vaultName} has a newer enabled version ${short(newer.version)}${age} than the pinned ${short(ref.version)}.`, {
    hint: `If the rotation should reach this deployment: \${{keyvault:${ref.vaultUrl}/secrets/${ref.secretName}/${newer.version}}}`,
  });
}
