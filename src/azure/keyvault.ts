// Key Vault reads for validate, through metadata only (docs/architecture.md §4): the vault's ARM
// resource (its permission model) and the version list of each referenced secret, which carries
// `id` and `attributes` and never a value (Get Secret Versions, `secrets/readMetadata/action`).
// `getSecret` is deliberately never called: it returns the value.
import type { Lookup, SecretVersionFacts, VaultFacts } from '../checks/facts.ts';
import { failedLookup, listAllUrl, lookup } from './read.ts';
import { ArmError, type ArmClient, type ResourceClient } from './rest.ts';
import { obj, str } from './json.ts';

/** Key Vault ARM api-version whose GET states `enableRbacAuthorization` (absent or null: access policies). */
export const KEYVAULT_ARM_API_VERSION = '2024-11-01';
/** Data-plane api-version (the newest in the REST spec index). */
export const KEYVAULT_DATA_API_VERSION = '7.6';
export const READ_METADATA_PERMISSION = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';


export function vaultArmId(subscriptionId: string, resourceGroup: string, vaultName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${vaultName}`;
}

export function readVault(arm: ArmClient, host: string, resourceId: string): Promise<Lookup<VaultFacts>> {
  return lookup(async () => parseVault(host, (await arm.send({ method: 'GET', path: resourceId, apiVersion: KEYVAULT_ARM_API_VERSION })).body), 'Microsoft.KeyVault/vaults/read');
}

export function parseVault(host: string, body: unknown): VaultFacts {
  const b = obj(body);
  return { host, resourceId: str(b.id) ?? '', rbacAuthorization: obj(b.properties).enableRbacAuthorization === true };
}

/**
 * The names of every secret in a vault (Get Secrets: ids and attributes, never a value; the
 * adapter keeps only the names). Read only when a referenced secret does not exist, for the
 * "did you mean"; refused or failed → unreadable, and no suggestion is made.
 */
export async function readSecretNames(keyVault: ResourceClient, vaultUrl: string): Promise<Lookup<string[]>> {
  const url = `${vaultUrl.replace(/\/+$/, '')}/secrets?api-version=${KEYVAULT_DATA_API_VERSION}&maxresults=25`;
  return lookup(async () => (await listAllUrl<unknown>(keyVault, url)).map((v) => (str(obj(v).id) ?? '').split('/').filter(Boolean).pop() ?? '').filter(Boolean), READ_METADATA_PERMISSION);
}

/** A version as the listing shows it (no value). */
export interface VersionItem {
  version: string;
  enabled: boolean;
  createdOn?: string;
  expiresOn?: string;
  notBefore?: string;
}

/**
 * All versions of one secret; `missing` when the secret (or the vault host) does not exist. A secret
 * always has a version, and Azure answers the versions of a secret that does not exist with 200
 * `{"value":[]}` (recorded: test/fixtures/recorded/keyvault-secrets.json), so an empty list is missing.
 */
export async function readSecretVersions(keyVault: ResourceClient, vaultUrl: string, secretName: string): Promise<Lookup<VersionItem[]>> {
  const url = `${vaultUrl.replace(/\/+$/, '')}/secrets/${encodeURIComponent(secretName)}/versions?api-version=${KEYVAULT_DATA_API_VERSION}&maxresults=25`;
  try {
    const versions = (await listAllUrl<unknown>(keyVault, url)).map(parseVersionItem);
    return versions.length ? { kind: 'found', value: versions } : { kind: 'missing' };
  } catch (error) {
    if (vaultHostUnknown(error)) return { kind: 'missing' };
    return failedLookup(error, READ_METADATA_PERMISSION);
  }
}

/**
 * A vault name that does not exist has no DNS entry: the request fails before any HTTP answer
 * (ENOTFOUND), or a proxy answers the tunnel with 502.
 */
export function vaultHostUnknown(error: unknown): boolean {
  if (!(error instanceof ArmError)) return false;
  if (error.status === 0) return /ENOTFOUND|EAI_AGAIN/i.test(`${error.code} ${error.message}`);
  // A proxy's own 502 carries no Key Vault error body (a vault's answers always do).
  return error.status === 502 && error.code === 'Http502';
}

export function parseVersionItem(value: unknown): VersionItem {
  const v = obj(value);
  const a = obj(v.attributes);
  const iso = (x: unknown) => (typeof x === 'number' ? new Date(x * 1000).toISOString() : undefined);
  return {
    version: (str(v.id) ?? '').split('/').filter(Boolean).pop() ?? '',
    enabled: a.enabled !== false,
    createdOn: iso(a.created),
    expiresOn: iso(a.exp),
    notBefore: iso(a.nbf),
  };
}

/** The pinned version's metadata, and the newest enabled version when it is another, newer one. */
export function secretVersionFacts(vaultHost: string, name: string, pinned: string, versions: VersionItem[]): Lookup<SecretVersionFacts> {
  const own = versions.find((v) => v.version.toLowerCase() === pinned.toLowerCase());
  if (!own) return { kind: 'missing' };
  const created = (v: VersionItem) => Date.parse(v.createdOn ?? '') || 0;
  const newest = versions.filter((v) => v.enabled && v !== own && created(v) > created(own)).sort((a, b) => created(b) - created(a))[0];
  return {
    kind: 'found',
    value: {
      vaultHost,
      name,
      version: own.version,
      enabled: own.enabled,
      createdOn: own.createdOn,
      expiresOn: own.expiresOn,
      notBefore: own.notBefore,
      newerEnabled: newest ? { version: newest.version, createdOn: newest.createdOn } : undefined,
    },
  };
}
