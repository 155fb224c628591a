// The Azure clouds the emulator serves and the host names that follow from each: ARM, Key Vault, scoring.
// Suffixes: https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure
// (Key Vault *.vault.usgovcloudapi.net, Azure ML inference *.inference.ml.azure.us) and the Azure China
// developer guide (*.vault.azure.cn, *.inference.ml.azure.cn). Pure.

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface Cloud {
  name: CloudName;
  armHosts: string[];
  vaultSuffix: string;
  scoringSuffix: string;
}

export const CLOUDS: Cloud[] = [
  { name: 'AzureCloud', armHosts: ['management.azure.com', 'management.core.windows.net'], vaultSuffix: '.vault.azure.net', scoringSuffix: '.inference.ml.azure.com' },
  { name: 'AzureUSGovernment', armHosts: ['management.usgovcloudapi.net', 'management.core.usgovcloudapi.net'], vaultSuffix: '.vault.usgovcloudapi.net', scoringSuffix: '.inference.ml.azure.us' },
  { name: 'AzureChinaCloud', armHosts: ['management.chinacloudapi.cn', 'management.core.chinacloudapi.cn'], vaultSuffix: '.vault.azure.cn', scoringSuffix: '.inference.ml.azure.cn' },
];

export function cloudNamed(name: string): Cloud | undefined {
  return CLOUDS.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

/** The cloud whose ARM host served a request (`https://management.usgovcloudapi.net` → AzureUSGovernment). */
export function cloudOfArmBase(base: string): Cloud {
  const host = base.replace(/^https:\/\//, '').toLowerCase();
  return CLOUDS.find((c) => c.armHosts.includes(host)) ?? (CLOUDS[0] as Cloud);
}

/** A scoring host of any cloud. */
export function isScoringHost(host: string): boolean {
  return CLOUDS.some((c) => host.endsWith(c.scoringSuffix));
}
