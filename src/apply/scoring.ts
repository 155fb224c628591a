// Scoring calls for the smoke and comparison gates: the endpoint's scoring URI, pinned to one
// deployment with the `azureml-model-deployment` header, signed per the endpoint's auth mode with
// a key (listKeys), an AML token (token) or an Entra token for https://ml.azure.com. Sent through
// the Azure SDK pipeline (proxy, retries of throttling). The key or token never reaches the log.
import * as core from '@actions/core';
import { createDefaultHttpClient, createHttpHeaders, createPipelineFromOptions, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { AzureSession } from '../azure/session.ts';
import { ML_API_VERSION } from '../manifests/rest.ts';
import type { ScoringAnswer } from './gates.ts';

export interface ScoringTarget {
  endpointPath: string;
  scoringUri: string;
  authMode: string;
}

export interface Scorer {
  score(deployment: string, body: string): Promise<ScoringAnswer>;
}

async function scoringCredential(session: AzureSession, target: ScoringTarget): Promise<string> {
  const mode = target.authMode.toLowerCase();
  if (mode === 'key') {
    const res = await session.arm.send<{ primaryKey?: string }>({ method: 'POST', path: `${target.endpointPath}/listKeys`, apiVersion: ML_API_VERSION });
    if (!res.body?.primaryKey) throw new Error('listKeys returned no key for the endpoint.');
    return res.body.primaryKey;
  }
  if (mode === 'amltoken') {
    const res = await session.arm.send<{ accessToken?: string }>({ method: 'POST', path: `${target.endpointPath}/token`, apiVersion: ML_API_VERSION });
    if (!res.body?.accessToken) throw new Error('The endpoint token request returned no token.');
    return res.body.accessToken;
  }
  const token = await session.credential.getToken('https://ml.azure.com/.default');
  if (!token) throw new Error('No Entra token for https://ml.azure.com.');
  return token.token;
}

export async function createScorer(session: AzureSession, target: ScoringTarget): Promise<Scorer> {
  const secret = await scoringCredential(session, target);
  core.setSecret(secret);
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 2, retryDelayInMs: 500 }, userAgentOptions: { userAgentPrefix: 'azureml-online-deploy' } });
  const client = createDefaultHttpClient();
  return {
    async score(deployment, body) {
      const request = createPipelineRequest({
        url: target.scoringUri,
        method: 'POST',
        body,
        timeout: 90_000,
        headers: createHttpHeaders({ authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'azureml-model-deployment': deployment }),
      });
      const started = performance.now();
      try {
        const res = await pipeline.sendRequest(client, request);
        return { status: res.status, body: res.bodyAsText ?? '', latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { status: 0, body: '', error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
