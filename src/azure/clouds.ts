// Cloud endpoints the action talks to. Pure data: adapters pick from it; nothing else builds hosts.
export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface Cloud {
  name: CloudName;
  authorityHost: string;
  resourceManager: string;
  /** Suffix of Key Vault hosts: `<vault>.<suffix>`. */
  keyVaultSuffix: string;
  /** Resource (token audience) of the Key Vault data plane: scope `<resource>/.default`. */
  keyVaultResource: string;
  /** Audience of the GitHub ID token that Entra exchanges (the federated credential's audience). */
  defaultAudience: string;
  /**
   * Where Azure ML registries are discovered (`/registrymanagement/v1.0/registries/{name}/discovery`):
   * azure-ai-ml `_azure_environments.py` REGISTRY_DISCOVERY_ENDPOINT. Undefined: registry assets are not read.
   */
  registryDiscovery?: string;
  /** Host suffixes a registry's `primaryRegionResourceProviderUri` may have; the ARM token goes to no other host. */
  registryHostSuffixes: string[];
}

export const CLOUDS: Record<CloudName, Cloud> = {
  AzureCloud: {
    name: 'AzureCloud',
    authorityHost: 'https://login.microsoftonline.com',
    resourceManager: 'https://management.azure.com',
    keyVaultSuffix: 'vault.azure.net',
    keyVaultResource: 'https://vault.azure.net',
    defaultAudience: 'api://AzureADTokenExchange',
    registryDiscovery: 'https://eastus.api.azureml.ms',
    registryHostSuffixes: ['.api.azureml.ms', '.experiments.azureml.net'],
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    authorityHost: 'https://login.microsoftonline.us',
    resourceManager: 'https://management.usgovcloudapi.net',
    keyVaultSuffix: 'vault.usgovcloudapi.net',
    keyVaultResource: 'https://vault.usgovcloudapi.net',
    defaultAudience: 'api://AzureADTokenExchangeUSGov',
    registryDiscovery: 'https://usgovarizona.api.ml.azure.us',
    registryHostSuffixes: ['.api.ml.azure.us'],
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceManager: 'https://management.chinacloudapi.cn',
    keyVaultSuffix: 'vault.azure.cn',
    keyVaultResource: 'https://vault.azure.cn',
    defaultAudience: 'api://AzureADTokenExchangeChina',
    registryDiscovery: 'https://chinaeast2.api.ml.azure.cn',
    registryHostSuffixes: ['.api.ml.azure.cn'],
  },
};

/** Case-insensitive lookup, so `azurecloud` works as `az cloud set` accepts it. */
export function findCloud(name: string): Cloud | undefined {
  const key = (Object.keys(CLOUDS) as CloudName[]).find((k) => k.toLowerCase() === name.trim().toLowerCase());
  return key ? CLOUDS[key] : undefined;
}
