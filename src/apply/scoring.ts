// Scoring calls for the smoke and comparison gates: the endpoint's scoring URI, pinned to one
// deployment with the `azureml-model-deployment` header, signed per the endpoint's auth mode with
// a key (listKeys), an AML token (token) or an Entra token for https://ml.azure.com. Sent through
// the Azure SDK pipeline (proxy) with its status retries off: every HTTP answer, 5xx and 429
// included, is what the deployment's users get and is judged by the gate, never retried away. Only
// a request that got no answer at all (a reset, a refused or timed-out connection) is sent again,
// through the one retry loop, inside the gate's budget (docs/rollout.md §3). The key or token never
// reaches the log.
import * as core from '@actions/core';
import { createDefaultHttpClient, createHttpHeaders, createPipelineFromOptions, createPipelineRequest } from '@azure/core-rest-pipeline';
import { retrying, systemClock, type Clock } from '../azure/retry.ts';
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

/** How long a gate keeps sending a scoring request that got no answer (capped by the run's deadline). */
export const SCORING_RETRY_BUDGET_MS = 60_000;

/** A scoring request that got no HTTP answer: the only kind that is sent again. */
export class NoAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAnswer';
  }
}

export interface ScoringBudget {
  /** The run's deadline (ms since the epoch on `clock`). */
  deadline: number;
  clock?: Clock;
  log?(line: string): void;
}

/**
 * One gate request: `send` answers (any HTTP status: an observation) or throws NoAnswer, which is
 * sent again with back-off inside SCORING_RETRY_BUDGET_MS and the deadline; still no answer → status 0.
 */
export async function scoreWithin(what: string, budget: ScoringBudget, send: () => Promise<ScoringAnswer>): Promise<ScoringAnswer> {
  const clock = budget.clock ?? systemClock;
  try {
    return await retrying(what, { deadline: Math.min(budget.deadline, clock.now() + SCORING_RETRY_BUDGET_MS), retryable: (e) => e instanceof NoAnswer, log: budget.log, clock }, send);
  } catch (error) {
    return { status: 0, body: '', error: error instanceof Error ? error.message : String(error) };
  }
}

export async function createScorer(session: AzureSession, target: ScoringTarget, budget: ScoringBudget): Promise<Scorer> {
  const secret = await scoringCredential(session, target);
  core.setSecret(secret);
  // No status retries in the pipeline: a 5xx, 424 or 429 is the gate's observation (see the header).
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 }, userAgentOptions: { userAgentPrefix: 'azureml-online-deploy' } });
  const client = createDefaultHttpClient();
  return {
    score(deployment, body) {
      return scoreWithin(`Scoring request to ${deployment}`, { log: (line) => core.info(line), ...budget }, async () => {
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
          // A RestError with a status is an answer; one without is a transport failure.
          const status = (error as { statusCode?: unknown }).statusCode;
          if (typeof status === 'number') return { status, body: '' };
          throw new NoAnswer(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
