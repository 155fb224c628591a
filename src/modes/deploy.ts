// mode: deploy — validate, then apply (src/rollout/): endpoint, Key Vault access of a new identity,
// deployments, traffic under gates with rollback. Until validate's online checks land
// (docs/architecture.md §1), `check` signs in and reads what apply needs; it never writes.
import { ArmError, signIn, type AzureSession } from '../azure/session.ts';
import { ML_API_VERSION, endpointPath, workspacePath } from '../spec/rest.ts';
import { describeEndpoint, type LiveDeployment, type LiveEndpoint } from '../rollout/live.ts';
import { applyDeploy, type DeployFacts } from '../rollout/apply.ts';
import { describeReference } from '../secrets/scan.ts';
import type { AnalyzedRun, CheckResult, ModeDefinition } from './mode.ts';

export interface DeployChecked extends CheckResult {
  session: AzureSession;
  deploy: DeployFacts;
}

async function readLive(session: AzureSession, endpointName: string): Promise<Omit<DeployFacts, 'session' | 'vaultIds'>> {
  const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: '' };
  const path = endpointPath(ws, endpointName);
  const optional = async <T>(p: Promise<{ body: T }>): Promise<T | undefined> => {
    try {
      return (await p).body;
    } catch (error) {
      if (error instanceof ArmError && error.status === 404) return undefined;
      throw error;
    }
  };
  const [workspace, endpoint, deployments] = await Promise.all([
    session.arm.send<{ location?: string }>({ method: 'GET', path: workspacePath(ws), apiVersion: ML_API_VERSION }),
    optional(session.arm.send<Record<string, unknown>>({ method: 'GET', path, apiVersion: ML_API_VERSION })),
    optional(session.arm.send<{ value?: Array<Record<string, unknown>> }>({ method: 'GET', path: `${path}/deployments`, apiVersion: ML_API_VERSION })),
  ]);
  const live: Record<string, LiveDeployment> = {};
  for (const d of deployments?.value ?? []) {
    const props = (d.properties ?? {}) as { provisioningState?: string };
    live[String(d.name).toLowerCase()] = { body: d, provisioningState: String(props.provisioningState ?? 'Unknown') };
  }
  const described: LiveEndpoint | undefined = endpoint ? describeEndpoint(endpoint) : undefined;
  return { location: workspace.body?.location ?? '', endpoint: described, deployments: live };
}

export const deployMode: ModeDefinition<DeployChecked> = {
  unknownTrafficSeverity: 'warning',
  offlineReferenceStatus: 'resolved by the service when the deployment is created',
  async check(run: AnalyzedRun): Promise<DeployChecked> {
    const session = await run.phase('Sign in to Azure', () => signIn(run.inputs));
    const endpointName = run.analysis.endpoint?.name ?? run.analysis.deployments[0]?.endpointName ?? '';
    const live = await run.phase('Read the workspace and the endpoint', () => readLive(session, endpointName));
    const readBack = live.endpoint ? { scoringUri: live.endpoint.scoringUri, swaggerUri: live.endpoint.swaggerUri, traffic: live.endpoint.traffic, mirrorTraffic: live.endpoint.mirrorTraffic } : undefined;
    const references = run.analysis.references.map((ref) => {
      const { store, target } = describeReference(ref);
      return { variable: ref.variable, file: ref.range.file, line: ref.range.line, store, target, status: { state: 'unknown' as const, why: 'resolved by the service when the deployment is created' } };
    });
    return { findings: [], references, notes: [], readBack, session, deploy: { session, ...live, vaultIds: {} } };
  },
  // Apply opens its own log group per step (groups do not nest) and adds its rows to the timeline.
  apply: (run, checked) => applyDeploy(run, checked.deploy),
};
