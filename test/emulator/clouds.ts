// The Azure clouds the emulator serves and the host names that follow from each: ARM, Key Vault, scoring.
// Regional ML API hosts (registry discovery): azure-ai-ml `_azure_environments.py` REGISTRY_DISCOVERY_ENDPOINT
// (https://eastus.api.azureml.ms/, https://usgovarizona.api.ml.azure.us/, https://chinaeast2.api.ml.azure.cn/).
// Suffixes: https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure
// (Key Vault *.vault.usgovcloudapi.net, Azure ML inference *.inference.ml.azure.us) and the Azure China
// developer guide (*.vault.azure.cn, *.inference.ml.azure.cn). Pure.

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface Cloud {
  name: CloudName;
  armHosts: string[];
  vaultSuffix: string;
  scoringSuffix: string;
  /** Regional Azure ML API hosts `<region><suffix>`: registry discovery and registry assets (registries.ts). */
  mlApiSuffix: string;
}

export const CLOUDS: Cloud[] = [
  { name: 'AzureCloud', armHosts: ['management.azure.com', 'management.core.windows.net'], vaultSuffix: '.vault.azure.net', scoringSuffix: '.inference.ml.azure.com', mlApiSuffix: '.api.azureml.ms' },
  { name: 'AzureUSGovernment', armHosts: ['management.usgovcloudapi.net', 'management.core.usgovcloudapi.net'], vaultSuffix: '.vault.usgovcloudapi.net', scoringSuffix: '.inference.ml.azure.us', mlApiSuffix: '.api.ml.azure.us' },
  { name: 'AzureChinaCloud', armHosts: ['management.chinacloudapi.cn', 'management.core.chinacloudapi.cn'], vaultSuffix: '.vault.azure.cn', scoringSuffix: '.inference.ml.azure.cn', mlApiSuffix: '.api.ml.azure.cn' },
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

/** The cloud and region of a regional Azure ML API host (`westus2.api.azureml.ms`), if it is one. */
export function mlApiHost(host: string): { cloud: Cloud; region: string } | undefined {
  for (const c of CLOUDS) {
    if (!host.endsWith(c.mlApiSuffix)) continue;
    const region = host.slice(0, -c.mlApiSuffix.length);
    if (/^[a-z0-9]+$/.test(region)) return { cloud: c, region };
  }
  return undefined;
}
