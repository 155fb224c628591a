// Test helpers for src/assets (imported by *.test.ts and bench/ only): an in-memory asset registry
// and blob store with the service's observable behaviour (hash search regardless of name, blob
// metadata, 404s), and deployment requests built the way validate and deploy build them.
import { readFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetType, AssetVersion, BlobFolder, BlobStore, Datastore } from '../azure/assets.ts';
import { analyze } from '../analyze.ts';
import { localFileSystem } from '../source-files.ts';
import { deploymentRestBody, type RestRequest } from '../manifests/rest.ts';
import type { AssetIo } from './plan.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/assets');
export const WS = { subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg', workspaceName: 'ws', location: 'eastus' };
export const WS_PATH = `/subscriptions/${WS.subscriptionId}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws`;

/**
 * An azureml-examples style deployment (cli/endpoints/online/model-1): by default a local model
 * file, the `onlinescoring/` code folder and an image + conda file environment. `model` is a local
 * path, or a reference (`azureml:…`) written as is.
 */
export function model1Deployment(o: { model?: string; name?: string; endpoint?: string; code?: string } = {}): string {
  const model = o.model ?? 'model/sklearn_regression_model.pkl';
  return `name: ${o.name ?? 'blue'}
endpoint_name: ${o.endpoint ?? 'my-endpoint'}
model:${model.startsWith('azureml:') ? ` ${model}` : `\n  path: ${model}`}
code_configuration:
  code: ${o.code ?? 'onlinescoring/'}
  scoring_script: score.py
environment:
  conda_file: environment/conda.yaml
  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest
instance_type: Standard_DS3_v2
instance_count: 1
`;
}

/** Copy the model-1 fixture folders into a temp folder the test may change. */
export async function copyModel1(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assets-model1-'));
  await cp(join(FIXTURES, 'model-1'), dir, { recursive: true });
  return dir;
}

/** The deployment requests for YAML text in `dir`, analysed as the action does. */
export function requestsFor(dir: string, ...yamls: string[]): RestRequest[] {
  const analysis = analyze({
    deployments: yamls.map((text, i) => ({ displayPath: `deploy-${i}.yml`, dir, text })),
    overrides: [],
    fs: localFileSystem,
    workspace: WS,
    unknownTrafficSeverity: 'warning',
  });
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(errors.map((f) => `${f.rule}: ${f.message}`).join('\n'));
  return analysis.deployments.map((d) => deploymentRestBody(d, WS));
}

export interface FakeCall {
  op: string;
  detail: string;
}

export class FakeAzure {
  versions = new Map<string, AssetVersion>();
  blobs = new Map<string, { data: Buffer; metadata: Record<string, string> }>();
  calls: FakeCall[] = [];
  /** Storage refuses the Entra token (the identity has no blob data role); the account key works. */
  refuseToken = false;
  /** Fail the next N uploads of a blob whose name ends with this (to prove errors surface). */
  failUploads: { suffix: string; times: number } | undefined;
  private pending = 0;
  readonly datastore: Datastore = { name: 'workspaceblobstore', accountName: 'wsstore', containerName: 'azureml-blobstore-1', accountUrl: 'https://wsstore.blob.core.windows.net', credentialsType: 'AccountKey' };

  io(): AssetIo {
    const key = (type: AssetType, name: string, version: string) => `${type}/${name}/${version}`;
    const record = (op: string, detail: string) => this.calls.push({ op, detail });
    return {
      workspace: { ...WS, workspacePath: WS_PATH },
      registry: {
        findCodeByHash: async (hash, hashVersion) => {
          record('GET codes?hash', hash);
          return [...this.versions.values()].find((v) => v.id.includes('/codes/') && (v.properties.properties as Record<string, string> | undefined)?.hash_sha256 === hash && (v.properties.properties as Record<string, string>).hash_version === hashVersion);
        },
        getVersion: async (type, name, version) => {
          record(`GET ${type}`, `${name}:${version}`);
          return this.versions.get(key(type, name, version));
        },
        getContainer: async (type, name) => {
          record(`GET ${type} container`, name);
          const list = [...this.versions.values()].filter((v) => v.id.includes(`/${type}/${name}/versions/`));
          if (list.length === 0) return undefined;
          return { latestVersion: list.at(-1)?.version ?? '', nextVersion: String(list.length + 1) };
        },
        putVersion: async (type, name, version, body) => {
          record(`PUT ${type}`, `${name}:${version}`);
          const v: AssetVersion = { id: `${WS_PATH}/${type}/${name}/versions/${version}`, name, version, properties: structuredClone((body as { properties: Record<string, unknown> }).properties) };
          this.versions.set(key(type, name, version), v);
          return v;
        },
        startPendingCodeUpload: async (name, version) => {
          record('POST startPendingUpload', `${name}:${version}`);
          const blobUri = `https://wsstore.blob.core.windows.net/azureml-blobstore-1/LocalUpload/pending-${++this.pending}`;
          return { blobUri, folder: { url: blobUri, auth: { kind: 'sas', query: 'sig=x' } } };
        },
        getDatastore: async (name) => {
          record('GET datastore', name);
          if (name !== this.datastore.name) throw Object.assign(new Error(`datastore ${name} not found`), { status: 404 });
          return this.datastore;
        },
        datastoreAccountKey: async (name) => {
          record('POST datastore listSecrets', name);
          return 'c2VjcmV0LWFjY291bnQta2V5';
        },
      },
      blobs: this.blobStore(),
    };
  }

  blobStore(): BlobStore {
    const url = (folder: BlobFolder, name: string) => `${folder.url}/${name}`;
    return {
      readMetadata: async (folder, name) => {
        this.calls.push({ op: 'HEAD blob', detail: url(folder, name) });
        if (this.refuseToken && folder.auth.kind === 'token') throw Object.assign(new Error('AuthorizationPermissionMismatch'), { statusCode: 403 });
        return this.blobs.get(url(folder, name))?.metadata;
      },
      uploadFile: async (folder, name, absPath, options) => {
        this.calls.push({ op: 'PUT blob', detail: url(folder, name) });
        if (this.refuseToken && folder.auth.kind === 'token') throw Object.assign(new Error('AuthorizationPermissionMismatch'), { statusCode: 403 });
        if (this.failUploads && name.endsWith(this.failUploads.suffix) && this.failUploads.times-- > 0) throw Object.assign(new Error('503 ServerBusy'), { statusCode: 503 });
        const data = await readFile(absPath);
        options.onProgress?.({ loadedBytes: data.length });
        this.blobs.set(url(folder, name), { data, metadata: { ...(options.metadata ?? {}) } });
      },
    };
  }

  count(op: string): number {
    return this.calls.filter((c) => c.op === op).length;
  }
}
