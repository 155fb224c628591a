// The asset adapter's session on Azure in a box (test/emulator), for src/azure/assets.test.ts and
// bench/upload.mjs: the part of Contract 3 the adapter uses, over the real SDK pipeline.
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import type { AssetSession } from '../../src/azure/assets.ts';
import { credential, type Emu } from '../emulator/harness.ts';

/**
 * A session on Azure in a box (test/emulator) with the part of Contract 3 the asset adapter uses:
 * the emulator's ARM through the real SDK pipeline, signed in with the scenario's GitHub OIDC token.
 */
export function emulatorSession(emu: Emu): AssetSession {
  const cred = credential(emu);
  const subscriptionId = emu.inputs['subscription-id'] ?? '';
  const resourceGroup = emu.inputs['resource-group'] ?? '';
  const workspaceName = emu.inputs['workspace-name'] ?? '';
  const ml = new AzureMachineLearningWorkspaces(cred, subscriptionId, { retryOptions: { maxRetries: 0 } });
  return {
    credential: cred, subscriptionId, resourceGroup, workspaceName,
    workspacePath: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspaceName}`,
    arm: {
      async send<T>(req: { method: string; path: string; apiVersion: string; body?: unknown; query?: Record<string, string> }) {
        const q = new URLSearchParams({ 'api-version': req.apiVersion, ...(req.query ?? {}) });
        const res = await ml.sendRequest(createPipelineRequest({ method: req.method as 'GET', url: `https://management.azure.com${req.path}?${q.toString()}`, body: req.body === undefined ? undefined : JSON.stringify(req.body) }));
        const body = (res.bodyAsText ? JSON.parse(res.bodyAsText) : {}) as T;
        if (res.status >= 300) throw Object.assign(new Error(`${req.method} ${req.path}: ${res.status} ${res.bodyAsText ?? ''}`), { status: res.status });
        return { status: res.status, body };
      },
    },
  };
}
