// The Azure session every online mode starts with: sign in once (src/azure/credential.ts), then
// one ARM client over the Azure SDK pipeline (auth, retries honouring Retry-After, proxy) and the
// workspace it targets. Adapters (src/azure/*.ts) take a session; nothing else builds URLs.
import * as core from '@actions/core';
import type { TokenCredential } from '@azure/core-auth';
import type { Inputs } from '../inputs.ts';
import type { Cloud } from './clouds.ts';
import { chooseCredential, decodeJwtClaims, firstToken, formatAudience, SignInError, type SignInMethod } from './credential.ts';
import { armClientOver, createResourceClient, type ArmClient, type PipelineSettings, type RequestStats, type ResourceClient } from './rest.ts';

export { ArmError, type ArmClient, type ArmRequest, type ArmResponse } from './rest.ts';
export { SignInError } from './credential.ts';

export interface AzureSession {
  cloud: Cloud;
  credential: TokenCredential;
  arm: ArmClient;
  /** Key Vault data plane (any vault of the cloud), signed for the cloud's Key Vault resource. */
  keyVault: ResourceClient;
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
  /** /subscriptions/…/resourceGroups/…/providers/Microsoft.MachineLearningServices/workspaces/… */
  workspacePath: string;
  caller: { objectId?: string; tenantId: string; clientId?: string };
  method: SignInMethod;
  /** Requests sent to ARM and Key Vault after sign-in. */
  stats: RequestStats;
}

export type SignInInputs = Pick<Inputs, 'subscriptionId' | 'resourceGroup' | 'workspaceName' | 'tenantId' | 'clientId' | 'cloud' | 'audience'>;

export async function signIn(inputs: SignInInputs, settings: PipelineSettings = {}): Promise<AzureSession> {
  const missing = (['subscription-id', 'resource-group', 'workspace-name'] as const).filter((name) => !workspaceInput(inputs, name));
  if (missing.length > 0) {
    throw new SignInError(`${missing.join(', ')}: required to read the workspace (validate and deploy); lint needs none of them.`);
  }
  const signInSettings = { tenantId: inputs.tenantId, clientId: inputs.clientId, cloud: inputs.cloud, audience: inputs.audience };
  const chosen = await chooseCredential(signInSettings);
  if (chosen.idTokenClaims) {
    const c = chosen.idTokenClaims;
    core.info(`GitHub OIDC token: issuer ${c.iss ?? '?'}, subject ${c.sub ?? '?'}, audience ${formatAudience(c.aud)}`);
  }
  const armScope = `${inputs.cloud.resourceManager}/.default`;
  const token = await firstToken(chosen, armScope, signInSettings);
  const claims = decodeJwtClaims(token.token) ?? {};
  const tenantId = stringClaim(claims.tid) ?? inputs.tenantId ?? '';
  const caller = { objectId: stringClaim(claims.oid), tenantId, clientId: stringClaim(claims.appid) ?? stringClaim(claims.azp) ?? inputs.clientId };
  core.info(
    `Signed in to ${inputs.cloud.name} with ${chosen.method === 'github-oidc' ? 'GitHub OIDC' : 'the environment / Azure CLI credential'}` +
      `${caller.objectId ? ` as object id ${caller.objectId}` : ''} in tenant ${tenantId || '?'}.`,
  );

  const stats: RequestStats = settings.stats ?? { requests: 0 };
  const pipeline = { ...settings, stats };
  const subscriptionId = inputs.subscriptionId as string;
  const resourceGroup = inputs.resourceGroup as string;
  const workspaceName = inputs.workspaceName as string;
  return {
    cloud: inputs.cloud,
    credential: chosen.credential,
    arm: armClientOver(createResourceClient(chosen.credential, armScope, pipeline), inputs.cloud.resourceManager),
    keyVault: createResourceClient(chosen.credential, `${inputs.cloud.keyVaultResource}/.default`, pipeline),
    subscriptionId,
    resourceGroup,
    workspaceName,
    workspacePath: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspaceName}`,
    caller,
    method: chosen.method,
    stats,
  };
}

function workspaceInput(inputs: SignInInputs, name: 'subscription-id' | 'resource-group' | 'workspace-name'): string | undefined {
  return name === 'subscription-id' ? inputs.subscriptionId : name === 'resource-group' ? inputs.resourceGroup : inputs.workspaceName;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
